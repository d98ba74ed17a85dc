package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// The walker behind the targeted reads: it reads items through the store's indexes, each
// once, and remembers them (see around.go for what the reads promise).

// objectQuads calls fn with the quads of a key-value store whose object is o and predicate
// p, through its object-predicate-subject index.
func (w *walker) objectQuads(o quad.Value, p quad.IRI, fn func(q quad.Quad, source string) error) error {
	if ok, err := w.boltQuads([]quad.Direction{quad.Object, quad.Predicate}, []quad.Value{o, p}, fn); ok || err != nil {
		return err
	}
	qs := w.s.qs
	oref, err := qs.ValueOf(o)
	if err != nil || oref == nil {
		return err
	}
	pref, err := qs.ValueOf(p)
	if err != nil || pref == nil {
		return err
	}
	oi, ok1 := oref.(kv.Int64Value)
	pi, ok2 := pref.(kv.Int64Value)
	if !ok1 || !ok2 {
		return fmt.Errorf("read store: unexpected value reference %T", oref)
	}
	scan := kv.IndexScan{Index: kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}, Values: []uint64{uint64(oi), uint64(pi)}}
	return w.iterate(scan.BuildIterator(qs), fn)
}

// itemQuads is what the store says about one subject: its quads by source, and the kind each
// source gives it.
type itemQuads struct {
	id       string
	bySource map[string][]quad.Quad
	kind     map[string]string // source → the kind it states; absent when it only links from id
	expanded bool
	adj      []string
}

func newItemQuads(iri quad.IRI) *itemQuads {
	return &itemQuads{id: string(iri), bySource: map[string][]quad.Quad{}, kind: map[string]string{}}
}

// add adds the quad q of the source src.
func (it *itemQuads) add(q quad.Quad, src string) {
	it.bySource[src] = append(it.bySource[src], q)
	it.noteKind(q, src)
}

// noteKind notes the kind that q states, if it is a kind's quad, for the source src.
func (it *itemQuads) noteKind(q quad.Quad, src string) {
	if q.Predicate == model.Kind {
		if k, ok := q.Object.(quad.String); ok {
			it.kind[src] = string(k)
		}
	}
}

// addAll adds the quads qs, each with a source's label, as add would one by one. A run of
// quads of one source that is the first of its source becomes that source's quads without
// a copy: an item's quads come from a reader a source at a time, and the hub's
// obligations of 10,000 articles were 3.4 MB of slices grown quad by quad. qs must not
// change afterwards.
func (it *itemQuads) addAll(qs []quad.Quad) {
	for i := 0; i < len(qs); {
		label := qs[i].Label
		j := i + 1
		for j < len(qs) && qs[j].Label == label {
			j++
		}
		src := strings.TrimPrefix(string(label.(quad.IRI)), model.SourcePrefix)
		if have, ok := it.bySource[src]; ok {
			it.bySource[src] = append(have, qs[i:j]...)
		} else {
			it.bySource[src] = qs[i:j:j] // an append copies rather than write over qs
		}
		for _, q := range qs[i:j] {
			it.noteKind(q, src)
		}
		i = j
	}
}

func (it *itemQuads) exists() bool { return len(it.kind) > 0 }

// firstKind is the item's kind as the first of its sources (by id) gives it, "" when none
// gives it an item's kind.
func (it *itemQuads) firstKind() string {
	for _, src := range sortedKeys(it.kind) {
		return it.kind[src]
	}
	return ""
}

