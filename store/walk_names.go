package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// The items a walk reached but does not list whole, read for what names them: their names
// and aliases (loadNames, name, readAliases), or the label a sketch shows (readLabels).

// loadNames reads every item that an item read so far refers to, for its name: through
// the reference fields named, or any when none is.
func (w *walker) loadNames(fields []string) error {
	var preds []quad.IRI
	for _, f := range fields {
		p := quad.IRI("fg:" + f)
		if !model.IsRef(p) {
			return fmt.Errorf("read names: %q is not a reference field", f)
		}
		preds = append(preds, p)
	}
	if w.indexed() {
		var refs []string
		for _, id := range w.order {
			refs = append(refs, w.items[id].refs(preds...)...)
		}
		if err := w.preloadNames(refs); err != nil {
			return err
		}
		if err := w.prefetchNames(refs); err != nil {
			return err
		}
	}
	for _, id := range append([]string(nil), w.order...) {
		for _, ref := range w.items[id].refs(preds...) {
			if err := w.nameOrItem(ref); err != nil {
				return err
			}
		}
	}
	return nil
}

// readLabels reads the items ids for their labels (SketchOptions.Labels) into w.partial,
// and the sources that share their ids, where the store has a subject-predicate index
// (bolt, and PostgreSQL, which reads them ahead in a few requests: labelsAhead); it reads
// them whole elsewhere. A party or agreement is read as readReached reads it.
func (w *walker) readLabels(ids []string) error {
	var todo []string
	for _, id := range ids {
		if it, ok := w.items[id]; ok && it.exists() {
			continue
		}
		if _, ok := w.partial[id]; ok {
			continue
		}
		todo = append(todo, id)
	}
	if len(todo) == 0 {
		return nil
	}
	if !w.indexed() {
		return w.readReached(todo)
	}
	if _, err := w.reader(); err != nil {
		return err
	}
	if p, batched := w.br.(preloader); batched {
		if err := w.labelsAhead(p, todo); err != nil {
			return err
		}
	}
	if err := w.prefetchKinds(todo); err != nil {
		return err
	}
	br, err := w.reader()
	if err != nil {
		return err
	}
	if ok, err := br.HasIndex(quad.Subject, quad.Predicate); err != nil || !ok {
		if err != nil {
			return err
		}
		return w.readReached(todo)
	}
	kinds := make([]string, len(todo))
	for i, id := range todo {
		if kinds[i], err = w.kind(id); err != nil {
			return err
		}
	}
	// The label fields of the items that are neither parties nor agreements, read ahead,
	// half of them on a second goroutine where the store is bolt (split): the labels of a
	// hub's thousand neighbours were a third of the time of its neighbourhood.
	texts := make([][]string, len(todo))
	err = w.split(len(todo), readAheadMin, func(r indexReader, from, to int) error {
		for i := from; i < to; i++ {
			if preds := labelFields[kinds[i]]; preds != nil {
				var err error
				if texts[i], err = firstTexts(r, model.ItemIRI(todo[i]), preds...); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var whole []string
	for i, id := range todo {
		kind := kinds[i]
		if kind == graph.KindParty || kind == graph.KindAgreement {
			if err := w.brief(id, kind); err != nil {
				return err
			}
			continue
		}
		if labelFields[kind] == nil {
			whole = append(whole, id) // not an item: read as readReached would
			continue
		}
		texts := texts[i]
		info := &graph.ItemInfo{ID: id, Kind: kind, Name: texts[0]}
		if len(texts) > 1 {
			info.Type = texts[1]
		}
		w.partial[id] = info
		if err := w.source(id); err != nil {
			return err
		}
	}
	return w.readReached(whole)
}

// labelFields are the fields that give the label of an item of each kind but parties and
// agreements (which brief reads): its name, and its type when there is a second.
var labelFields = map[string][]quad.IRI{
	graph.KindEvent:        {model.Name},
	graph.KindObligation:   {model.Duty, model.Status},
	graph.KindClaim:        {model.Says},
	graph.KindCounterclaim: {model.Says},
}

// labelPreds are the fields of labelFields, each once, to read them ahead at once.
var labelPreds = func() []quad.IRI {
	var all []quad.IRI
	for _, preds := range labelFields {
		all = append(all, preds...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}()

// labelsAhead reads what readLabels reads of the items ids, on a server, in four requests
// where it would make a few for each item: their kinds, the type and name of the parties
// and agreements, the fields of the others that give their labels (labelFields), and the
// sources that share their ids. Read whole instead, with their quotes and notes, the
// neighbours of a hub of 10,000 articles took 124 to 165 ms on the open store, against 79
// to 116 ms (BenchmarkQueryStore, three rounds).
func (w *walker) labelsAhead(p preloader, ids []string) error {
	if err := w.prefetchKinds(ids); err != nil {
		return err
	}
	var briefs, others, sources []quad.IRI
	for _, id := range ids {
		kind, err := w.kind(id)
		if err != nil {
			return err
		}
		switch {
		case kind == graph.KindParty || kind == graph.KindAgreement:
			briefs = append(briefs, model.ItemIRI(id))
		case labelFields[kind] != nil:
			others = append(others, model.ItemIRI(id))
		default:
			continue // read whole, as readReached reads it
		}
		if w.sourceToRead(id) {
			sources = append(sources, model.SourceIRI(id))
		}
	}
	if err := p.PreloadFirst(briefs, []quad.IRI{model.Type, model.Name}); err != nil {
		return err
	}
	if err := p.PreloadQuadsWith(others, labelPreds); err != nil {
		return err
	}
	return p.PreloadItems(sources)
}

// quadsWithReader is a reader that reads the quads of a subject with given predicates
// without the others (boltstore.Reader; pgstore.Reader, of what it read ahead); false when
// it cannot.
type quadsWithReader interface {
	QuadsWith(s quad.Value, preds []quad.IRI) ([]quad.Quad, bool, error)
}

// firstTexts returns, read through br, the text of each of the predicates preds of the
// subject s as the first source by id that gives it states it, as graph.Merge keeps it; ""
// where none does. It reads through the subject-predicate index (readLabels checks that
// the store has one).
func firstTexts(br indexReader, s quad.IRI, preds ...quad.IRI) ([]string, error) {
	var qs []quad.Quad
	read := false
	if r, ok := br.(quadsWithReader); ok {
		var err error
		if qs, read, err = r.QuadsWith(s, preds); err != nil {
			return nil, err
		}
	}
	if !read {
		for _, p := range preds {
			some, _, err := br.Quads([]quad.Direction{quad.Subject, quad.Predicate}, s, p)
			if err != nil {
				return nil, err
			}
			qs = append(qs, some...)
		}
	}
	texts := make([]string, len(preds))
	from := make([]string, len(preds))
	for _, q := range qs {
		i := slices.Index(preds, q.Predicate.(quad.IRI))
		t, ok := q.Object.(quad.String)
		if i < 0 || !ok || t == "" {
			continue
		}
		if src := strings.TrimPrefix(string(q.Label.(quad.IRI)), model.SourcePrefix); from[i] == "" || src < from[i] {
			texts[i], from[i] = string(t), src
		}
	}
	return texts, nil
}

// nameOrItem reads the item id for its name where the store has a subject-predicate
// index, and whole elsewhere.
func (w *walker) nameOrItem(id string) error {
	if w.indexed() {
		return w.name(id)
	}
	_, err := w.item(id)
	return err
}

// name reads the kind and name of the item id, unless it is read already.
func (w *walker) name(id string) error {
	if _, ok := w.items[id]; ok {
		return nil
	}
	if _, ok := w.names[id]; ok {
		return nil
	}
	w.names[id] = nil
	if info, ok := w.namesAhead[id]; ok {
		delete(w.namesAhead, id)
		if info != nil {
			w.names[id] = info
		}
		return w.source(id)
	}
	// The kind from one key of the link index where it covers a bolt store: a party that
	// hundreds of sources state has as many kind quads. (A server has read the kinds of
	// the names ahead in one request: preloadNames.)
	br, err := w.linkIndex()
	if err != nil {
		return err
	}
	_, batched := br.(preloader)
	var kind string
	if br != nil && !batched {
		kind, err = w.kind(id)
	} else {
		kind, err = w.first(model.ItemIRI(id), model.Kind)
	}
	if err != nil {
		return err
	}
	info, err := itemName(id, kind, func(p quad.IRI) (string, error) { return w.first(model.ItemIRI(id), p) })
	if err != nil {
		return err
	}
	if info != nil {
		w.names[id] = info
	}
	return w.source(id)
}

// itemName is what name keeps of the item id of kind kind: for a party or agreement its
// type and name, for an event its name, each as first (the text of the item's predicate as
// one source gives it) reads it; nil for an item of another kind.
func itemName(id, kind string, first func(p quad.IRI) (string, error)) (*graph.ItemInfo, error) {
	info := &graph.ItemInfo{ID: id, Kind: kind}
	var err error
	switch kind {
	case graph.KindParty, graph.KindAgreement:
		if info.Type, err = first(model.Type); err != nil {
			return nil, err
		}
		fallthrough
	case graph.KindEvent:
		if info.Name, err = first(model.Name); err != nil {
			return nil, err
		}
		return info, nil
	}
	return nil, nil
}

// objectReader is a reader that reads the objects of a subject and predicate each once,
// however many sources state them, and those of many subjects in one request
// (pgstore.Reader).
type objectReader interface {
	Objects(s, p quad.Value) ([]quad.Value, error)
	PreloadObjects(subjects []quad.IRI, p quad.IRI) error
}

// readNamed reads the items ids for their names (nameOrItem), and with aliases set the
// aliases of the parties among them (readAliases); a server is asked for the names, and
// for the aliases, of all of them at once.
func (w *walker) readNamed(ids []string, aliases bool) error {
	if len(ids) > 0 && w.indexed() {
		if err := w.preloadNames(ids); err != nil {
			return err
		}
		if err := w.prefetchNames(ids); err != nil {
			return err
		}
	}
	var parties []quad.IRI
	for _, id := range ids {
		if err := w.nameOrItem(id); err != nil {
			return err
		}
		if info := w.names[id]; aliases && info != nil && info.Kind == graph.KindParty {
			parties = append(parties, model.ItemIRI(id))
		}
	}
	if o, ok := w.br.(objectReader); ok && len(parties) > 1 {
		if err := o.PreloadObjects(parties, model.Alias); err != nil {
			return err
		}
	}
	if !aliases {
		return nil
	}
	for _, id := range ids {
		if err := w.readAliases(id); err != nil {
			return err
		}
	}
	return nil
}

// readAliases reads the aliases of the party id, read for its name, from every source
// that states it; elsewhere than on bolt it reads the party whole.
func (w *walker) readAliases(id string) error {
	if info := w.names[id]; info == nil || info.Kind != graph.KindParty || w.aliases[id] != nil {
		return nil
	}
	set := map[string]bool{}
	if o, ok := w.br.(objectReader); ok {
		vs, err := o.Objects(model.ItemIRI(id), model.Alias)
		for _, v := range vs {
			if a, ok := v.(quad.String); ok {
				set[string(a)] = true
			}
		}
		w.aliases[id] = sortedKeys(set) // not nil: read
		return err
	}
	ok, err := w.boltQuads([]quad.Direction{quad.Subject, quad.Predicate}, []quad.Value{model.ItemIRI(id), model.Alias}, func(q quad.Quad, _ string) error {
		if a, ok := q.Object.(quad.String); ok {
			set[string(a)] = true
		}
		return nil
	})
	if err == nil && !ok {
		_, err = w.item(id) // whole, with its aliases
		return err
	}
	w.aliases[id] = sortedKeys(set) // not nil: read
	return err
}
