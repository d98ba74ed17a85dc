package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/query"
	"github.com/factgraph/factgraph/store"
)

// graph answers /api/graph: a view, laid out. Around a focus it reads the focus and the
// items its nearest links reach (query.NeighborsIn, which counts and orders the links on
// the store's link index and reads only the items it lists), page by page of limit links;
// without one it reads the whole store when that is small (WholeSources), and otherwise
// sends an empty view with a note that says to start from a search.
func (srv *request) graph(ctx context.Context, p params) (any, error) {
	view, err := p.view(srv.opts.View)
	if err != nil {
		return nil, err
	}
	depth, err := p.int("depth", srv.opts.Depth, 1, MaxDepth)
	if err != nil {
		return nil, err
	}
	limit, err := p.int("limit", srv.opts.Limit, 1, MaxLimit)
	if err != nil {
		return nil, err
	}
	page, err := p.int("page", 0, 0, 1000)
	if err != nil {
		return nil, err
	}
	focus := p["focus"]
	if focus == "" {
		focus = srv.opts.Focus
	}
	if focus == "" {
		return srv.wholeView(ctx, view)
	}
	return srv.around(ctx, view, focus, depth, limit, page)
}

// small says whether the store holds few enough sources to draw whole.
func (srv *request) small(ctx context.Context) (bool, int, error) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.sources < 0 {
		ids, err := srv.s.SourceIDs(ctx)
		if err != nil {
			return false, 0, err // not kept: the next request tries again
		}
		srv.sources = len(ids)
	}
	return srv.sources <= WholeSources, srv.sources, nil
}

func (srv *request) wholeView(ctx context.Context, view string) (any, error) {
	small, n, err := srv.small(ctx)
	if err != nil {
		return nil, err
	}
	if !small {
		return &html.View{Name: view, Nodes: []html.Node{}, Edges: []html.Edge{}, Note: fmt.Sprintf(
			"This store holds %d sources, more than the page draws at once: search for an item to start from it.", n)}, nil
	}
	srv.mu.Lock()
	b, ok := srv.views[view]
	srv.mu.Unlock()
	if ok {
		return json.RawMessage(b), nil
	}
	g, err := srv.s.Load(ctx, store.LoadOptions{})
	if err != nil {
		return nil, err
	}
	v, err := export.BuildView(g, export.ViewOptions{View: view})
	if err != nil {
		return nil, err
	}
	if b, err = json.Marshal(html.NewView(v, html.Spans(g), g.Relations, "")); err != nil {
		return nil, err
	}
	srv.mu.Lock()
	srv.views[view] = b
	srv.mu.Unlock()
	return json.RawMessage(b), nil
}

// around reads the view around focus: its links up to depth steps, the page-th limit of
// them nearest first, and the items they reach, with the names of what those refer to.
func (srv *request) around(ctx context.Context, view, focus string, depth, limit, page int) (any, error) {
	if ok, err := srv.s.Has(ctx, focus); err != nil {
		return nil, err
	} else if !ok {
		return nil, &notFound{fmt.Sprintf("no item %q in the store", focus)}
	}
	res, err := query.NeighborsIn(ctx, srv.s, focus, query.NeighborsOptions{Depth: depth, Limit: limit * (page + 1)})
	if err != nil {
		return nil, err
	}
	ns := res.Neighbors
	if from := page * limit; from < len(ns) {
		ns = ns[from:]
	} else {
		ns = nil
	}
	ids := []string{focus}
	for _, n := range ns {
		ids = append(ids, n.Item.ID)
		if n.Link.Via != "" {
			ids = append(ids, n.Link.Via)
		}
	}
	g, err := srv.s.LoadAround(ctx, ids, store.AroundOptions{Names: true, MaxItems: -1})
	if err != nil {
		return nil, err
	}
	spans, err := srv.spans(ctx, g)
	if err != nil {
		return nil, err
	}
	v, err := export.BuildView(g, export.ViewOptions{View: view})
	if err != nil {
		return nil, err
	}
	out := html.NewView(v, spans, g.Relations, focus)
	out.Focus = focus
	if res.Truncated {
		out.Truncated, out.Omitted = true, res.Omitted
		out.Note = fmt.Sprintf("Showing %d links of %s; %d more at %d steps.", len(res.Neighbors), focus, res.Omitted, res.OmittedDepth)
	}
	return out, nil
}