// walker reads items through the store's indexes, each once, and remembers them.
type walker struct {
	ctx    context.Context
	s      *Store
	max    int
	follow map[string]bool // nil: every link
	values map[any]quad.Value
	// br reads a bolt or PostgreSQL store in one read transaction for the whole walk, once
	// opened (reader; close ends it, or done when set: the transaction of a snapshot,
	// which outlives the walk).
	br      indexReader
	done    func()
	items   map[string]*itemQuads
	order   []string                   // items read, in reading order
	names   map[string]*graph.ItemInfo // items read for their names only; nil when not items
	rels    map[string]*itemQuads
	sources map[string]*itemQuads
	count   int
	// keep and keepRel, when set, are the items and relations the graph holds; nil: all
	// those read.
	keep      map[string]bool
	keepRel   map[string]bool
	linkCache map[string][]link
	// fieldRefs holds, by item, its own fields that name an item the walk expanded;
	// partial holds the parties and agreements reached but not read whole.
	fieldRefs map[string][]fieldRef
	partial   map[string]*graph.ItemInfo
	dates     map[string]graph.Date // the dates of the assertions of a sketch (SketchThreads)
	// ends are what the link index lists under items, read ahead of links
	// (prefetchLinks); kinds are the kinds kind found, "" for an id that is not an item.
	ends  map[string]itemLinks
	kinds map[string]string
	// kindsDue are the items whose ends were read (prefetchEnds) but not yet the kinds of
	// the items those lead to (prefetchLinks).
	kindsDue map[string]bool
	// endsTo are the ends of items that lead to the items a walk back looks for, read
	// ahead of linksTo (prefetchEndsTo).
	endsTo map[string][]model.LinkEnd
	// aliases are the aliases of parties read for their names (readAliases).
	aliases map[string][]string
	// readAhead are subjects read ahead of read (prefetchItems); namesAhead are the items
	// read ahead of name (prefetchNames), nil for one that is not a party, agreement or
	// event.
	readAhead  map[quad.IRI]*itemQuads
	namesAhead map[string]*graph.ItemInfo
}

type fieldRef struct {
	field quad.IRI
	to    string
}

func newWalker(ctx context.Context, s *Store, max int, follow []string) *walker {
	if max == 0 {
		max = DefaultMaxItems
	}
	w := &walker{ctx: ctx, s: s, max: max, values: map[any]quad.Value{},
		linkCache: map[string][]link{},
		fieldRefs: map[string][]fieldRef{}, partial: map[string]*graph.ItemInfo{}, dates: map[string]graph.Date{},
		ends: map[string]itemLinks{}, kinds: map[string]string{}, kindsDue: map[string]bool{}, endsTo: map[string][]model.LinkEnd{}, aliases: map[string][]string{},
		readAhead: map[quad.IRI]*itemQuads{}, namesAhead: map[string]*graph.ItemInfo{},
		items: map[string]*itemQuads{}, names: map[string]*graph.ItemInfo{}, rels: map[string]*itemQuads{}, sources: map[string]*itemQuads{}}
	if len(follow) > 0 {
		w.follow = map[string]bool{}
		for _, f := range follow {
			w.follow[f] = true
		}
	}
	return w
}

func (w *walker) follows(link string) bool { return w.follow == nil || w.follow[link] }

