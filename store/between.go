package store

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// A path search (LoadBetween): two balls grown a layer at a time from its ends until they
// meet, and the walk back from where they met to each end.

// relationsAhead says that a path search reads the relations on its chains in the request
// that reads the chains' items, rather than in one of their own after it; a test turns it
// off to count the request it saves.
var relationsAhead = true

// aheadMax is the most items of the other side's last layer that a path search on a
// server reads the links of beside the layer it grows (layersAhead).
var aheadMax = 64

// layersAhead returns the items of the layer a path search grows (layer), and on a server,
// when that layer's links are yet to be read, those of the other side's last layer (other)
// too if it is small: the side with the smaller last layer grows next, which after this
// one has grown is most often the other, so its links come in the same requests (the
// links, the obligations they name, the kinds they lead to) instead of as many of their
// own, and the two sides' layers are read a pair at a time. The first layers of a search
// are a few items each, and a server a round trip away each.
func (w *walker) layersAhead(layer, other []string) []string {
	if _, batched := w.br.(preloader); !batched || len(other) > aheadMax {
		return layer
	}
	for _, id := range layer {
		_, cached := w.linkCache[id]
		if _, read := w.ends[id]; !read && !cached {
			return append(slices.Clip(layer), other...)
		}
	}
	return layer // read ahead with the other side's layer before
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
	// First keeps of the shortest chains the first alone, in the order a shortest-path
	// search lists them (query.Index.Path): from the item from, at each step the item
	// with the least id. The graph then holds its items and the links between them.
	First bool
}

