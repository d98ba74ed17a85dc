package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// What a walk read, made into a merged graph: the items reached but not walked from, read
// for their names, and the decoding of what was read as Load decodes a whole store.

// readReached reads the items the walk reached but did not expand from. A party or
// agreement, which thousands of sources may state, is read for its kind and name only
// where the store has a subject-predicate index, and keeps of its fields only the
// references to items the walk expanded (all that a link from those items needs); any
// other item is read whole. On a server it reads them in two requests (reachedAhead), with
// the quads of more (the relations that link them, for the read of those after it) in the
// second.
func (w *walker) readReached(ids []string, more ...quad.IRI) error {
	indexed := w.indexed()
	if indexed {
		if err := w.prefetchKinds(ids); err != nil {
			return err
		}
	}
	var briefs, kinds, whole []string
	for _, id := range ids {
		if it, ok := w.items[id]; ok && it.exists() {
			continue
		}
		if indexed {
			kind, err := w.kind(id)
			if err != nil {
				return err
			}
			if kind == graph.KindParty || kind == graph.KindAgreement {
				briefs, kinds = append(briefs, id), append(kinds, kind)
				continue
			}
		}
		whole = append(whole, id)
	}
	if indexed {
		if err := w.reachedAhead(ids, whole, more); err != nil {
			return err
		}
	}
	for i, id := range briefs {
		if err := w.brief(id, kinds[i]); err != nil {
			return err
		}
	}
	if err := w.prefetchItems(whole); err != nil {
		return err
	}
	for _, id := range whole {
		if _, err := w.item(id); err != nil {
			return err
		}
	}
	return nil
}

// reachedAhead reads on a server what readReached reads of ids, in two requests where it
// made three or more: what preloadNames reads for their names, and in its second request
// the quads of the items read whole (whole), of more, and of the sources of the items whose
// names were read before (brief reads those sources, preloadNames leaves them out).
func (w *walker) reachedAhead(ids, whole []string, more []quad.IRI) error {
	quads := append([]quad.IRI(nil), more...)
	for _, id := range whole {
		quads = append(quads, model.ItemIRI(id))
	}
	for _, id := range ids {
		if _, read := w.items[id]; read {
			continue
		}
		if _, named := w.names[id]; named && w.sourceToRead(id) {
			quads = append(quads, model.SourceIRI(id))
		}
	}
	return w.preloadNames(ids, quads...)
}

// brief reads the party or agreement id, of kind kind, for its type and name, from one
// source, into w.partial, and the source that shares its id.
func (w *walker) brief(id, kind string) error {
	info := &graph.ItemInfo{ID: id, Kind: kind}
	var err error
	if info.Type, err = w.first(model.ItemIRI(id), model.Type); err != nil {
		return err
	}
	if info.Name, err = w.first(model.ItemIRI(id), model.Name); err != nil {
		return err
	}
	w.partial[id] = info
	return w.source(id)
}

// decodeParallelMin is the fewest sources whose parts graph decodes on two goroutines (a
// variable for tests).
var decodeParallelMin = 256

