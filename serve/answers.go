package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
