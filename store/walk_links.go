package store

import (
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// The links of an item, as a walk follows them: from the link index of a bolt store, from
// the quads that may carry them, or from the item read whole.

// link is one way from an item to another (to): a reference field (rel) of either, a
// relation of type rel either way, or an obligation's "owes" (via the obligation). The
// item it leads from is the one whose links hold it (links): a hub's links are thousands,
// so a link keeps no more than it must.
type link struct {
	to, rel, via string
	kind         linkKind
}

// linkKind says which item of a link holds what makes it.
type linkKind uint8

const (
	refFrom linkKind = iota // the item's reference field rel names to
	refTo                   // to's reference field rel names the item
	relFrom                 // the relation (item, rel, to)
	relTo                   // the relation (to, rel, item)
	owesVia                 // the obligation via, whose bearer or beneficiary is the item, owes to or is owed by to
)

// links returns the links of the item id to other items, in either direction, reading the
// quads that may carry them (linkEnds) but not the items they lead to.
func (w *walker) links(id string) ([]link, error) { return w.linksTo(id, nil) }

// linksTo is links when to is nil, and otherwise the links of id to the items to holds
// (with perhaps others, when links made them before): it looks up whether an end is an
// item only for those, and keeps what it made for no later call. A path search walks back
// from where its balls met through the items of the last layer that link to a meeting: a
// party there links to thousands of items, of which a few are meetings.
func (w *walker) linksTo(id string, to map[string]bool) ([]link, error) {
	if ls, ok := w.linkCache[id]; ok {
		return ls, nil
	}
	var ends []model.LinkEnd
	exists := false
	var err error
	if got, ok := w.endsTo[id]; ok && to != nil {
		delete(w.endsTo, id)
		ends, exists = got, true
	} else if ends, exists, err = w.linkEnds(id); err != nil || !exists {
		return nil, err
	}
	n := len(ends)
	for _, e := range ends {
		if !e.Out && (e.Pred == string(model.Bearer) || e.Pred == string(model.Beneficiary)) {
			n++ // and an "owes" link through the obligation
		}
	}
	ls := make([]link, 0, n)
	add := func(l link) error {
		if l.to == id || (to != nil && !to[l.to]) {
			return nil
		}
		ok, err := w.isItem(l.to)
		if ok {
			ls = append(ls, l)
		}
		return err
	}
	for _, e := range ends {
		p := quad.IRI(e.Pred)
		switch {
		case e.Out && model.IsRef(p):
			err = add(link{to: e.Other, rel: e.Pred, kind: refFrom})
		case e.Out && model.IsRelationType(p):
			err = add(link{to: e.Other, rel: e.Pred, kind: relFrom})
		case model.IsRelationType(p):
			err = add(link{to: e.Other, rel: e.Pred, kind: relTo})
		case model.IsRef(p):
			// The subject of a reference is an item: it is not checked.
			if to == nil || to[e.Other] {
				ls = append(ls, link{to: e.Other, rel: e.Pred, kind: refTo})
			}
			if p == model.Bearer || p == model.Beneficiary {
				other := model.Beneficiary
				if p == model.Beneficiary {
					other = model.Bearer
				}
				var o string
				if o, err = w.firstRef(e.Other, other); err == nil && o != "" {
					err = add(link{to: o, rel: LinkOwes, via: e.Other, kind: owesVia})
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if to == nil {
		w.linkCache[id] = ls
	}
	return ls, nil
}

// linkEnds returns the ends of the quads that may link the item id to another, with a
// source's label: those whose subject or object is id and whose predicate is a reference
// field or a relation type; exists says whether id is an item. On a bolt store it reads
// them from the link index (linkindex.go) when that covers the store, else it reads those
// quads alone, picking them by the predicate in the index keys: a claim's text and quote
// are never read from the log, let alone decoded. Elsewhere it reads the item whole and
// its quads in the object index.
func (w *walker) linkEnds(id string) (ends []model.LinkEnd, exists bool, err error) {
	br, err := w.reader()
	if err != nil {
		return nil, false, err
	}
	var out, in []quad.Quad
	indexed := false
	if br != nil {
		if indexed, err = br.HasIndex(quad.Subject, quad.Predicate); err == nil && indexed {
			indexed, err = br.HasIndex(quad.Object, quad.Predicate)
		}
		if err != nil {
			return nil, false, err
		}
	}
	if !indexed {
		it, err := w.item(id)
		if err != nil || !it.exists() {
			return nil, false, err
		}
		err = it.outgoing(func(p quad.IRI, to string, relation bool) error {
			ends = append(ends, model.LinkEnd{Pred: string(p), Other: to, Out: true})
			return nil
		})
		if err != nil {
			return nil, false, err
		}
		err = w.quads(quad.Object, model.ItemIRI(id), func(q quad.Quad, _ string) error {
			in = append(in, q)
			return nil
		})
		return appendInEnds(ends, in), true, err
	}
	if exists, err = w.isItem(id); err != nil || !exists {
		return nil, false, err
	}
	if br.HasLinks() {
		if got, ok := w.ends[id]; ok {
			ends = got.ends
			delete(w.ends, id) // links keeps what it makes of them
		} else {
			ends, _, _ = br.ItemLinks(model.ItemIRI(id))
		}
		return ends, true, nil
	}
	out, in, _, err = br.LinkQuads(model.ItemIRI(id))
	for _, q := range out {
		p, _ := q.Predicate.(quad.IRI)
		if o, ok := q.Object.(quad.IRI); ok {
			ends = append(ends, model.LinkEnd{Pred: string(p), Other: string(o), Out: true})
		}
	}
	return appendInEnds(ends, in), exists, err
}

// appendInEnds appends the ends of the quads in, whose object is the item, to ends.
func appendInEnds(ends []model.LinkEnd, in []quad.Quad) []model.LinkEnd {
	for _, q := range in {
		p, _ := q.Predicate.(quad.IRI)
		if sub, ok := q.Subject.(quad.IRI); ok {
			ends = append(ends, model.LinkEnd{Pred: string(p), Other: string(sub)})
		}
	}
	return ends
}

// firstRef returns the id the item id refers to through the field p: through the
// subject-predicate index of a key-value store, else from the item read whole.
func (w *walker) firstRef(id string, p quad.IRI) (string, error) {
	br, err := w.linkIndex()
	if err != nil {
		return "", err
	}
	if br != nil {
		return br.FirstLinked(model.ItemIRI(id), p), nil
	}
	if w.indexed() {
		v, err := w.firstValue(model.ItemIRI(id), p)
		o, _ := v.(quad.IRI)
		return string(o), err
	}
	it, err := w.item(id)
	if err != nil {
		return "", err
	}
	if refs := it.refs(p); len(refs) > 0 {
		return refs[0], nil
	}
	return "", nil
}

// isItem says whether id is an item of the store (kind).
func (w *walker) isItem(id string) (bool, error) {
	kind, err := w.kind(id)
	return kind != "", err
}

// kind returns the kind of the item id as one source gives it, "" when no source gives it
// an item's kind: from the item if it was read whole, else from the link index, the
// subject-predicate index of a key-value store, or a read of the item whole elsewhere.
func (w *walker) kind(id string) (string, error) {
	if it, ok := w.items[id]; ok {
		return it.firstKind(), nil
	}
	if kind, ok := w.kinds[id]; ok {
		return kind, nil
	}
	br, err := w.linkIndex()
	if err != nil {
		return "", err
	}
	var kind string
	if br != nil {
		kind = br.Kind(model.ItemIRI(id))
	} else if w.indexed() {
		k, err := w.first(model.ItemIRI(id), model.Kind)
		if err != nil {
			return "", err
		}
		if model.IsItemKind(k) {
			kind = k
		}
	} else {
		if _, err := w.item(id); err != nil {
			return "", err
		}
		return w.kind(id)
	}
	w.kinds[id] = kind
	return kind, nil
}

// expand returns the items linked to the item id, in either direction, reading the items it
// finds and the relations that link them.
func (w *walker) expand(id string) ([]string, error) {
	it, err := w.item(id)
	if err != nil || !it.exists() {
		return nil, err
	}
	if it.expanded {
		return it.adj, nil
	}
	seen := map[string]bool{}
	var adj []string
	// add records that other is linked to id; field, when set, is other's own field that
	// names id, kept for an item that the walk reaches but does not read whole.
	add := func(other string, field quad.IRI) error {
		if field != "" {
			w.fieldRefs[other] = append(w.fieldRefs[other], fieldRef{field, id})
		}
		if seen[other] || other == id {
			return nil
		}
		seen[other] = true
		ok, err := w.isItem(other)
		if ok {
			adj = append(adj, other)
		}
		return err
	}
	// The relations' nodes, read ahead in one request where a request costs a round trip.
	if _, ok := w.br.(preloader); ok {
		var rels []relKey
		err = it.outgoing(func(p quad.IRI, to string, relation bool) error {
			if relation && w.follows(string(p)) {
				rels = append(rels, relKey{id, p, to})
			}
			return nil
		})
		if err == nil {
			err = w.prefetchRelations(rels)
		}
		if err != nil {
			return nil, err
		}
	}
	// Outgoing: the item's own references, and relations from it.
	err = it.outgoing(func(p quad.IRI, to string, relation bool) error {
		switch {
		case !relation && w.follows(strings.TrimPrefix(string(p), "fg:")):
			return add(to, "")
		case relation && w.follows(string(p)):
			if err := w.relation(id, p, to); err != nil {
				return err
			}
			return add(to, "")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Incoming: items that refer to it, relations to it, and through an obligation that
	// refers to it as bearer or beneficiary, the party at the other end.
	type in struct {
		p   quad.IRI
		sub string
	}
	var ins []in
	br, err := w.linkIndex()
	if err != nil {
		return nil, err
	}
	if br != nil {
		for _, e := range br.Incoming(model.ItemIRI(id), w.followedPreds()) {
			ins = append(ins, in{quad.IRI(e.Pred), e.Other})
		}
	}
	collect := func(q quad.Quad, _ string) error {
		p, _ := q.Predicate.(quad.IRI)
		sub, ok := q.Subject.(quad.IRI)
		if ok && (model.IsRef(p) || model.IsRelationType(p)) {
			ins = append(ins, in{p, string(sub)})
		}
		return nil
	}
	if br != nil {
		// Read above.
	} else if preds := w.followedPreds(); preds != nil && w.indexed() {
		// Only the links the walk follows: a party that thousands of items name has
		// thousands of incoming quads, and a walk along counters needs none of them.
		for _, p := range preds {
			if err := w.objectQuads(model.ItemIRI(id), p, collect); err != nil {
				return nil, err
			}
		}
	} else if err := w.quads(quad.Object, model.ItemIRI(id), collect); err != nil {
		return nil, err
	}
	if _, ok := w.br.(preloader); ok {
		var rels []relKey
		for _, x := range ins {
			if model.IsRelationType(x.p) && w.follows(string(x.p)) {
				rels = append(rels, relKey{x.sub, x.p, id})
			}
		}
		if err := w.prefetchRelations(rels); err != nil {
			return nil, err
		}
	}
	sort.Slice(ins, func(i, j int) bool {
		if ins[i].sub != ins[j].sub {
			return ins[i].sub < ins[j].sub
		}
		return ins[i].p < ins[j].p
	})
	for _, x := range ins {
		if model.IsRelationType(x.p) {
			if !w.follows(string(x.p)) {
				continue
			}
			if err := w.relation(x.sub, x.p, id); err != nil {
				return nil, err
			}
			if err := add(x.sub, ""); err != nil {
				return nil, err
			}
			continue
		}
		if w.follows(strings.TrimPrefix(string(x.p), "fg:")) {
			if err := add(x.sub, x.p); err != nil {
				return nil, err
			}
		}
		if (x.p == model.Bearer || x.p == model.Beneficiary) && w.follows(LinkOwes) {
			// The obligation carries the owes link: it is read whole.
			ob, err := w.item(x.sub)
			if err != nil {
				return nil, err
			}
			for _, other := range ob.refs(model.Bearer, model.Beneficiary) {
				if err := add(other, ""); err != nil {
					return nil, err
				}
			}
		}
	}
	it.expanded, it.adj = true, adj
	return adj, nil
}

// outgoing calls fn with each reference and relation from the item: its predicate, the id
// it leads to, and whether it is a relation. Sources are visited in id order, so that a
// walk, and what it reads, is the same every time.
func (it *itemQuads) outgoing(fn func(p quad.IRI, to string, relation bool) error) error {
	for _, src := range sortedKeys(it.bySource) {
		for _, q := range it.bySource[src] {
			p, _ := q.Predicate.(quad.IRI)
			o, ok := q.Object.(quad.IRI)
			if !ok {
				continue
			}
			var err error
			switch {
			case model.IsRef(p):
				err = fn(p, string(o), false)
			case model.IsRelationType(p):
				err = fn(p, string(o), true)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// refs returns the ids the item refers to through the given predicates, or through any
// reference field when none is given.
func (it *itemQuads) refs(preds ...quad.IRI) []string {
	var out []string
	for _, src := range sortedKeys(it.bySource) {
		if _, states := it.kind[src]; !states {
			continue
		}
		for _, q := range it.bySource[src] {
			p, _ := q.Predicate.(quad.IRI)
			o, ok := q.Object.(quad.IRI)
			if !ok || !model.IsRef(p) {
				continue
			}
			if len(preds) > 0 && !slices.Contains(preds, p) {
				continue
			}
			out = append(out, string(o))
		}
	}
	return out
}