// LoadBetween returns a merged graph that holds every shortest chain of links between the
// items from and to, walked either way, with every link between two neighbours on those
// chains: a shortest-path search on it finds the chains it would find on the whole graph.
// With opts.First it holds the first of those chains alone, which such a search finds
// first.
//
// It grows a ball around each end, one layer at a time on the side with the smaller
// frontier, until the balls meet (the chains are then as long as the two radii together)
// or one side runs out (there is no chain). Growing a layer reads the links of its items
// (their own quads and the object index), not the items they lead to; only the items on
// the chains, found by walking back from where the balls meet, and the obligations and
// relations that link them, are read whole. An item that touches thousands of others (a
// party that every article names) still costs one pass over its quads when a ball grows
// past it; balls that reach more than opts.MaxItems items end the read with ErrTooMany.
func (s *Store) LoadBetween(ctx context.Context, from, to string, opts BetweenOptions) (_ *graph.Graph, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
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
		// met, when the last layer expanded was looked through for meetings
		// (meetings), holds the items of that layer that link to one.
		met map[string]bool
	}
	var sides [2]*side
	// Both ends and the sources of their ids in one request on a server, where each would
	// be two or three.
	if err := w.prefetchItems([]string{from, to}); err != nil {
		return nil, err
	}
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
		if len(sd.layers[d-1]) >= meetMin {
			// A large layer is looked through for meetings first: if it has them, it is
			// the last, and only they are kept.
			found, linked, err := w.meetings(sd.layers[d-1], sd.depth, other.depth)
			if err != nil {
				return nil, err
			}
			if len(found) > 0 {
				meet = found
				sd.met = map[string]bool{}
				for _, id := range linked {
					sd.met[id] = true
				}
				sd.layers = append(sd.layers, nil)
				break
			}
		}
		var next []string
		if err := w.prefetchLinks(w.layersAhead(sd.layers[d-1], other.layers[len(other.layers)-1])); err != nil {
			return nil, err
		}
		for _, id := range sd.layers[d-1] {
			ls, err := w.links(id)
			if err != nil {
				return nil, err
			}
			for _, l := range ls {
				if len(meet) > 0 {
					// The balls met in this layer, their last: the rest of it matters only
					// where it meets the other ball (a path across 10,000 articles: the
					// 11,739 items of the layer that meets, for 145 meetings). A meeting
					// found twice is kept twice, which the walk back takes as once.
					if _, ok := other.depth[l.to]; ok {
						if _, ok := sd.depth[l.to]; !ok {
							meet = append(meet, l.to)
						}
					}
					continue
				}
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
	// Walk back from where the balls meet to each end, finding the items on the chains and
	// what links each to the next.
	var found []chainLink
	for _, sd := range sides {
		on := map[string]bool{}
		for _, id := range meet {
			on[id] = true
		}
		for d := len(sd.layers) - 2; d >= 0; d-- {
			prev := map[string]bool{}
			layer := sd.layers[d]
			if sd.met != nil && d == len(sd.layers)-2 {
				// Of the layer looked through for meetings, only the items that link to
				// one are read for their links, and of those only the links to meetings
				// (linksTo): the links of the layers the search grew are made already.
				var met []string
				for _, id := range layer {
					if sd.met[id] {
						met = append(met, id)
					}
				}
				if err := w.prefetchLinksTo(met, on); err != nil {
					return nil, err
				}
				layer = met
			}
			for _, id := range layer {
				ls, err := w.linksTo(id, on)
				if err != nil {
					return nil, err
				}
				for _, l := range ls {
					if on[l.to] {
						prev[id] = true
						found = append(found, chainLink{id, l})
					}
				}
			}
			on = prev
		}
	}
	var first []chainLink
	if opts.First {
		first = firstChain(from, to, found)
	}
	if first != nil {
		found = first
	} else {
		for _, id := range meet {
			w.keep[id] = true
		}
	}
	// Keep the items on the chains and what links each to the next.
	var rels []relKey
	for _, c := range found {
		id, l := c.from, c.l
		w.keep[id], w.keep[l.to] = true, true
		switch l.kind {
		case owesVia:
			w.keep[l.via] = true
		case relFrom:
			rels = append(rels, relKey{id, quad.IRI(l.rel), l.to})
		case relTo:
			rels = append(rels, relKey{l.to, quad.IRI(l.rel), id})
		case refFrom:
			w.fieldRefs[id] = append(w.fieldRefs[id], fieldRef{quad.IRI(l.rel), l.to})
		case refTo:
			w.fieldRefs[l.to] = append(w.fieldRefs[l.to], fieldRef{quad.IRI(l.rel), id})
		}
	}
	// The parties and agreements on the chains are read for their names, with the fields
	// that make the links above: a party that every article states is thousands of quads.
	var relIRIs []quad.IRI
	for _, r := range rels {
		iri := model.RelationIRI(r.from, string(r.typ), r.to)
		if _, read := w.rels[string(iri)]; !read && relationsAhead {
			relIRIs = append(relIRIs, iri)
		}
	}
	if err := w.readReached(sortedKeys(w.keep), relIRIs...); err != nil {
		return nil, err
	}
	w.keepRel = map[string]bool{}
	if err := w.prefetchRelations(rels); err != nil {
		return nil, err
	}
	for _, r := range rels {
		if err := w.relation(r.from, r.typ, r.to); err != nil {
			return nil, err
		}
		w.keepRel[string(model.RelationIRI(r.from, string(r.typ), r.to))] = true
	}
	return w.graph()
}

// chainLink is a link that the walk back from where a path search met found from an item
// (from) to the next on a chain, toward the meetings.
type chainLink struct {
	from string
	l    link
}

// firstChain returns the links of found (what the walk back found between from and to)
// that join two neighbours on the first shortest chain, in the order a shortest-path search
// lists the chains (query.Index.Path): from from, at each step the item with the least id
// among the next ones on a chain, found as the search finds them, by their distance to to
// over the links; nil if the links found join no chain from from to to (which the walk
// back never gives: every chain is then kept). A path between two commentators of 10,000
// articles met in 145 items, and its chains held 346, read whole for the one chain it
// prints.
func firstChain(from, to string, found []chainLink) []chainLink {
	touching := map[string][]int{} // the links found that touch each item
	for i, c := range found {
		touching[c.from] = append(touching[c.from], i)
		touching[c.l.to] = append(touching[c.l.to], i)
	}
	other := func(i int, id string) string {
		if found[i].from == id {
			return found[i].l.to
		}
		return found[i].from
	}
	dist := map[string]int{to: 0}
	for queue := []string{to}; len(queue) > 0; queue = queue[1:] {
		at := queue[0]
		for _, i := range touching[at] {
			if o := other(i, at); !hasKey(dist, o) {
				dist[o] = dist[at] + 1
				queue = append(queue, o)
			}
		}
	}
	if !hasKey(dist, from) {
		return nil
	}
	next := map[string]string{} // each item of the chain but to, and the one after it
	for at := from; at != to; at = next[at] {
		for _, i := range touching[at] {
			if o := other(i, at); dist[o] == dist[at]-1 && (next[at] == "" || o < next[at]) {
				next[at] = o
			}
		}
		if next[at] == "" {
			return nil // no nearer item: the distances say there is one
		}
	}
	var chain []chainLink
	for _, c := range found {
		if next[c.from] == c.l.to || next[c.l.to] == c.from {
			chain = append(chain, c)
		}
	}
	return chain
}

// hasKey says whether m holds k.
func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

type relKey struct {
	from string
	typ  quad.IRI
	to   string
}