// spans works out the years of the items of g for the time slider. An obligation's years
// depend on the agreement it is under, and an agreement's on the agreements that revise it,
// which g may hold by name only, or not at all: those are read whole first, and the brief
// agreements of g replaced by them, with the events that date an agreement the facts do not.
//
// An agreement is stated by many sources of a large store, so reading it whole costs more
// than the rest of an answer: each is read once and kept, as are the ids of the agreements
// that revise it. The server reads the store as it was when it started (as its counts of
// sources and its whole views do): a bolt store cannot be written while serve has it open.
func (srv *request) spans(ctx context.Context, g *graph.Graph) (map[string]html.Span, error) {
	var ids []string
	for _, o := range g.Obligations {
		if o.Under != "" {
			ids = append(ids, o.Under)
		}
	}
	for _, a := range g.Agreements {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return html.Spans(g), nil
	}
	whole, err := srv.wholeAgreements(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, a := range g.Agreements {
		if w, ok := whole[a.ID]; ok && len(a.Sources) == 0 {
			g.Agreements[i] = w
		}
	}
	withRevisers := *g
	withRevisers.Agreements = nil
	for _, a := range whole {
		withRevisers.Agreements = append(withRevisers.Agreements, a)
	}
	slices.SortFunc(withRevisers.Agreements, func(a, b graph.Agreement) int { return strings.Compare(a.ID, b.ID) })
	// An agreement the facts do not date is dated by the events that involve it.
	var events []string
	for _, a := range withRevisers.Agreements {
		if a.InForce.IsZero() && a.Signed.IsZero() {
			ids, err := srv.s.Referrers(ctx, a.ID, "involves")
			if err != nil {
				return nil, err
			}
			events = append(events, ids...)
		}
	}
	if len(events) > 0 {
		ev, err := srv.s.LoadAround(ctx, events, store.AroundOptions{MaxItems: -1})
		if err != nil {
			return nil, err
		}
		withRevisers.Events = append(slices.Clip(g.Events), ev.Events...)
	}
	return html.Spans(&withRevisers), nil
}

// wholeAgreements returns the agreements ids name that the store holds, and those that
// revise them, each read whole, from what the server keeps or else from the store.
func (srv *request) wholeAgreements(ctx context.Context, ids []string) (map[string]graph.Agreement, error) {
	srv.agreementsMu.Lock()
	defer srv.agreementsMu.Unlock()
	var load []string
	for _, id := range ids {
		if _, ok := srv.revisers[id]; ok {
			continue
		}
		revisers, err := srv.s.Referrers(ctx, id, "revises")
		if err != nil {
			return nil, err
		}
		srv.revisers[id] = revisers
		for _, r := range append([]string{id}, revisers...) {
			if _, ok := srv.agreements[r]; !ok {
				load = append(load, r)
			}
		}
	}
	if len(load) > 0 {
		ag, err := srv.s.LoadAround(ctx, load, store.AroundOptions{MaxItems: -1})
		if err != nil {
			for _, id := range ids {
				delete(srv.revisers, id)
			}
			return nil, err
		}
		for _, id := range load {
			srv.agreements[id] = nil
		}
		for _, a := range ag.Agreements {
			srv.agreements[a.ID] = &a
		}
	}
	out := map[string]graph.Agreement{}
	for _, id := range ids {
		for _, r := range append([]string{id}, srv.revisers[id]...) {
			if a := srv.agreements[r]; a != nil {
				out[r] = *a
			}
		}
	}
	return out, nil
}

// itemAnswer is what /api/item sends: the item whole, the items the page needs with it,
// and their sources.
type itemAnswer struct {
	Items   map[string]*html.Item   `json:"items"`
	Sources map[string]*html.Source `json:"sources"`
}

// item answers /api/item: the item whole, with the names of what it refers to; a claim or
// counterclaim with its whole thread (every assertion linked to it by counters) and the
// assertions it supports or that support it.
func (srv *request) item(ctx context.Context, p params) (any, error) {
	id, err := p.required("id")
	if err != nil {
		return nil, err
	}
	info, ok, err := srv.s.Lookup(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &notFound{fmt.Sprintf("no item %q in the store", id)}
	}
	ids := []string{id}
	if info.Kind == graph.KindClaim || info.Kind == graph.KindCounterclaim {
		t, err := srv.s.LoadAround(ctx, []string{id}, store.AroundOptions{Depth: -1, Follow: []string{"counters"}, MaxItems: 2000})
		if errors.Is(err, store.ErrTooMany) {
			t, err = srv.s.LoadAround(ctx, []string{id}, store.AroundOptions{Depth: 1, Follow: []string{"counters"}, MaxItems: -1})
		}
		if err != nil {
			return nil, err
		}
		for _, list := range [][]graph.Claim{t.Claims, t.Counterclaims} {
			for _, c := range list {
				ids = append(ids, c.ID)
				if c.ID == id {
					ids = append(ids, c.Supports...)
				}
			}
		}
		by, err := srv.s.Referrers(ctx, id, "supports")
		if err != nil {
			return nil, err
		}
		ids = append(ids, by...)
	}
	g, err := srv.s.LoadAround(ctx, ids, store.AroundOptions{Names: true, MaxItems: -1})
	if err != nil {
		return nil, err
	}
	items := html.Items(g)
	// The sources of the items whole, for their titles.
	var srcs []string
	for _, it := range items {
		if !it.Brief {
			srcs = append(srcs, it.Sources...)
		}
	}
	slices.Sort(srcs)
	srcs = slices.Compact(srcs)
	sg, err := srv.s.LoadAround(ctx, srcs, store.AroundOptions{MaxItems: -1})
	if err != nil {
		return nil, err
	}
	out := &itemAnswer{Items: items, Sources: map[string]*html.Source{}}
	for _, s := range sg.Sources {
		out.Sources[s.ID] = html.SourceOf(s)
	}
	return out, nil
}

// text answers /api/text: a source, with its text when the server can find it.
func (srv *request) text(ctx context.Context, p params) (any, error) {
	id, err := p.required("source")
	if err != nil {
		return nil, err
	}
	g, err := srv.s.LoadAround(ctx, []string{id}, store.AroundOptions{MaxItems: -1})
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(g.Sources, func(s graph.Source) bool { return s.ID == id })
	if i < 0 {
		return nil, &notFound{fmt.Sprintf("no source %q in the store", id)}
	}
	src := g.Sources[i]
	out := html.SourceOf(src)
	select {
	case <-srv.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if srv.texts == nil {
		return out, nil
	}
	text, ok, err := srv.texts.SourceText(src)
	if err != nil {
		srv.logf("text of source %q: %v", id, err)
		return out, nil
	}
	out.Text, out.HasText = text, ok
	return out, nil
}

// searchAnswer is what /api/search sends.
type searchAnswer struct {
	Results []result `json:"results"`
}

type result struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Kind  string `json:"kind"`
	How   string `json:"how,omitempty"`   // "alias" or "id" when not the name matched
	Match string `json:"match,omitempty"` // the alias or id that matched
	score int
}

// search answers /api/search: the items whose id, name or alias is q, then those whose name
// or alias starts with it, at most limit: on a bolt or PostgreSQL store through its name
// index, reading only the names listed; in memory from every name, read once.
func (srv *request) search(ctx context.Context, p params) (any, error) {
	q := p["q"]
	limit, err := p.int("limit", 12, 1, 50)
	if err != nil {
		return nil, err
	}
	key := graph.FoldName(q)
	if key == "" {
		return &searchAnswer{Results: []result{}}, nil
	}
	exact, err := srv.s.NameMatches(ctx, q)
	if errors.Is(err, store.ErrNoNameIndex) {
		return srv.searchAll(ctx, key, limit)
	}
	if err != nil {
		return nil, err
	}
	starts, err := srv.s.NamesWithPrefix(ctx, key, limit*3)
	if errors.Is(err, store.ErrNoNameIndex) {
		return srv.searchAll(ctx, key, limit)
	}
	if err != nil {
		return nil, err
	}
	cands := append(exact, starts...)
	slices.Sort(cands)
	cands = slices.Compact(cands)
	g, err := srv.s.LoadAround(ctx, nil, store.AroundOptions{Named: cands, Aliases: true, MaxItems: -1})
	if err != nil {
		return nil, err
	}
	entries := namesOf(g)
	// An id the name index does not hold (an obligation or assertion, which have no name).
	if len(exact) == 1 && exact[0] == q && !slices.ContainsFunc(entries, func(e nameEntry) bool { return e.id == q }) {
		if w, err := srv.s.LoadAround(ctx, exact, store.AroundOptions{MaxItems: -1}); err == nil {
			entries = append(entries, namesOf(w)...)
		}
	}
	return &searchAnswer{Results: rank(entries, key, limit, true)}, nil
}

// searchAll searches every name of the store, read once and kept: for a store without a
// name index, where any match needs them all.
func (srv *request) searchAll(ctx context.Context, key string, limit int) (any, error) {
	srv.namesMu.Lock()
	defer srv.namesMu.Unlock()
	if srv.names == nil {
		g, err := srv.s.Load(ctx, store.LoadOptions{})
		if err != nil {
			return nil, err // not kept: the next request tries again
		}
		srv.names = namesOf(g)
	}
	return &searchAnswer{Results: rank(srv.names, key, limit, false)}, nil
}

// nameEntry is an item by the names it may be found by.
type nameEntry struct {
	id, label, kind string
	aliases         []string
}

func namesOf(g *graph.Graph) []nameEntry {
	var out []nameEntry
	for _, it := range html.Items(g) {
		out = append(out, nameEntry{id: it.ID, label: it.Label, kind: it.Kind, aliases: it.Aliases})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// rank keeps the entries that match key (folded) and orders them as the page's own search
// does: the whole name, then its start, then, unless prefixOnly, the start of a word and
// anywhere; parties first, then shorter names.
func rank(entries []nameEntry, key string, limit int, prefixOnly bool) []result {
	var out []result
	for _, e := range entries {
		best := result{score: -1}
		try := func(text, how string) {
			f := graph.FoldName(text)
			score := -1
			switch {
			case f == key:
				score = 0
			case len(f) > len(key) && f[:len(key)] == key:
				score = 1
			case !prefixOnly && containsWord(f, key):
				score = 2
			case !prefixOnly && contains(f, key):
				score = 3
			}
			if score >= 0 && (best.score < 0 || score < best.score) {
				best = result{ID: e.id, Label: e.label, Kind: e.kind, How: how, score: score}
				if how != "" {
					best.Match = text
				}
			}
		}
		try(e.label, "")
		try(e.id, "id")
		for _, a := range e.aliases {
			try(a, "alias")
		}
		if best.score >= 0 {
			out = append(out, best)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score < b.score
		}
		if (a.Kind == graph.KindParty) != (b.Kind == graph.KindParty) {
			return a.Kind == graph.KindParty
		}
		if len(a.Label) != len(b.Label) {
			return len(a.Label) < len(b.Label)
		}
		return a.ID < b.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	if out == nil {
		out = []result{}
	}
	return out
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func containsWord(s, sub string) bool { return contains(" "+s, " "+sub) }
