package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// ErrNoLinkIndex is returned by LoadSketch on a store without a link index that covers it
// (linkindex.go): a store other than bolt, or one that another program wrote last.
var ErrNoLinkIndex = errors.New("the store has no link index that covers it; read the items instead")

// SketchOptions shape LoadSketch.
type SketchOptions struct {
	// Follow names the links to sketch, as AroundOptions.Follow names those to walk.
	Follow []string
	// Whole are items to read, whole but for parties and agreements, which are read for
	// their names and types (as LoadAround reads the parties and agreements it reaches).
	Whole []string
	// Labels are items to read for what a listing shows of them (query.Item): the kind, the
	// type (a party's or agreement's kind, an obligation's status) and the label (a name, an
	// obligation's duty, a claim's text), each as the merged graph has it (graph.Merge: from
	// the first source by id that gives it), and no other field. An item read whole is not
	// read again.
	Labels []string
}

// LoadSketch returns a sketch of the links of the seeds: the seeds and every item one link
// away from them (the items LoadAround reaches with Depth 1), each with its id, its kind
// and the fields that make those links, and the relations among them with their ends and
// type, all read from the link index and nothing else: no name, no text, no date. An
// obligation that links a seed as bearer or beneficiary holds both, and its other party is
// in the sketch too, so that the "owes" link is there. The sketch has every link of the
// seeds, so a query can count and order them; it can print only items read whole. A party
// that a thousand articles state links thousands of items, and the sketch reads their ids
// and kinds from runs of keys.
//
// The items in opts.Whole are read (see SketchOptions.Whole) in place of their sketch; with
// no seeds, LoadSketch reads only them.
//
// It returns ErrNoLinkIndex on a store without a link index that covers it.
func (s *Store) LoadSketch(ctx context.Context, seeds []string, opts SketchOptions) (_ *graph.Graph, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	w, err := s.linkWalker(ctx, opts.Follow)
	if err != nil {
		return nil, err
	}
	defer w.close()
	if err := w.preloadSketch(seeds); err != nil {
		return nil, err
	}
	reached := map[string]bool{}
	var rels []graph.Relation
	for _, id := range seeds {
		ok, err := w.isItem(id)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		reached[id] = true
		if rels, err = w.sketchLinks(id, reached, rels); err != nil {
			return nil, err
		}
	}
	whole := map[string]bool{}
	for _, id := range opts.Whole {
		whole[id] = true
	}
	ids := sortedKeys(reached)
	if err := w.prefetchKinds(append(ids, sortedKeys(whole)...)); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if !whole[id] {
			w.partial[id] = &graph.ItemInfo{ID: id, Kind: w.kinds[id]}
		}
	}
	if err := w.readReached(sortedKeys(whole)); err != nil {
		return nil, err
	}
	if err := w.readLabels(opts.Labels); err != nil {
		return nil, err
	}
	g, err := w.graph()
	if err != nil {
		return nil, err
	}
	// A sketch reads no relation's node: its relations are those of the links.
	slices.SortFunc(rels, compareRelations)
	g.Relations = slices.CompactFunc(rels, func(a, b graph.Relation) bool { return compareRelations(a, b) == 0 })
	return g, nil
}

// linkWalker returns a walker of the bolt store s that reads its link index, or
// ErrNoLinkIndex when s has none that covers it.
func (s *Store) linkWalker(ctx context.Context, follow []string) (*walker, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	if s.bolt == nil && s.pg == nil {
		return nil, ErrNoLinkIndex
	}
	w := newWalker(ctx, s, -1, follow)
	br, err := w.linkIndex()
	if err != nil {
		w.close()
		return nil, err
	}
	if br == nil {
		w.close()
		return nil, ErrNoLinkIndex
	}
	return w, nil
}

func compareRelations(a, b graph.Relation) int {
	return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.Type, b.Type), strings.Compare(a.To, b.To))
}