// graph decodes what the walk read, source by source, as model.Decode decodes a whole
// source, and merges it. A source is in the graph when its id is the id of an item read (or
// asked for): a query that names that id finds the source, as it would in Load's graph.
func (w *walker) graph() (*graph.Graph, error) {
	if err := w.readErr(); err != nil {
		return nil, err
	}
	type part struct {
		quads    []quad.Quad
		sections map[string][]string
	}
	// each calls fn with every item and relation the graph holds, by source.
	each := func(fn func(src, kind, key string, qs []quad.Quad)) {
		for _, id := range w.order {
			if w.keep != nil && !w.keep[id] {
				continue
			}
			it := w.items[id]
			for src, kind := range it.kind {
				fn(src, kind, id, it.bySource[src])
			}
		}
		for iri, it := range w.rels {
			if w.keepRel != nil && !w.keepRel[iri] {
				continue
			}
			for src, kind := range it.kind {
				if kind == graph.KindRelation {
					fn(src, kind, strings.TrimPrefix(iri, model.RelationPrefix), it.bySource[src])
				}
			}
		}
	}
	// Each source's quads in one slice of the size they come to, with room for those that
	// decode adds (its kind, and the order of each section): grown quad by quad, the hub's
	// obligations of 10,000 articles took 4 MB more.
	sizes := map[string]int{}
	each(func(src, _, _ string, qs []quad.Quad) { sizes[src] += len(qs) })
	parts := map[string]*part{}
	each(func(src, kind, key string, qs []quad.Quad) {
		p := parts[src]
		if p == nil {
			p = &part{quads: make([]quad.Quad, 0, sizes[src]+1+model.SectionCount), sections: map[string][]string{}}
			parts[src] = p
		}
		p.quads = append(p.quads, qs...)
		sec := model.SectionOf(kind)
		p.sections[sec] = append(p.sections[sec], key)
	})
	// Each source's part decodes on its own: a hub's obligations come from a thousand
	// sources, decoded on both cores when there are many.
	srcs := sortedKeys(parts)
	decoded := make([]*graph.Facts, len(srcs))
	decodeErrs := make([]error, len(srcs))
	decode := func(from, to int) {
		for i := from; i < to; i++ {
			src := srcs[i]
			p := parts[src]
			label := model.SourceIRI(src)
			qs := append(p.quads, quad.Quad{Subject: label, Predicate: model.Kind, Object: quad.String(graph.KindSource), Label: label})
			for sec, ids := range p.sections {
				sort.Strings(ids)
				b, _ := json.Marshal(ids) // a []string always marshals
				qs = append(qs, quad.Quad{Subject: label, Predicate: quad.IRI(model.OrderPrefix + sec), Object: quad.String(b), Label: label})
			}
			decoded[i], decodeErrs[i] = model.Decode(src, qs)
		}
	}
	if half := len(srcs) / 2; len(srcs) >= decodeParallelMin {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			decode(half, len(srcs))
		}()
		decode(0, half)
		wg.Wait()
	} else {
		decode(0, len(srcs))
	}
	var facts []*graph.Facts
	var errs []error
	for i, f := range decoded {
		if decodeErrs[i] != nil {
			errs = append(errs, decodeErrs[i])
			continue
		}
		facts = append(facts, f)
	}
	// A source's own node, without the lists of its sections, decodes to the source alone.
	var sources []graph.Source
	for _, id := range sortedKeys(w.sources) {
		if w.sources[id] == nil || w.keep != nil && !w.keep[id] {
			continue
		}
		var qs []quad.Quad
		for _, q := range w.sources[id].bySource[id] {
			if p, _ := q.Predicate.(quad.IRI); q.Subject == model.SourceIRI(id) && !model.IsSectionOrder(p) {
				qs = append(qs, q)
			}
		}
		f, err := model.Decode(id, qs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sources = append(sources, f.Source)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	g := graph.Merge(facts)
	g.Sources = sources
	w.addNames(g)
	return g, nil
}

// addNames adds the items read for their names only, and the items reached but not read
// whole (the parties and agreements of a walk, every item of a sketch), with the
// references the walk saw them make.
func (w *walker) addNames(g *graph.Graph) {
	// The ids of names and partial, in order, each once: partial's info wins.
	ids := make([]string, 0, len(w.names)+len(w.partial))
	for id := range w.names {
		if _, ok := w.partial[id]; !ok {
			ids = append(ids, id)
		}
	}
	for id := range w.partial {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	// The items to add, by id, and how many of each kind: the lists grow once, to what
	// they come to (grown item by item, the claims of a hub's neighbourhood were allocated
	// twice over).
	type adding struct {
		id   string
		info *graph.ItemInfo
	}
	adds := make([]adding, 0, len(ids))
	counts := map[string]int{}
	for _, id := range ids {
		info, ok := w.partial[id]
		if !ok {
			info = w.names[id]
		}
		if info == nil {
			continue
		}
		if it, full := w.items[id]; full && it.exists() {
			continue
		}
		adds = append(adds, adding{id, info})
		counts[info.Kind]++
	}
	added := len(adds) > 0
	g.Parties = slices.Grow(g.Parties, counts[graph.KindParty])
	g.Agreements = slices.Grow(g.Agreements, counts[graph.KindAgreement])
	g.Events = slices.Grow(g.Events, counts[graph.KindEvent])
	g.Obligations = slices.Grow(g.Obligations, counts[graph.KindObligation])
	g.Claims = slices.Grow(g.Claims, counts[graph.KindClaim])
	g.Counterclaims = slices.Grow(g.Counterclaims, counts[graph.KindCounterclaim])
	var rs []fieldRef
	for _, a := range adds {
		id, info := a.id, a.info
		// The references the walk saw the item make, by field and then id, each once.
		rs = rs[:0]
		if w.partial[id] != nil {
			rs = append(rs, w.fieldRefs[id]...)
			slices.SortFunc(rs, func(a, b fieldRef) int {
				return cmp.Or(strings.Compare(string(a.field), string(b.field)), strings.Compare(a.to, b.to))
			})
			rs = slices.Compact(rs)
		}
		list := func(p quad.IRI) []string {
			var out []string
			for _, r := range rs {
				if r.field == p {
					out = append(out, r.to)
				}
			}
			return out
		}
		one := func(p quad.IRI) string {
			for _, r := range rs {
				if r.field == p {
					return r.to
				}
			}
			return ""
		}
		switch info.Kind {
		case graph.KindParty:
			g.Parties = append(g.Parties, graph.Party{ID: id, Name: info.Name, Kind: info.Type, MemberOf: list(model.MemberOf), Aliases: w.aliases[id]})
		case graph.KindAgreement:
			g.Agreements = append(g.Agreements, graph.Agreement{ID: id, Name: info.Name, Kind: info.Type, Parties: list(model.Party), Revises: one(model.Revises)})
		case graph.KindEvent:
			g.Events = append(g.Events, graph.Event{ID: id, Name: info.Name, Involves: list(model.Involves)})
		case graph.KindObligation:
			// Read for its label (readLabels), an obligation has its duty in Name and its
			// status in Type.
			g.Obligations = append(g.Obligations, graph.Obligation{ID: id, Bearer: one(model.Bearer), Beneficiary: one(model.Beneficiary), Under: one(model.Under), Duty: info.Name, Status: info.Type})
		case graph.KindClaim, graph.KindCounterclaim:
			c := graph.Claim{ID: id, Kind: info.Kind, By: one(model.By), About: list(model.About), Counters: list(model.Counters), Supports: list(model.Supports), Date: w.dates[id], Says: info.Name}
			if info.Kind == graph.KindClaim {
				g.Claims = append(g.Claims, c)
			} else {
				g.Counterclaims = append(g.Counterclaims, c)
			}
		}
	}
	if added {
		sort.Slice(g.Parties, func(i, j int) bool { return g.Parties[i].ID < g.Parties[j].ID })
		sort.Slice(g.Agreements, func(i, j int) bool { return g.Agreements[i].ID < g.Agreements[j].ID })
		sort.Slice(g.Events, func(i, j int) bool { return g.Events[i].ID < g.Events[j].ID })
		sort.Slice(g.Obligations, func(i, j int) bool { return g.Obligations[i].ID < g.Obligations[j].ID })
		sort.Slice(g.Claims, func(i, j int) bool { return g.Claims[i].ID < g.Claims[j].ID })
		sort.Slice(g.Counterclaims, func(i, j int) bool { return g.Counterclaims[i].ID < g.Counterclaims[j].ID })
	}
}

// first returns the text value of predicate p of the subject s as one source gives it,
// through the subject-predicate index of a key-value store; "" when there is none.
func (w *walker) first(s, p quad.IRI) (string, error) {
	v, err := w.firstValue(s, p)
	if t, ok := v.(quad.String); ok {
		return string(t), err
	}
	return "", err
}

// firstValue is first for a value of any type; nil when there is none.
func (w *walker) firstValue(s, p quad.IRI) (quad.Value, error) {
	br, err := w.reader()
	if err != nil {
		return nil, err
	}
	if br != nil {
		v, ok, err := br.First(s, p)
		if ok || err != nil {
			return v, err
		}
	}
	sref, err := w.s.qs.ValueOf(s)
	if err != nil || sref == nil {
		return nil, err
	}
	pref, err := w.s.qs.ValueOf(p)
	if err != nil || pref == nil {
		return nil, err
	}
	si, ok1 := sref.(kv.Int64Value)
	pi, ok2 := pref.(kv.Int64Value)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("read store: unexpected value reference %T", sref)
	}
	spIndex := kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	scan := kv.IndexScan{Index: spIndex, Values: []uint64{uint64(si), uint64(pi)}}
	var found quad.Value
	errFound := errors.New("found")
	err = w.iterate(scan.BuildIterator(w.s.qs), func(q quad.Quad, _ string) error {
		found = q.Object
		return errFound
	})
	if err != nil && err != errFound {
		return nil, err
	}
	return found, nil
}
