package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// Targeted reads: LoadAround, LoadBetween and Referrers read the items a query needs through
// the store's subject and object indexes instead of reading every quad as Load does. The
// graph they return is merged by the same rules as Load (each item is decoded from exactly
// the quads that Load would decode it from, and merged by Merge), so an item read whole is
// the item Load gives; the graph just holds fewer items. Items read only for their names
// (AroundOptions.Names and Named) hold their id, kind and name, and nothing else.
//
// Items are linked as query.Edges links them, whichever way the quad goes: a reference
// field (member-of, party, revises, involves, bearer, beneficiary, under, by, about,
// counters, supports), a relation, and "owes", which links an obligation's bearer to its
// beneficiary without the obligation in between.

// DefaultMaxItems is how many items a targeted read loads before it gives up with
// ErrTooMany, when its options do not say: past it, Load is about as fast.
const DefaultMaxItems = 20000

// ErrTooMany is returned by a targeted read that would load more items than its limit; read
// the whole store with Load instead.
var ErrTooMany = errors.New("too many items for a targeted read; load the whole store instead")

// Link names of AroundOptions.Follow besides the reference fields and relation types.
const LinkOwes = "owes"

// AroundOptions say how far LoadAround walks from its seeds.
type AroundOptions struct {
	// Depth is how many links to walk out from the seeds, either way; 0 loads the seeds
	// alone, below 0 walks until nothing new is found.
	Depth int
	// Follow names the links to walk: reference fields as docs/model.md names their
	// predicates without "fg:" ("bearer", "party", "counters"), relation types
	// ("allied-with") and LinkOwes. Empty walks every link.
	Follow []string
	// Names also reads every item that a walked item refers to, so that a query can print
	// its name; those items are not walked from. On a bolt store such an item (a party,
	// agreement or event; obligations and assertions have no name) holds only its id, kind
	// and name, read from one source through the store's subject-predicate index: the
	// validator makes every source that states a party or agreement agree on both.
	Names bool
	// Named are ids to read as Names reads the items it adds (for a query that needs
	// their names and kinds, not their other fields), unless they are read whole anyway.
	Named []string
	// Aliases also reads, for each party of Named read for its name, its aliases from
	// every source that states it: enough to resolve a name or alias on the graph.
	Aliases bool
	// MaxItems stops the read with ErrTooMany past this many items; DefaultMaxItems when 0,
	// no limit below 0.
	MaxItems int
}

// LoadAround returns the merged graph of the seeds (ids of items or sources; ids the store
// does not hold are left out), of every item within opts.Depth links of them, and of the
// relations that touch the items it walked from. Every link of an item it walked from is
// in the graph, with the item at its other end.
func (s *Store) LoadAround(ctx context.Context, seeds []string, opts AroundOptions) (*graph.Graph, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	w := newWalker(ctx, s, opts.MaxItems, opts.Follow)
	defer w.close()
	depth := map[string]int{}
	var frontier []string
	if err := w.prefetchItems(seeds); err != nil {
		return nil, err
	}
	for _, id := range seeds {
		if _, seen := depth[id]; seen {
			continue
		}
		depth[id] = 0
		it, err := w.item(id)
		if err != nil {
			return nil, err
		}
		if it.exists() {
			frontier = append(frontier, id)
		}
	}
	for d := 0; (opts.Depth < 0 || d < opts.Depth) && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			adj, err := w.expand(id)
			if err != nil {
				return nil, err
			}
			for _, a := range adj {
				if _, seen := depth[a]; seen {
					continue
				}
				depth[a] = d + 1
				next = append(next, a)
			}
		}
		frontier = next
	}
	if err := w.readReached(frontier); err != nil {
		return nil, err
	}
	if opts.Names {
		if err := w.loadNames(); err != nil {
			return nil, err
		}
	}
	for _, id := range opts.Named {
		if err := w.nameOrItem(id); err != nil {
			return nil, err
		}
		if opts.Aliases {
			if err := w.readAliases(id); err != nil {
				return nil, err
			}
		}
	}
	return w.graph()
}

// DefaultMaxReached is how many items LoadBetween reaches before it gives up with
// ErrTooMany, when its options do not say. Reaching an item costs a look at its kind, not a
// read of the item: on 10,000 articles a ball that passes a party every article names
// reaches tens of thousands, still well under a whole read of the store.
const DefaultMaxReached = 100000