// followedPreds returns the predicates of the incoming quads that carry the links the walk
// follows, sorted, or nil when it follows every link: a reference field's predicate, a
// relation's type, and for owes the bearer and beneficiary of obligations.
func (w *walker) followedPreds() []quad.IRI {
	if w.follow == nil {
		return nil
	}
	set := map[quad.IRI]bool{}
	for f := range w.follow {
		switch p := quad.IRI("fg:" + f); {
		case f == LinkOwes:
			set[model.Bearer], set[model.Beneficiary] = true, true
		case model.IsRef(p):
			set[p] = true
		default:
			set[quad.IRI(f)] = true // a relation's type
		}
	}
	out := make([]quad.IRI, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// quads calls fn with every quad that has v in direction dir and a source's label, and
// that source's id. Values are resolved once per walk: most quads share their predicate,
// label and often their object.
func (w *walker) quads(dir quad.Direction, v quad.Value, fn func(q quad.Quad, source string) error) error {
	if ok, err := w.boltQuads([]quad.Direction{dir}, []quad.Value{v}, fn); ok || err != nil {
		return err
	}
	return w.cayleyQuads(dir, v, fn)
}

// cayleyQuads is quads through Cayley's quad store, for a store without factgraph's reader.
func (w *walker) cayleyQuads(dir quad.Direction, v quad.Value, fn func(q quad.Quad, source string) error) error {
	qs := w.s.qs
	ref, err := qs.ValueOf(v)
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	if ref == nil {
		return nil
	}
	return w.iterate(qs.QuadIterator(dir, ref), fn)
}

// iterate calls fn with each quad of sh that has a source's label.
func (w *walker) iterate(sh iterator.Shape, fn func(q quad.Quad, source string) error) error {
	it := sh.Iterate()
	defer it.Close()
	for it.Next(w.ctx) {
		q, err := w.quad(it.Result())
		if err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		l, ok := q.Label.(quad.IRI)
		if !ok || !strings.HasPrefix(string(l), model.SourcePrefix) {
			continue // not a factgraph quad: another tool may have added it
		}
		if err := fn(q, strings.TrimPrefix(string(l), model.SourcePrefix)); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return w.ctx.Err()
}

func (w *walker) quad(ref cgraph.Ref) (quad.Quad, error) {
	var q quad.Quad
	for _, d := range quad.Directions {
		r, err := w.s.qs.QuadDirection(ref, d)
		if err != nil {
			return q, err
		}
		if r == nil {
			continue
		}
		k := r.Key()
		v, ok := w.values[k]
		if !ok {
			if v, err = w.s.qs.NameOf(r); err != nil {
				return q, err
			}
			w.values[k] = v
		}
		q.Set(d, v)
	}
	return q, nil
}

// read returns the quads whose subject is iri, by source.
func (w *walker) read(iri quad.IRI) (*itemQuads, error) {
	if it, ok := w.readAhead[iri]; ok {
		delete(w.readAhead, iri)
		return it, nil
	}
	it := newItemQuads(iri)
	br, err := w.reader()
	if err != nil {
		return nil, err
	}
	if br != nil {
		qs, ok, err := br.Quads([]quad.Direction{quad.Subject}, iri)
		if err != nil {
			return nil, err
		}
		if ok {
			it.addAll(qs)
			return it, w.ctx.Err()
		}
	}
	err = w.cayleyQuads(quad.Subject, iri, func(q quad.Quad, src string) error {
		it.add(q, src)
		return nil
	})
	return it, err
}

// item reads the item id once; a source whose id is id is read with it, since a query
// names items and sources alike.
func (w *walker) item(id string) (*itemQuads, error) {
	if it, ok := w.items[id]; ok {
		return it, nil
	}
	it, err := w.read(model.ItemIRI(id))
	if err != nil {
		return nil, err
	}
	for src, k := range it.kind {
		if !model.IsItemKind(k) {
			delete(it.kind, src) // a relation's node, or a source's: not an item
		}
	}
	w.items[id] = it
	if it.exists() {
		if w.count++; w.max > 0 && w.count > w.max {
			return nil, fmt.Errorf("read more than %d items: %w", w.max, ErrTooMany)
		}
		w.order = append(w.order, id)
	}
	return it, w.source(id)
}

// source reads the source whose id is id, if there is one, once.
func (w *walker) source(id string) error {
	if !w.sourceToRead(id) {
		return nil
	}
	src, err := w.read(model.SourceIRI(id))
	if err != nil {
		return err
	}
	if src.kind[id] == graph.KindSource {
		w.sources[id] = src
	} else {
		w.sources[id] = nil
	}
	return nil
}

// sourceToRead says whether source has yet to read the source whose id is id: a query
// names items and sources alike, so an item is read with the source of its id, and an id
// with a slash (a relation's, an obligation's) names no source.
func (w *walker) sourceToRead(id string) bool {
	_, read := w.sources[id]
	return !read && !strings.Contains(id, "/")
}

// relation reads a relation's node once.
func (w *walker) relation(from string, typ quad.IRI, to string) error {
	iri := model.RelationIRI(from, string(typ), to)
	if _, ok := w.rels[string(iri)]; ok {
		return nil
	}
	it, err := w.read(iri)
	if err != nil {
		return err
	}
	w.rels[string(iri)] = it
	return nil
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// boltQuads calls fn with each quad of a bolt store that has a source's label and, in
// the directions dirs, the values lead, with that source's id, through the index whose
// entries start with dirs; ok is false when the store is not bolt or has no such index.
func (w *walker) boltQuads(dirs []quad.Direction, lead []quad.Value, fn func(q quad.Quad, source string) error) (ok bool, err error) {
	br, err := w.reader()
	if err != nil || br == nil {
		return false, err
	}
	out, ok, err := br.Quads(dirs, lead...)
	if err != nil || !ok {
		return ok, err
	}
	for _, q := range out {
		if err := fn(q, strings.TrimPrefix(string(q.Label.(quad.IRI)), model.SourcePrefix)); err != nil {
			return true, err
		}
	}
	return true, w.ctx.Err()
}
