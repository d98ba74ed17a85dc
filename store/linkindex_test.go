package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/boltstore"
	"github.com/factgraph/factgraph/store/model"
)

// linkKeysByScan are the keys the link index should hold: those of every live link quad,
// found by reading the whole store.
func linkKeysByScan(t *testing.T, s *Store) []string {
	t.Helper()
	set := map[string]bool{}
	if err := s.allQuads(context.Background(), func(q quad.Quad) error {
		for _, k := range boltstore.LinkKeys(q) {
			set[k] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return sortedKeys(set)
}

// linkKeysInIndex are the keys the link index holds.
func linkKeysInIndex(t *testing.T, s *Store) []string {
	t.Helper()
	keys, err := s.bolt.Keys(boltstore.LinkIndex)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func linkIndexFreshIn(t *testing.T, s *Store) bool {
	t.Helper()
	return freshIn(t, s, boltstore.LinkIndex)
}

// storeItems lists the ids of every item the store holds, and of ids no item has.
func storeItems(t *testing.T, s *Store) []string {
	t.Helper()
	set := map[string]bool{"no-such-item": true}
	if err := s.allQuads(context.Background(), func(q quad.Quad) error {
		if k, ok := q.Object.(quad.String); ok && q.Predicate == model.Kind && model.IsItemKind(string(k)) {
			set[string(q.Subject.(quad.IRI))] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return sortedKeys(set)
}

// walkLinks returns the links a walk finds for id, through the link index or (index
// false) by reading the quads from the log.
func walkLinks(t *testing.T, s *Store, id string, index bool) []string {
	t.Helper()
	w := newWalker(context.Background(), s, -1, nil)
	defer w.close()
	br, err := w.reader()
	if err != nil {
		t.Fatal(err)
	}
	if index && !br.HasLinks() {
		t.Fatal("the walk does not use a link index that covers the store")
	}
	if !index {
		br.(interface{ IgnoreLinks() }).IgnoreLinks()
	}
	ls, err := w.links(id)
	if err != nil {
		t.Fatalf("links(%q): %v", id, err)
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = fmt.Sprintf("%+v", l)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// checkLinks checks that the index holds exactly the keys of the live link quads and, when
// it covers the store, that walks find the same links through it as from the log.
func checkLinks(t *testing.T, s *Store) {
	t.Helper()
	want := linkKeysByScan(t, s)
	if len(want) < 100 {
		t.Fatalf("only %d link keys in the store", len(want))
	}
	got := linkKeysInIndex(t, s)
	if !slices.Equal(got, want) {
		for _, k := range got {
			if _, found := slices.BinarySearch(want, k); !found {
				t.Errorf("the link index holds %q, which no live quad makes", k)
			}
		}
		for _, k := range want {
			if _, found := slices.BinarySearch(got, k); !found {
				t.Errorf("the link index lacks %q", k)
			}
		}
		t.FailNow()
	}
	linked := 0
	for _, id := range storeItems(t, s) {
		viaIndex, viaLog := walkLinks(t, s, id, true), walkLinks(t, s, id, false)
		if !slices.Equal(viaIndex, viaLog) {
			t.Errorf("links of %q through the index:\n%s\nfrom the log:\n%s", id, strings.Join(viaIndex, "\n"), strings.Join(viaLog, "\n"))
		}
		if len(viaLog) > 0 {
			linked++
		}
	}
	if linked < 10 {
		t.Fatalf("only %d items have links", linked)
	}
}

// TestLinkIndex follows the link index through a bulk load, writes through deltas,
// removals, and writes it did not see.
func TestLinkIndex(t *testing.T) {
	ctx := context.Background()
	s := newBolt(t)
	ingest(t, s, bulkCorpus()...)
	if !linkIndexFreshIn(t, s) {
		t.Fatal("the link index does not cover a store just loaded in bulk")
	}
	checkLinks(t, s)

	t.Run("writes through deltas", func(t *testing.T) {
		changed := syntheticFacts(3)
		changed.Obligations[0].Bearer, changed.Obligations[0].Beneficiary = changed.Obligations[0].Beneficiary, changed.Obligations[0].Bearer
		changed.Relations = changed.Relations[1:]
		changed.Claims = changed.Claims[:len(changed.Claims)-1]
		ingest(t, s, changed, syntheticFacts(41))
		if _, err := s.Remove(ctx, "article-5"); err != nil {
			t.Fatal(err)
		}
		if !linkIndexFreshIn(t, s) {
			t.Fatal("the link index does not cover the store after writes through deltas")
		}
		checkLinks(t, s)
	})

	t.Run("a write it did not see", func(t *testing.T) {
		// Cayley's own write, as another program would make it.
		err := s.qs.ApplyDeltas([]cgraph.Delta{
			{Action: cgraph.Add, Quad: quad.Make(model.ItemIRI("stranger"), model.Kind, quad.String(graph.KindParty), model.SourceIRI("article-1"))},
			{Action: cgraph.Add, Quad: quad.Make(model.ItemIRI("stranger"), quad.IRI("allied-with"), model.ItemIRI("japan"), model.SourceIRI("article-1"))},
		}, cgraph.IgnoreOpts{})
		if err != nil {
			t.Fatal(err)
		}
		if linkIndexFreshIn(t, s) {
			t.Fatal("the link index claims to cover a write it did not see")
		}
		w := newWalker(ctx, s, -1, nil)
		ls, err := w.links("stranger")
		used := w.br != nil && w.br.HasLinks()
		w.close()
		if err != nil || used || len(ls) != 1 || ls[0].to != "japan" {
			t.Errorf("a walk on a store with a stale link index: index used %v, links of an item the index did not see %+v, %v; want one to japan", used, ls, err)
		}
		// The next write builds the index again.
		ingest(t, s, syntheticFacts(42))
		if !linkIndexFreshIn(t, s) {
			t.Fatal("the link index was not built again by the next write")
		}
		checkLinks(t, s)
	})
}