// sketchLinks adds to reached the items linked to the item id and records the fields that
// make those links (fieldRefs), as expand walks them, from the link index; it appends the
// relations that make links to rels.
func (w *walker) sketchLinks(id string, reached map[string]bool, rels []graph.Relation) ([]graph.Relation, error) {
	ends, _, _ := w.br.ItemLinks(model.ItemIRI(id))
	if _, ok := w.br.(preloader); ok {
		// The kinds of what the item's own fields and relations lead to, in one request.
		var others []string
		for _, e := range ends {
			if e.Out || model.IsRelationType(quad.IRI(e.Pred)) {
				others = append(others, e.Other)
			}
		}
		if err := w.prefetchKinds(others); err != nil {
			return nil, err
		}
	}
	reach := func(other string) (bool, error) {
		if other == id {
			return false, nil
		}
		ok, err := w.isItem(other)
		if ok {
			reached[other] = true
		}
		return ok, err
	}
	var owes []model.LinkEnd // obligations that link id as bearer or beneficiary
	for _, e := range ends {
		p := quad.IRI(e.Pred)
		var err error
		switch {
		case e.Out && model.IsRef(p):
			if w.follows(strings.TrimPrefix(e.Pred, "fg:")) {
				var ok bool
				if ok, err = reach(e.Other); ok {
					w.fieldRefs[id] = append(w.fieldRefs[id], fieldRef{p, e.Other})
				}
			}
		case model.IsRelationType(p):
			if !w.follows(e.Pred) {
				continue
			}
			var ok bool
			if ok, err = reach(e.Other); ok {
				r := graph.Relation{From: id, Type: e.Pred, To: e.Other}
				if !e.Out {
					r.From, r.To = e.Other, id
				}
				rels = append(rels, r)
			}
		case model.IsRef(p):
			// The subject of a reference is an item, of the kind that has the field: its
			// kind is not looked up (a claim's field and a counterclaim's make the same
			// links).
			if _, known := w.kinds[e.Other]; !known {
				w.kinds[e.Other] = fieldKind[p]
			}
			if w.follows(strings.TrimPrefix(e.Pred, "fg:")) {
				w.fieldRefs[e.Other] = append(w.fieldRefs[e.Other], fieldRef{p, id})
				reached[e.Other] = true
			}
			if (p == model.Bearer || p == model.Beneficiary) && w.follows(LinkOwes) {
				// The obligation carries the owes link: it is sketched with both parties.
				w.fieldRefs[e.Other] = append(w.fieldRefs[e.Other], fieldRef{p, id})
				reached[e.Other] = true
				owes = append(owes, e)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	// The other party of each obligation, looked up together.
	others := make([]string, len(owes))
	otherField := func(e model.LinkEnd) quad.IRI {
		if quad.IRI(e.Pred) == model.Beneficiary {
			return model.Bearer
		}
		return model.Beneficiary
	}
	obligations := make([]string, len(owes))
	for i, e := range owes {
		obligations[i] = e.Other
	}
	if err := w.preload(obligations); err != nil {
		return nil, err
	}
	err := w.split(len(owes), parallelMin, func(r indexReader, from, to int) error {
		for i := from; i < to; i++ {
			others[i] = r.FirstLinked(model.ItemIRI(owes[i].Other), otherField(owes[i]))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, ok := w.br.(preloader); ok {
		if err := w.prefetchKinds(others); err != nil {
			return nil, err
		}
	}
	for i, e := range owes {
		if others[i] == "" {
			continue
		}
		ok, err := reach(others[i])
		if err != nil {
			return nil, err
		}
		if ok {
			w.fieldRefs[e.Other] = append(w.fieldRefs[e.Other], fieldRef{otherField(e), others[i]})
		}
	}
	return rels, nil
}

// preloadSketch reads ahead, on a store whose reader reads many items in one request,
// what sketchLinks reads for the seeds: their links, the kinds of what their own fields
// and relations lead to, the obligations that name them as bearer or beneficiary and the
// kinds of those obligations' other parties, in four requests for all the seeds.
func (w *walker) preloadSketch(seeds []string) error {
	if _, ok := w.br.(preloader); !ok || len(seeds) < 2 {
		return nil
	}
	if err := w.preload(seeds); err != nil {
		return err
	}
	var others, obligations []string
	type owed struct {
		obligation string
		field      quad.IRI
	}
	var owes []owed
	for _, id := range seeds {
		ends, _, _ := w.br.ItemLinks(model.ItemIRI(id))
		for _, e := range ends {
			p := quad.IRI(e.Pred)
			switch {
			case e.Out || model.IsRelationType(p):
				others = append(others, e.Other)
			case p == model.Bearer:
				obligations = append(obligations, e.Other)
				owes = append(owes, owed{e.Other, model.Beneficiary})
			case p == model.Beneficiary:
				obligations = append(obligations, e.Other)
				owes = append(owes, owed{e.Other, model.Bearer})
			}
		}
	}
	if err := w.preload(obligations); err != nil {
		return err
	}
	for _, o := range owes {
		if other := w.br.FirstLinked(model.ItemIRI(o.obligation), o.field); other != "" {
			others = append(others, other)
		}
	}
	if err := w.prefetchKinds(others); err != nil {
		return err
	}
	return w.readErr()
}

// fieldKind is the kind of item that has a reference field (claims and counterclaims share
// theirs: a claim stands for both).
var fieldKind = map[quad.IRI]string{
	model.MemberOf: graph.KindParty, model.Party: graph.KindAgreement, model.Revises: graph.KindAgreement, model.Involves: graph.KindEvent,
	model.Bearer: graph.KindObligation, model.Beneficiary: graph.KindObligation, model.Under: graph.KindObligation,
	model.By: graph.KindClaim, model.About: graph.KindClaim, model.Counters: graph.KindClaim, model.Supports: graph.KindClaim,
}

// SketchThreads returns a sketch of the claims and counterclaims among seeds and of every
// assertion linked to them by counters, either way, however far: their threads, as
// LoadAround with Depth -1 along counters reads them. Each assertion holds its id, its
// kind, its by, about, counters and supports, and its date, and nothing else (no text, no
// quote): enough to build and order the threads and to match them to a party or item, not
// to print them. The items in named are in the sketch too, by their kind alone. All of it
// comes from the link index.
//
// It returns ErrNoLinkIndex on a store without a link index that covers it.
func (s *Store) SketchThreads(ctx context.Context, seeds, named []string) (_ *graph.Graph, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	w, err := s.linkWalker(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer w.close()
	seen := map[string]bool{}
	queue := append([]string(nil), seeds...)
	// Breadth first, a layer at a time: the links of a layer are read ahead together.
	for len(queue) > 0 {
		layer := queue
		queue = nil
		var todo []string
		for _, id := range layer {
			if !seen[id] {
				todo = append(todo, id)
			}
		}
		if err := w.preload(todo); err != nil {
			return nil, err
		}
		for _, id := range layer {
			if seen[id] {
				continue
			}
			seen[id] = true
			if len(seen)%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ends, kind, date := w.br.ItemLinks(model.ItemIRI(id))
			if kind != graph.KindClaim && kind != graph.KindCounterclaim {
				continue
			}
			for _, e := range ends {
				p := quad.IRI(e.Pred)
				switch {
				case e.Out && (p == model.By || p == model.About || p == model.Counters || p == model.Supports):
					w.fieldRefs[id] = append(w.fieldRefs[id], fieldRef{p, e.Other})
					if p == model.Counters {
						queue = append(queue, e.Other)
					}
				case !e.Out && p == model.Counters:
					queue = append(queue, e.Other)
				}
			}
			if date != "" {
				d, err := graph.ParseDate(date)
				if err != nil {
					return nil, fmt.Errorf("read store: <%s> %s: %w", id, model.Date, err)
				}
				w.dates[id] = d
			}
			w.partial[id] = &graph.ItemInfo{ID: id, Kind: kind}
		}
	}
	for _, id := range named {
		if _, ok := w.partial[id]; ok {
			continue
		}
		kind, err := w.kind(id)
		if err != nil {
			return nil, err
		}
		if kind != "" {
			w.partial[id] = &graph.ItemInfo{ID: id, Kind: kind}
		}
	}
	return w.graph()
}
