package store

import (
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// parallelMin is the fewest link index lookups worth a second goroutine (a variable for
// tests).
var parallelMin = 512

// itemLinks is what the link index lists under an item: the ends of its links and its
// kind.
type itemLinks struct {
	ends []model.LinkEnd
	kind string
}

// dutyPartiesAhead says that prefetchLinks reads the kinds of the parties at the other
// end of the duties an item bears or is owed with the kinds of the items its ends lead to,
// on a reader that reads many items in one request (a variable for tests).
var dutyPartiesAhead = true

// prefetchLinks reads from the link index, when the walk has one, the links of the items
// ids that it has not read yet, and the kinds of the items they lead to, for links.
func (w *walker) prefetchLinks(ids []string) error { return w.prefetchLinksTo(ids, nil) }

// prefetchLinksTo is prefetchLinks when to is nil, and otherwise reads the kinds of the
// items to holds alone among those the links lead to, for linksTo; on a reader that lists
// the ends of links as it read them (pgstore.Reader), it keeps of each item's ends only
// those that lead to such an item (endsTo), without making the rest into entries.
func (w *walker) prefetchLinksTo(ids []string, to map[string]bool) error {
	br, err := w.linkIndex()
	if err != nil || br == nil {
		return err
	}
	var targets []string
	seen := map[string]bool{}
	want := func(id string) {
		if to != nil && !to[id] {
			return
		}
		if _, known := w.kinds[id]; !known && !seen[id] {
			seen[id] = true
			targets = append(targets, id)
		}
	}
	if l, ok := br.(endLister); ok && to != nil {
		if err := w.prefetchEndsTo(l, br, ids, to, want); err != nil {
			return err
		}
		return w.prefetchKinds(targets)
	}
	if err := w.prefetchEnds(ids); err != nil {
		return err
	}
	_, batched := br.(preloader)
	for _, id := range ids {
		if !w.kindsDue[id] {
			continue
		}
		if to == nil {
			delete(w.kindsDue, id)
		}
		for _, e := range w.ends[id].ends {
			// links checks where the item's own fields and relations lead, not the
			// subject of a reference to it (an item), and the party at the other end of
			// a duty the item bears or is owed: on a reader that reads many items in one
			// request, prefetchEnds read the duties, and the parties' kinds come here
			// rather than one request each (the path from a hub of 10,000 articles to a
			// commentator: nine).
			p := quad.IRI(e.Pred)
			if e.Out || !model.IsRef(p) {
				want(e.Other)
				continue
			}
			if _, owes := followed(false, p); batched && dutyPartiesAhead && owes != "" {
				if o := br.FirstLinked(model.ItemIRI(e.Other), owes); o != "" {
					want(o)
				}
			}
		}
	}
	return w.prefetchKinds(targets)
}

// prefetchEndsTo is prefetchLinksTo's read on a reader that lists the ends of links as it
// read them: for each of ids that is an item and whose links are yet to be made, the ends
// that lead to an item to holds, directly or through a duty the item bears or is owed,
// into endsTo, in no order and each as often as sources state it (a relation is read once
// however often the walk back finds it, and the graph sorts an item's references and
// keeps each once); and want is told the items whose kinds linksTo looks up. The duties
// come first, those not read yet in one request (the look for meetings read them): the
// ends are gone through twice, once for the duties and once for the links, since holding
// every end to a duty until the duties are read instead cost 2.7 MB more of a path between
// two commentators for no time measured (path-rare-far, six runs of each in turn). The
// walk back from where a path search met goes through the items of the last layer that
// link to a meeting: a party there has thousands of ends, which made into entries took 4
// to 5 ms of a path between two commentators of 10,000 articles.
func (w *walker) prefetchEndsTo(l endLister, br indexReader, ids []string, to map[string]bool, want func(id string)) error {
	if err := w.preload(ids); err != nil {
		return err
	}
	var items, duties []string
	for _, id := range ids {
		if _, made := w.linkCache[id]; made {
			continue
		}
		if _, read := w.ends[id]; read {
			continue
		}
		item, err := w.isItem(id)
		if err != nil {
			return err
		}
		if !item {
			continue // linksTo finds it has no links
		}
		items = append(items, id)
		l.EachEnd(model.ItemIRI(id), func(out bool, pred, other string) {
			if _, owes := followed(out, quad.IRI(pred)); owes != "" {
				duties = append(duties, other)
			}
		})
	}
	if err := w.readErr(); err != nil {
		return err
	}
	if err := w.preload(duties); err != nil {
		return err
	}
	for _, id := range items {
		ends := []model.LinkEnd{}
		l.EachEnd(model.ItemIRI(id), func(out bool, pred, other string) {
			follows, owes := followed(out, quad.IRI(pred))
			if !follows {
				return
			}
			hit := to[other]
			if hit && (out || !model.IsRef(quad.IRI(pred))) {
				want(other) // the subject of a reference to the item is an item
			}
			if owes != "" {
				if o := br.FirstLinked(model.ItemIRI(other), owes); o != "" && to[o] {
					hit = true
					want(o)
				}
			}
			if hit {
				ends = append(ends, model.LinkEnd{Pred: pred, Other: other, Out: out})
			}
		})
		w.endsTo[id] = ends
	}
	return w.readErr()
}

// prefetchEnds reads from the link index, when the walk has one, what it lists under the
// items ids that the walk has not read yet: the ends of their links and their kinds, into
// ends and kinds. On a reader that reads many items in one request it also reads the
// obligations those ends name as bearer or beneficiary, whose other party links and
// meetings read. The kinds of the items the ends lead to are left to prefetchLinks
// (kindsDue).
func (w *walker) prefetchEnds(ids []string) error {
	br, err := w.linkIndex()
	if err != nil || br == nil {
		return err
	}
	var todo []string
	for _, id := range ids {
		if _, ok := w.linkCache[id]; !ok {
			if _, ok := w.ends[id]; !ok {
				todo = append(todo, id)
			}
		}
	}
	got := make([]itemLinks, len(todo))
	if err := w.preload(todo); err != nil {
		return err
	}
	err = w.split(len(todo), parallelMin, func(r indexReader, from, to int) error {
		for i := from; i < to; i++ {
			got[i].ends, got[i].kind, _ = r.ItemLinks(model.ItemIRI(todo[i]))
		}
		return nil
	})
	if err != nil {
		return err
	}
	var obligations []string
	_, batched := br.(preloader)
	for i, id := range todo {
		w.ends[id] = got[i]
		w.kinds[id] = got[i].kind
		w.kindsDue[id] = true
		for _, e := range got[i].ends {
			if p := quad.IRI(e.Pred); batched && !e.Out && (p == model.Bearer || p == model.Beneficiary) {
				obligations = append(obligations, e.Other) // links reads their other party
			}
		}
	}
	return w.preload(obligations)
}

// kindPreloader is a reader that reads the kinds of many items in one request, without
// the rest of what the link index lists under them (pgstore.Reader).
type kindPreloader interface {
	PreloadKinds(items []quad.IRI) error
}

// prefetchKinds reads the kinds of the items ids from the link index, when the walk has
// one, into w.kinds.
func (w *walker) prefetchKinds(ids []string) error {
	br, err := w.linkIndex()
	if err != nil || br == nil {
		return err
	}
	var todo []string
	for _, id := range ids {
		if _, ok := w.kinds[id]; ok {
			continue
		}
		// An item read whole has its kind in its quads (kind answers from them): the
		// obligations of a hub of 10,000 articles, read before the items they name, were
		// 1,588 look-ups in the link index, 25 ms of PostgreSQL's time.
		if it, ok := w.items[id]; ok {
			w.kinds[id] = it.firstKind()
			continue
		}
		todo = append(todo, id)
	}
	kinds := make([]string, len(todo))
	if kp, ok := br.(kindPreloader); ok {
		iris := make([]quad.IRI, len(todo))
		for i, id := range todo {
			iris[i] = model.ItemIRI(id)
		}
		if err := kp.PreloadKinds(iris); err != nil {
			return err
		}
	} else if err := w.preload(todo); err != nil {
		return err
	}
	err = w.split(len(todo), parallelMin, func(r indexReader, from, to int) error {
		for i := from; i < to; i++ {
			kinds[i] = r.Kind(model.ItemIRI(todo[i]))
		}
		return nil
	})
	for i, id := range todo {
		w.kinds[id] = kinds[i]
	}
	return err
}

// readAheadMin is the fewest items worth reading ahead on two goroutines (a variable for
// tests).
var readAheadMin = 64

// prefetchItems reads the items ids whole, and the sources that share their ids, ahead of
// item, half of them on a second goroutine with a read transaction of its own, when the
// store is bolt and they are enough to be worth it: the items a query lists or a thread
// holds are hundreds of reads that do not depend on one another.
func (w *walker) prefetchItems(ids []string) error {
	br, err := w.reader()
	if err != nil || br == nil {
		return err
	}
	if ok, err := br.HasIndex(quad.Subject); err != nil || !ok {
		return err
	}
	var iris []quad.IRI
	for _, id := range ids {
		if _, ok := w.items[id]; ok {
			continue
		}
		iris = append(iris, model.ItemIRI(id))
		if w.sourceToRead(id) {
			iris = append(iris, model.SourceIRI(id))
		}
	}
	if p, ok := br.(preloader); ok {
		// One request for all of them.
		return p.PreloadItems(iris)
	}
	if len(iris) < 2*readAheadMin {
		return nil
	}
	got := make([]*itemQuads, len(iris))
	err = w.split(len(iris), 0, func(r indexReader, from, to int) error {
		for i := from; i < to; i++ {
			it := newItemQuads(iris[i])
			qs, _, err := r.Quads([]quad.Direction{quad.Subject}, iris[i])
			if err != nil {
				return err
			}
			it.addAll(qs)
			got[i] = it
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, iri := range iris {
		w.readAhead[iri] = got[i]
	}
	return nil
}

// prefetchRelations reads the nodes of the relations rels that the walk has not read, in
// one request, on a store whose reader reads many subjects so (relation reads them).
func (w *walker) prefetchRelations(rels []relKey) error {
	p, ok := w.br.(preloader)
	if !ok || len(rels) == 0 {
		return nil
	}
	var iris []quad.IRI
	for _, r := range rels {
		iri := model.RelationIRI(r.from, string(r.typ), r.to)
		if _, ok := w.rels[string(iri)]; !ok {
			iris = append(iris, iri)
		}
	}
	if len(iris) < 2 {
		return nil
	}
	return p.PreloadItems(iris)
}

// nameRead is what name reads of an item, read ahead by prefetchNames.
type nameRead struct {
	kind   string          // from the link index; "": not an item
	info   *graph.ItemInfo // nil: not a party, agreement or event
	source *itemQuads      // the source that shares the item's id; nil: not read
}

// prefetchNames reads what name reads of the items ids (their kinds from the link index,
// types and names, and the sources that share their ids) ahead of it, half of them on a
// second goroutine with a read transaction of its own, on a bolt store whose link index
// covers it, when they are enough to be worth it: the obligations of a party that a
// thousand articles name refer to hundreds of parties and agreements.
func (w *walker) prefetchNames(ids []string) error {
	br, err := w.linkIndex()
	if err != nil || br == nil {
		return err
	}
	if _, batched := br.(preloader); batched {
		return nil // preloadNames reads them in two requests
	}
	if ok, err := br.HasIndex(quad.Subject, quad.Predicate); err != nil || !ok {
		return err
	}
	var todo []string
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if _, ok := w.items[id]; ok {
			continue
		}
		if _, ok := w.names[id]; ok {
			continue
		}
		todo = append(todo, id)
	}
	if len(todo) < 2*readAheadMin {
		return nil
	}
	// Which sources to read is known before the goroutines start: they only read.
	readSource := make([]bool, len(todo))
	for i, id := range todo {
		readSource[i] = w.sourceToRead(id)
	}
	got := make([]nameRead, len(todo))
	err = w.split(len(todo), 0, func(r indexReader, from, to int) error {
		for i := from; i < to; i++ {
			var err error
			if got[i].kind, got[i].info, err = readName(r, todo[i]); err != nil {
				return err
			}
			if readSource[i] {
				iri := model.SourceIRI(todo[i])
				src := newItemQuads(iri)
				qs, _, err := r.Quads([]quad.Direction{quad.Subject}, iri)
				if err != nil {
					return err
				}
				src.addAll(qs)
				got[i].source = src
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, id := range todo {
		if _, ok := w.kinds[id]; !ok {
			w.kinds[id] = got[i].kind // as kind keeps it
		}
		w.namesAhead[id] = got[i].info
		if got[i].source != nil {
			w.readAhead[model.SourceIRI(id)] = got[i].source
		}
	}
	return nil
}

// readName reads the kind of the item id from the link index of r, and what name keeps of
// it (itemName).
func readName(r indexReader, id string) (kind string, _ *graph.ItemInfo, _ error) {
	iri := model.ItemIRI(id)
	kind = r.Kind(iri)
	info, err := itemName(id, kind, func(p quad.IRI) (string, error) {
		v, _, err := r.First(iri, p)
		t, _ := v.(quad.String)
		return string(t), err
	})
	return kind, info, err
}