// BetweenOptions bound LoadBetween.
type BetweenOptions struct {
	// MaxItems stops the read with ErrTooMany once the balls reach this many items;
	// DefaultMaxReached when 0, no limit below 0.
	MaxItems int
}

// LoadBetween returns a merged graph that holds every shortest chain of links between the
// items from and to, walked either way, with every link between two neighbours on those
// chains: a shortest-path search on it finds the chains it would find on the whole graph.
//
// It grows a ball around each end, one layer at a time on the side with the smaller
// frontier, until the balls meet (the chains are then as long as the two radii together)
// or one side runs out (there is no chain). Growing a layer reads the links of its items
// (their own quads and the object index), not the items they lead to; only the items on
// the chains, found by walking back from where the balls meet, and the obligations and
// relations that link them, are read whole. An item that touches thousands of others (a
// party that every article names) still costs one pass over its quads when a ball grows
// past it; balls that reach more than opts.MaxItems items end the read with ErrTooMany.
func (s *Store) LoadBetween(ctx context.Context, from, to string, opts BetweenOptions) (*graph.Graph, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	max := opts.MaxItems
	if max == 0 {
		max = DefaultMaxReached
	}
	w := newWalker(ctx, s, -1, nil)
	w.keep = map[string]bool{from: true, to: true}
	defer w.close()
	type side struct {
		depth  map[string]int
		layers [][]string
	}
	var sides [2]*side
	for k, id := range []string{from, to} {
		sides[k] = &side{depth: map[string]int{id: 0}}
		it, err := w.item(id)
		if err != nil {
			return nil, err
		}
		if it.exists() {
			sides[k].layers = [][]string{{id}}
		}
	}
	if from == to || len(sides[0].layers) == 0 || len(sides[1].layers) == 0 {
		return w.graph()
	}
	seen := 2
	var meet []string
	for len(meet) == 0 {
		k := 0
		if len(sides[1].layers[len(sides[1].layers)-1]) < len(sides[0].layers[len(sides[0].layers)-1]) {
			k = 1
		}
		sd, other := sides[k], sides[1-k]
		d := len(sd.layers)
		var next []string
		if err := w.prefetchLinks(sd.layers[d-1]); err != nil {
			return nil, err
		}
		for _, id := range sd.layers[d-1] {
			ls, err := w.links(id)
			if err != nil {
				return nil, err
			}
			for _, l := range ls {
				if _, ok := sd.depth[l.to]; ok {
					continue
				}
				sd.depth[l.to] = d
				next = append(next, l.to)
				if _, ok := other.depth[l.to]; ok {
					meet = append(meet, l.to)
				}
				if seen++; max > 0 && seen > max {
					return nil, fmt.Errorf("reach more than %d items: %w", max, ErrTooMany)
				}
			}
		}
		if len(next) == 0 {
			return w.graph() // no chain: this end's component is read whole
		}
		sd.layers = append(sd.layers, next)
	}
	// Walk back from where the balls meet to each end, keeping the items on the chains and
	// what links each to the next.
	var rels []relKey
	for _, sd := range sides {
		on := map[string]bool{}
		for _, id := range meet {
			on[id] = true
			w.keep[id] = true
		}
		for d := len(sd.layers) - 2; d >= 0; d-- {
			prev := map[string]bool{}
			for _, id := range sd.layers[d] {
				ls, err := w.links(id)
				if err != nil {
					return nil, err
				}
				for _, l := range ls {
					if !on[l.to] {
						continue
					}
					prev[id] = true
					w.keep[id] = true
					switch {
					case l.via != "":
						w.keep[l.via] = true
					case l.relTo != "":
						rels = append(rels, relKey{l.from, quad.IRI(l.rel), l.relTo})
					case l.own == id:
						w.fieldRefs[id] = append(w.fieldRefs[id], fieldRef{quad.IRI(l.rel), l.to})
					default:
						w.fieldRefs[l.to] = append(w.fieldRefs[l.to], fieldRef{quad.IRI(l.rel), id})
					}
				}
			}
			on = prev
		}
	}
	// The parties and agreements on the chains are read for their names, with the fields
	// that make the links above: a party that every article states is thousands of quads.
	if err := w.readReached(sortedKeys(w.keep)); err != nil {
		return nil, err
	}
	w.keepRel = map[string]bool{}
	for _, r := range rels {
		if err := w.relation(r.from, r.typ, r.to); err != nil {
			return nil, err
		}
		w.keepRel[string(model.RelationIRI(r.from, string(r.typ), r.to))] = true
	}
	return w.graph()
}

