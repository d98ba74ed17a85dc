package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/boltstore"
	"github.com/factgraph/factgraph/store/model"
)

// namesByScan is what NameMatches finds by looking at every named item, without the index.
func namesByScan(t *testing.T, s *Store, ref string) []string {
	t.Helper()
	br, err := s.bolt.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	found := map[string]bool{}
	if err := br.ScanNames(graph.FoldName(ref), found); err != nil {
		t.Fatal(err)
	}
	return sortedKeys(found)
}

// storeNames lists every name, alias and title the store holds, as written and in other
// case and spacing.
func storeNames(t *testing.T, s *Store) []string {
	t.Helper()
	set := map[string]bool{}
	if err := s.allQuads(context.Background(), func(q quad.Quad) error {
		if name, ok := boltstore.NameOf(q); ok {
			set[name] = true
			set[strings.ToUpper(name)] = true
			set[" "+strings.ReplaceAll(name, " ", "  ")+" "] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func indexFresh(t *testing.T, s *Store) bool {
	t.Helper()
	return freshIn(t, s, boltstore.NameIndex)
}

// freshIn reads whether an index of the store s covers it, as fresh tells.
func freshIn(t *testing.T, s *Store, ix boltstore.Index) bool {
	t.Helper()
	ok, err := s.bolt.Fresh(ix)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// checkNames checks that NameMatches finds, for every name of the store, every id a look
// at every named item finds, and at most the ids in extra besides.
func checkNames(t *testing.T, s *Store, extra map[string]bool) {
	t.Helper()
	names := storeNames(t, s)
	named := map[string]map[string]bool{} // folded name → ids any live quad names so
	if err := s.allQuads(context.Background(), func(q quad.Quad) error {
		if name, ok := boltstore.NameOf(q); ok {
			subj := q.Subject.(quad.IRI)
			k := graph.FoldName(name)
			if named[k] == nil {
				named[k] = map[string]bool{}
			}
			named[k][strings.TrimPrefix(string(subj), model.SourcePrefix)] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(names) < 10 {
		t.Fatalf("only %d names in the store", len(names))
	}
	for _, name := range names {
		got, err := s.NameMatches(context.Background(), name)
		if err != nil {
			t.Fatalf("NameMatches(%q): %v", name, err)
		}
		want := namesByScan(t, s, name)
		if slices.Equal(want, []string{}) && len(got) == 1 && got[0] == name {
			continue // an id that is also a name: the id wins
		}
		for _, id := range want {
			if !slices.Contains(got, id) {
				t.Errorf("NameMatches(%q) = %v, misses %q (a look at every named item finds %v)", name, got, id, want)
			}
		}
		// Besides, it may find what any source names so (the look at every named item
		// takes a party's or agreement's name from one source only, as sources agree on
		// it in facts that passed validation).
		for _, id := range got {
			if !slices.Contains(want, id) && !extra[id] && id != name && id != graph.FoldName(name) && !named[graph.FoldName(name)][id] {
				t.Errorf("NameMatches(%q) = %v: %q is not named so (a look at every named item finds %v)", name, got, id, want)
			}
		}
	}
}

// TestNameIndex follows the name index through a bulk load, writes through deltas,
// removals, and writes it did not see.
func TestNameIndex(t *testing.T) {
	ctx := context.Background()
	s := newBolt(t)
	ingest(t, s, bulkCorpus()...)
	if !indexFresh(t, s) {
		t.Fatal("the name index does not cover a store just loaded in bulk")
	}
	checkNames(t, s, nil)

	t.Run("writes through deltas", func(t *testing.T) {
		changed := syntheticFacts(3)
		changed.Parties[4].Name = "Person Renamed"
		changed.Parties[0].Aliases = append(changed.Parties[0].Aliases, "Land of the Rising Sun")
		ingest(t, s, changed, syntheticFacts(41))
		if _, err := s.Remove(ctx, "article-5"); err != nil {
			t.Fatal(err)
		}
		if !indexFresh(t, s) {
			t.Fatal("the name index does not cover the store after writes through deltas")
		}
		// A removal leaves its names in the index: the items of article-5, and the person
		// renamed, may be found under their old names.
		extra := map[string]bool{}
		for _, p := range syntheticFacts(5).Parties {
			extra[p.ID] = true
		}
		for _, e := range syntheticFacts(5).Events {
			extra[e.ID] = true
		}
		for _, a := range syntheticFacts(5).Agreements {
			extra[a.ID] = true
		}
		extra["article-5"] = true
		extra[changed.Parties[4].ID] = true
		checkNames(t, s, extra)
		got, err := s.NameMatches(ctx, "land of the rising  SUN")
		if err != nil || !slices.Equal(got, []string{"japan"}) {
			t.Errorf("NameMatches of a new alias = %v, %v; want [japan]", got, err)
		}
	})

	t.Run("a write it did not see", func(t *testing.T) {
		// Cayley's own write, as another program would make it.
		err := s.qs.ApplyDeltas([]cgraph.Delta{
			{Action: cgraph.Add, Quad: quad.Make(model.ItemIRI("stranger"), model.Kind, quad.String(graph.KindParty), model.SourceIRI("article-1"))},
			{Action: cgraph.Add, Quad: quad.Make(model.ItemIRI("stranger"), model.Name, quad.String("Mr Stranger"), model.SourceIRI("article-1"))},
		}, cgraph.IgnoreOpts{})
		if err != nil {
			t.Fatal(err)
		}
		if indexFresh(t, s) {
			t.Fatal("the name index claims to cover a write it did not see")
		}
		got, err := s.NameMatches(ctx, "mr stranger")
		if err != nil || !slices.Equal(got, []string{"stranger"}) {
			t.Errorf("NameMatches of a name the index did not see = %v, %v; want [stranger]", got, err)
		}
		// The next write builds the index again.
		ingest(t, s, syntheticFacts(42))
		if !indexFresh(t, s) {
			t.Fatal("the name index was not built again by the next write")
		}
		if got, err := s.NameMatches(ctx, "MR STRANGER"); err != nil || !slices.Equal(got, []string{"stranger"}) {
			t.Errorf("NameMatches after the rebuild = %v, %v; want [stranger]", got, err)
		}
		checkNames(t, s, nil)
	})
}

// TestIndexesOfDeltaStore checks the name and link indexes of a store whose first write
// went through deltas, and of a store without them, as older versions wrote them: the
// next write builds each again.
func TestIndexesOfDeltaStore(t *testing.T) {
	indexes := []struct {
		name  string
		index boltstore.Index
		check func(t *testing.T, s *Store)
	}{
		{"name", boltstore.NameIndex, func(t *testing.T, s *Store) {
			checkNames(t, s, nil)
			if n := countNames(t, s); n == 0 {
				t.Fatal("the name index is empty")
			}
		}},
		{"link", boltstore.LinkIndex, checkLinks},
	}
	for _, ix := range indexes {
		t.Run(ix.name, func(t *testing.T) {
			s := newBolt(t)
			ingestDeltas(t, s, bulkCorpus()...)
			if !freshIn(t, s, ix.index) {
				t.Fatalf("the %s index does not cover a store written through deltas", ix.name)
			}
			ix.check(t, s)
			if err := s.bolt.Drop(ix.index); err != nil {
				t.Fatal(err)
			}
			if freshIn(t, s, ix.index) {
				t.Fatalf("a store without a %s index has a fresh one", ix.name)
			}
			if ix.name == "name" {
				checkNames(t, s, nil) // found without the index
			}
			ingest(t, s, syntheticFacts(43))
			if !freshIn(t, s, ix.index) {
				t.Fatalf("the first write into a store without a %s index did not build it", ix.name)
			}
			ix.check(t, s)
		})
	}
}

func countNames(t *testing.T, s *Store) int {
	t.Helper()
	keys, err := s.bolt.Keys(boltstore.NameIndex)
	if err != nil {
		t.Fatal(err)
	}
	return len(keys)
}
