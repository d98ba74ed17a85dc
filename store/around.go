package store

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"

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
	// NameFields, with Names, reads only the items that these reference fields name, as
	// Follow names them ("by", "beneficiary"): for a query that prints some of the names
	// its items refer to, not all. Every item referred to when empty.
	NameFields []string
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
func (s *Store) LoadAround(ctx context.Context, seeds []string, opts AroundOptions) (_ *graph.Graph, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
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
		if err := w.loadNames(opts.NameFields); err != nil {
			return nil, err
		}
	}
	if err := w.readNamed(opts.Named, opts.Aliases); err != nil {
		return nil, err
	}
	return w.graph()
}

// Referrers returns the ids of the items (not relations) that refer to id through one of
// the given fields (predicate names without "fg:", such as "bearer"; any reference field
// when none is given), sorted. It reads the link index, or the store's object index.
func (s *Store) Referrers(ctx context.Context, id string, fields ...string) (_ []string, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
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
	br, err := w.linkIndex()
	if err != nil {
		return nil, err
	}
	indexed := w.indexed()
	if br != nil {
		var preds []quad.IRI
		for p := range want {
			preds = append(preds, p)
		}
		for _, e := range br.Incoming(model.ItemIRI(id), preds) {
			if err := collect(quad.Quad{Subject: quad.IRI(e.Other), Predicate: quad.IRI(e.Pred)}, ""); err != nil {
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
	return out, w.readErr()
}