type relKey struct {
	from string
	typ  quad.IRI
	to   string
}

// link is one way from an item to another: a reference field (rel) of the item own, a
// relation (from, rel, relTo) or an obligation's "owes" (via the obligation).
type link struct {
	to, rel, via string
	from, relTo  string
	own          string
}

// links returns the links of the item id to other items, in either direction, reading the
// quads that may carry them (linkEnds) but not the items they lead to.
func (w *walker) links(id string) ([]link, error) {
	if ls, ok := w.linkCache[id]; ok {
		return ls, nil
	}
	ends, exists, err := w.linkEnds(id)
	if err != nil || !exists {
		return nil, err
	}
	var ls []link
	add := func(l link) error {
		if l.to == id {
			return nil
		}
		ok, err := w.isItem(l.to)
		if ok {
			ls = append(ls, l)
		}
		return err
	}
	for _, e := range ends {
		p := quad.IRI(e.pred)
		switch {
		case e.out && model.IsRef(p):
			err = add(link{to: e.other, rel: e.pred, own: id})
		case e.out && model.IsRelationType(p):
			err = add(link{to: e.other, rel: e.pred, from: id, relTo: e.other})
		case model.IsRelationType(p):
			err = add(link{to: e.other, rel: e.pred, from: e.other, relTo: id})
		case model.IsRef(p):
			// The subject of a reference is an item: it is not checked.
			ls = append(ls, link{to: e.other, rel: e.pred, own: e.other})
			if p == model.Bearer || p == model.Beneficiary {
				other := model.Beneficiary
				if p == model.Beneficiary {
					other = model.Bearer
				}
				var o string
				if o, err = w.firstRef(e.other, other); err == nil && o != "" {
					err = add(link{to: o, rel: LinkOwes, via: e.other})
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	w.linkCache[id] = ls
	return ls, nil
}

// linkEnds returns the ends of the quads that may link the item id to another, with a
// source's label: those whose subject or object is id and whose predicate is a reference
// field or a relation type; exists says whether id is an item. On a bolt store it reads
// them from the link index (linkindex.go) when that covers the store, else it reads those
// quads alone, picking them by the predicate in the index keys: a claim's text and quote
// are never read from the log, let alone decoded. Elsewhere it reads the item whole and
// its quads in the object index.
func (w *walker) linkEnds(id string) (ends []linkEnd, exists bool, err error) {
	sp, err := w.s.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil {
		return nil, false, err
	}
	ops, err := w.s.boltIndexFor(quad.Object, quad.Predicate)
	if err != nil {
		return nil, false, err
	}
	var out, in []quad.Quad
	if sp == nil || ops == nil {
		it, err := w.item(id)
		if err != nil || !it.exists() {
			return nil, false, err
		}
		err = it.outgoing(func(p quad.IRI, to string, relation bool) error {
			ends = append(ends, linkEnd{pred: string(p), other: to, out: true})
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
	err = w.viewBolt(func(r *boltReader) error {
		if w.linkBucket != nil {
			if got, ok := w.ends[id]; ok {
				ends = got.ends
				delete(w.ends, id) // links keeps what it makes of them
			} else {
				ends, _, _ = lookupItem(w.linkBucket, model.ItemIRI(id), w.intern)
			}
			return nil
		}
		v := r.valueID(model.ItemIRI(id))
		if v == 0 {
			return nil
		}
		// Both indexes have the predicate second in their keys.
		linkPred := func(key []byte) (bool, error) {
			if len(key) < 16 {
				return false, nil
			}
			pv, err := r.value(binary.BigEndian.Uint64(key[8:16]))
			p, ok := pv.(quad.IRI)
			return ok && (model.IsRef(p) || model.IsRelationType(p)), err
		}
		var err error
		if out, err = r.collectKeys(sp, []uint64{v}, linkPred, r.sourceLabel); err != nil {
			return err
		}
		in, err = r.collectKeys(ops, []uint64{v}, linkPred, r.sourceLabel)
		return err
	})
	for _, q := range out {
		p, _ := q.Predicate.(quad.IRI)
		if o, ok := q.Object.(quad.IRI); ok {
			ends = append(ends, linkEnd{pred: string(p), other: string(o), out: true})
		}
	}
	return appendInEnds(ends, in), exists, err
}

// appendInEnds appends the ends of the quads in, whose object is the item, to ends.
func appendInEnds(ends []linkEnd, in []quad.Quad) []linkEnd {
	for _, q := range in {
		p, _ := q.Predicate.(quad.IRI)
		if sub, ok := q.Subject.(quad.IRI); ok {
			ends = append(ends, linkEnd{pred: string(p), other: string(sub)})
		}
	}
	return ends
}

// intern returns b as a string, the same string for the same bytes throughout the walk.
func (w *walker) intern(b []byte) string {
	if s, ok := w.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	w.strs[s] = s
	return s
}

// firstRef returns the id the item id refers to through the field p: through the
// subject-predicate index of a key-value store, else from the item read whole.
func (w *walker) firstRef(id string, p quad.IRI) (string, error) {
	if err := w.viewLinks(); err != nil {
		return "", err
	}
	if w.linkBucket != nil {
		return firstLinked(w.linkBucket, model.ItemIRI(id), p), nil
	}
	if _, indexed := w.s.qs.(*kv.QuadStore); indexed {
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
		for _, src := range sortedKeys(it.kind) {
			return it.kind[src], nil
		}
		return "", nil
	}
	if kind, ok := w.kinds[id]; ok {
		return kind, nil
	}
	if err := w.viewLinks(); err != nil {
		return "", err
	}
	var kind string
	if w.linkBucket != nil {
		kind = indexedKind(w.linkBucket, model.ItemIRI(id))
	} else if _, indexed := w.s.qs.(*kv.QuadStore); indexed {
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

// Referrers returns the ids of the items (not relations) that refer to id through one of
// the given fields (predicate names without "fg:", such as "bearer"; any reference field
// when none is given), sorted. It reads the link index, or the store's object index.
func (s *Store) Referrers(ctx context.Context, id string, fields ...string) ([]string, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	want := map[quad.IRI]bool{}
	for _, f := range fields {
		p := quad.IRI("fg:" + f)
		if !model.IsRef(p) {
			return nil, fmt.Errorf("%q is not a reference field; give one of the fields docs/model.md lists as holding an id", f)
		}
		want[p] = true
	}
	w := newWalker(ctx, s, -1, nil)
	seen := map[string]bool{}
	defer w.close()
	var out []string
	collect := func(q quad.Quad, _ string) error {
		p, _ := q.Predicate.(quad.IRI)
		sub, ok := q.Subject.(quad.IRI)
		if !ok || !model.IsRef(p) || len(want) > 0 && !want[p] || seen[string(sub)] {
			return nil
		}
		seen[string(sub)] = true
		out = append(out, string(sub))
		return nil
	}
	if err := w.viewLinks(); err != nil {
		return nil, err
	}
	_, indexed := s.qs.(*kv.QuadStore)
	if w.linkBucket != nil {
		var preds []quad.IRI
		for p := range want {
			preds = append(preds, p)
		}
		for _, e := range lookupIncoming(w.linkBucket, model.ItemIRI(id), preds, w.intern) {
			if err := collect(quad.Quad{Subject: quad.IRI(e.other), Predicate: quad.IRI(e.pred)}, ""); err != nil {
				return nil, err
			}
		}
	} else if indexed && len(want) > 0 {
		// The object-predicate-subject index holds just the quads of each field.
		for _, f := range fields {
			if err := w.objectQuads(model.ItemIRI(id), quad.IRI("fg:"+f), collect); err != nil {
				return nil, err
			}
		}
	} else if err := w.quads(quad.Object, model.ItemIRI(id), collect); err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// objectQuads calls fn with the quads of a key-value store whose object is o and predicate
// p, through its object-predicate-subject index.
func (w *walker) objectQuads(o quad.Value, p quad.IRI, fn func(q quad.Quad, source string) error) error {
	if ind, err := w.s.boltIndexFor(quad.Object, quad.Predicate); err != nil || ind != nil {
		if err != nil {
			return err
		}
		return w.boltQuads(ind, []quad.Value{o, p}, fn)
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
	if q.Predicate == model.Kind {
		if k, ok := q.Object.(quad.String); ok {
			it.kind[src] = string(k)
		}
	}
}

func (it *itemQuads) exists() bool { return len(it.kind) > 0 }

// walker reads items through the store's indexes, each once, and remembers them.
type walker struct {
	ctx    context.Context
	s      *Store
	max    int
	follow map[string]bool // nil: every link
	values map[any]quad.Value
	// boltValues are the values a bolt store's reads decoded, by id; br reads a bolt
	// store in one read transaction for the whole walk, once opened (close ends it).
	boltValues map[uint64]quad.Value
	br         *boltReader
	linkBucket *bolt.Bucket // the link index, read in br's transaction; nil: none that covers the store
	strs       map[string]string
	items      map[string]*itemQuads
	order      []string                   // items read, in reading order
	names      map[string]*graph.ItemInfo // items read for their names only; nil when not items
	rels       map[string]*itemQuads
	sources    map[string]*itemQuads
	count      int
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
	// aliases are the aliases of parties read for their names (readAliases).
	aliases map[string][]string
	// readAhead are subjects read ahead of read (prefetchItems).
	readAhead map[quad.IRI]*itemQuads
}

type fieldRef struct {
	field quad.IRI
	to    string
}

func newWalker(ctx context.Context, s *Store, max int, follow []string) *walker {
	if max == 0 {
		max = DefaultMaxItems
	}
	w := &walker{ctx: ctx, s: s, max: max, values: map[any]quad.Value{}, boltValues: map[uint64]quad.Value{},
		linkCache: map[string][]link{}, strs: map[string]string{},
		fieldRefs: map[string][]fieldRef{}, partial: map[string]*graph.ItemInfo{}, dates: map[string]graph.Date{},
		ends: map[string]itemLinks{}, kinds: map[string]string{}, aliases: map[string][]string{},
		readAhead: map[quad.IRI]*itemQuads{},
		items:     map[string]*itemQuads{}, names: map[string]*graph.ItemInfo{}, rels: map[string]*itemQuads{}, sources: map[string]*itemQuads{}}
	if len(follow) > 0 {
		w.follow = map[string]bool{}
		for _, f := range follow {
			w.follow[f] = true
		}
	}
	return w
}

// viewBolt runs fn with the walk's reader of a bolt store, opening its read transaction
// on first use: a walk reads thousands of index entries, and each transaction of its own
// costs a transaction and the lookup of every bucket it reads.
func (w *walker) viewBolt(fn func(r *boltReader) error) error {
	if w.br == nil {
		tx, err := w.s.boltDB().Begin(false)
		if err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		r, err := newBoltReader(w.ctx, tx, w.boltValues)
		if err != nil {
			tx.Rollback()
			return err
		}
		w.br = r
		if linkIndexFresh(tx) {
			w.linkBucket = tx.Bucket(linkBucket)
		}
	}
	return fn(w.br)
}

// viewLinks opens the walk's read transaction of a bolt store, and with it the link
// index when that covers the store (w.linkBucket); it does nothing on other stores.
func (w *walker) viewLinks() error {
	if w.s.boltDB() == nil {
		return nil
	}
	return w.viewBolt(func(*boltReader) error { return nil })
}

// close ends the walk's read transaction, if it opened one.
func (w *walker) close() {
	if w.br != nil {
		w.br.tx.Rollback()
		w.br, w.linkBucket = nil, nil
	}
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
	if ind, err := w.s.boltIndexFor(dir); err != nil || ind != nil {
		if err != nil {
			return err
		}
		return w.boltQuads(ind, []quad.Value{v}, fn)
	}
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
	err := w.quads(quad.Subject, iri, func(q quad.Quad, src string) error {
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
	if _, ok := w.sources[id]; ok || strings.Contains(id, "/") {
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
	if err := w.viewLinks(); err != nil {
		return nil, err
	}
	if w.linkBucket != nil {
		for _, e := range lookupIncoming(w.linkBucket, model.ItemIRI(id), w.followedPreds(), w.intern) {
			ins = append(ins, in{quad.IRI(e.pred), e.other})
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
	ind, err := w.s.boltIndexFor(quad.Object, quad.Predicate)
	if err != nil {
		return nil, err
	}
	if w.linkBucket != nil {
		// Read above.
	} else if preds := w.followedPreds(); preds != nil && ind != nil {
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
			if len(preds) > 0 && p != preds[0] && (len(preds) < 2 || p != preds[1]) {
				continue
			}
			out = append(out, string(o))
		}
	}
	return out
}

// readReached reads the items the walk reached but did not expand from. A party or
// agreement, which thousands of sources may state, is read for its kind and name only
// where the store has a subject-predicate index, and keeps of its fields only the
// references to items the walk expanded (all that a link from those items needs); any
// other item is read whole.
func (w *walker) readReached(ids []string) error {
	_, indexed := w.s.qs.(*kv.QuadStore)
	var whole []string
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
				if err := w.brief(id, kind); err != nil {
					return err
				}
				continue
			}
		}
		whole = append(whole, id)
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

// loadNames reads every item that an item read so far refers to, for its name.
func (w *walker) loadNames() error {
	for _, id := range append([]string(nil), w.order...) {
		for _, ref := range w.items[id].refs() {
			if err := w.nameOrItem(ref); err != nil {
				return err
			}
		}
	}
	return nil
}

// nameOrItem reads the item id for its name where the store has a subject-predicate
// index, and whole elsewhere.
func (w *walker) nameOrItem(id string) error {
	if _, indexed := w.s.qs.(*kv.QuadStore); indexed {
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
	kind, err := w.first(model.ItemIRI(id), model.Kind)
	if err != nil {
		return err
	}
	info := &graph.ItemInfo{ID: id, Kind: kind}
	switch kind {
	case graph.KindParty, graph.KindAgreement:
		if info.Type, err = w.first(model.ItemIRI(id), model.Type); err != nil {
			return err
		}
		fallthrough
	case graph.KindEvent:
		if info.Name, err = w.first(model.ItemIRI(id), model.Name); err != nil {
			return err
		}
		w.names[id] = info
	}
	return w.source(id)
}

// readAliases reads the aliases of the party id, read for its name, from every source
// that states it; elsewhere than on bolt it reads the party whole.
func (w *walker) readAliases(id string) error {
	if info := w.names[id]; info == nil || info.Kind != graph.KindParty || w.aliases[id] != nil {
		return nil
	}
	sp, err := w.s.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil {
		return err
	}
	if sp == nil {
		_, err := w.item(id) // whole, with its aliases
		return err
	}
	set := map[string]bool{}
	err = w.boltQuads(sp, []quad.Value{model.ItemIRI(id), model.Alias}, func(q quad.Quad, _ string) error {
		if a, ok := q.Object.(quad.String); ok {
			set[string(a)] = true
		}
		return nil
	})
	w.aliases[id] = sortedKeys(set) // not nil: read
	return err
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
	if ind, err := w.s.boltIndexFor(quad.Subject, quad.Predicate); err != nil || ind != nil {
		if err != nil {
			return nil, err
		}
		return w.firstBolt(s, p)
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

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// graph decodes what the walk read, source by source, as model.Decode decodes a whole
// source, and merges it. A source is in the graph when its id is the id of an item read (or
// asked for): a query that names that id finds the source, as it would in Load's graph.
func (w *walker) graph() (*graph.Graph, error) {
	type part struct {
		quads    []quad.Quad
		sections map[string][]string
	}
	parts := map[string]*part{}
	add := func(src, kind, key string, qs []quad.Quad) {
		p := parts[src]
		if p == nil {
			p = &part{sections: map[string][]string{}}
			parts[src] = p
		}
		p.quads = append(p.quads, qs...)
		sec := model.SectionOf(kind)
		p.sections[sec] = append(p.sections[sec], key)
	}
	for _, id := range w.order {
		if w.keep != nil && !w.keep[id] {
			continue
		}
		it := w.items[id]
		for src, kind := range it.kind {
			add(src, kind, id, it.bySource[src])
		}
	}
	for iri, it := range w.rels {
		if w.keepRel != nil && !w.keepRel[iri] {
			continue
		}
		for src, kind := range it.kind {
			if kind == graph.KindRelation {
				add(src, kind, strings.TrimPrefix(iri, model.RelationPrefix), it.bySource[src])
			}
		}
	}
	var facts []*graph.Facts
	var errs []error
	for _, src := range sortedKeys(parts) {
		p := parts[src]
		label := model.SourceIRI(src)
		qs := append(p.quads, quad.Quad{Subject: label, Predicate: model.Kind, Object: quad.String(graph.KindSource), Label: label})
		for sec, ids := range p.sections {
			sort.Strings(ids)
			b, _ := json.Marshal(ids) // a []string always marshals
			qs = append(qs, quad.Quad{Subject: label, Predicate: quad.IRI(model.OrderPrefix + sec), Object: quad.String(b), Label: label})
		}
		f, err := model.Decode(src, qs)
		if err != nil {
			errs = append(errs, err)
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
	added := false
	all := map[string]*graph.ItemInfo{}
	for id, info := range w.names {
		all[id] = info
	}
	for id, info := range w.partial {
		all[id] = info
	}
	for _, id := range sortedKeys(all) {
		info := all[id]
		if info == nil {
			continue
		}
		if it, full := w.items[id]; full && it.exists() {
			continue
		}
		added = true
		refs := map[quad.IRI][]string{}
		if w.partial[id] != nil {
			for _, r := range w.fieldRefs[id] {
				if !slices.Contains(refs[r.field], r.to) {
					refs[r.field] = append(refs[r.field], r.to)
				}
			}
			for _, list := range refs {
				sort.Strings(list)
			}
		}
		one := func(p quad.IRI) string {
			if list := refs[p]; len(list) > 0 {
				return list[0]
			}
			return ""
		}
		switch info.Kind {
		case graph.KindParty:
			g.Parties = append(g.Parties, graph.Party{ID: id, Name: info.Name, Kind: info.Type, MemberOf: refs[model.MemberOf], Aliases: w.aliases[id]})
		case graph.KindAgreement:
			g.Agreements = append(g.Agreements, graph.Agreement{ID: id, Name: info.Name, Kind: info.Type, Parties: refs[model.Party], Revises: one(model.Revises)})
		case graph.KindEvent:
			g.Events = append(g.Events, graph.Event{ID: id, Name: info.Name, Involves: refs[model.Involves]})
		case graph.KindObligation:
			g.Obligations = append(g.Obligations, graph.Obligation{ID: id, Bearer: one(model.Bearer), Beneficiary: one(model.Beneficiary), Under: one(model.Under)})
		case graph.KindClaim, graph.KindCounterclaim:
			c := graph.Claim{ID: id, Kind: info.Kind, By: one(model.By), About: refs[model.About], Counters: refs[model.Counters], Supports: refs[model.Supports], Date: w.dates[id]}
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

// boltQuads calls fn with each quad of a bolt store that has a source's label and, in the
// first directions of index ind, the values lead, with that source's id. It reads in one
// transaction (boltReader), values decoded once per walk.
func (w *walker) boltQuads(ind *boltIndex, lead []quad.Value, fn func(q quad.Quad, source string) error) error {
	var out []quad.Quad
	err := w.viewBolt(func(r *boltReader) error {
		ids := make([]uint64, len(lead))
		for i, v := range lead {
			if ids[i] = r.valueID(v); ids[i] == 0 {
				return nil
			}
		}
		var err error
		out, err = r.collect(ind, ids, r.sourceLabel)
		return err
	})
	if err != nil {
		return err
	}
	for _, q := range out {
		if err := fn(q, strings.TrimPrefix(string(q.Label.(quad.IRI)), model.SourcePrefix)); err != nil {
			return err
		}
	}
	return w.ctx.Err()
}

// firstBolt is first on a bolt store: the object of the first quad of the index entry of s
// and p that has a source's label. Cayley's iterator fetches the quads of an index entry a
// hundred at a time, and a party that hundreds of sources state has hundreds.
func (w *walker) firstBolt(s, p quad.Value) (quad.Value, error) {
	ind, err := w.s.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil || ind == nil {
		return nil, err
	}
	var found quad.Value
	errFound := errors.New("found")
	err = w.viewBolt(func(r *boltReader) error {
		ids := []uint64{r.valueID(s), r.valueID(p)}
		if ids[0] == 0 || ids[1] == 0 {
			return nil
		}
		return r.scan(ind, ids, func(pr primitive) error {
			if ok, err := r.sourceLabel(pr); !ok || err != nil {
				return err
			}
			v, err := r.value(pr.object)
			if err != nil {
				return err
			}
			found = v
			return errFound
		})
	})
	if err != nil && err != errFound {
		return nil, err
	}
	return found, nil
}
