package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// TestNamesNear compares NamesNear with every party, agreement, event and source of the
// merged graph whose id, name, alias or title is close to a ref: it may list more (names a
// later source replaced), never fewer; bolt and PostgreSQL list the same.
func TestNamesNear(t *testing.T) {
	refs := []string{"japn", "Japan", "JAPAN ", "unitd-states", "United  Stats", "nato", "north atlantic treety",
		"us-japan-security-treaty", "japan-us-security-tre", "trump", "donald", "zzzzzzzz", "", "a", "ü-ß"}
	check := func(t *testing.T, s *Store) map[string][]string {
		ctx := context.Background()
		g, err := s.Load(ctx, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		type named struct {
			id   string
			keys []string
		}
		var items []named
		for _, p := range g.Parties {
			items = append(items, named{p.ID, append([]string{p.ID, p.Name}, p.Aliases...)})
		}
		for _, a := range g.Agreements {
			items = append(items, named{a.ID, []string{a.ID, a.Name}})
		}
		for _, e := range g.Events {
			items = append(items, named{e.ID, []string{e.ID, e.Name}})
		}
		for _, src := range g.Sources {
			items = append(items, named{src.ID, []string{src.ID, src.Title}})
		}
		out := map[string][]string{}
		for _, ref := range refs {
			for max := 0; max <= 3; max++ {
				got, err := s.NamesNear(ctx, ref, max)
				if err != nil {
					t.Fatalf("NamesNear(%q, %d): %v", ref, max, err)
				}
				if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
					t.Errorf("NamesNear(%q, %d) = %v: not sorted, or an id twice", ref, max, got)
				}
				some := false
				for _, it := range items {
					for _, k := range it.keys {
						if suggest.Distance(graph.FoldName(ref), graph.FoldName(k), max) <= max {
							some = true
							if !slices.Contains(got, it.id) {
								t.Errorf("NamesNear(%q, %d) = %v, want %q among them (%q)", ref, max, got, it.id, k)
							}
							break
						}
					}
				}
				if ref == "japn" && max == 1 && !some {
					t.Fatal("the test needs a ref with an item near it")
				}
				out[ref+"/"+string(rune('0'+max))] = got
			}
		}
		return out
	}
	b := newBolt(t)
	ingest(t, b, treatyFacts(), natoFacts())
	want := check(t, b)
	t.Run("postgres", func(t *testing.T) {
		s, _ := newPostgres(t)
		ingest(t, s, treatyFacts(), natoFacts())
		got := check(t, s)
		for k, ids := range want {
			if !slices.Equal(got[k], ids) {
				t.Errorf("NamesNear %s on PostgreSQL = %v, on bolt %v", k, got[k], ids)
			}
		}
	})
	mem, err := Open(context.Background(), "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if _, err := mem.NamesNear(context.Background(), "japn", 1); !errors.Is(err, ErrNoNameIndex) {
		t.Errorf("NamesNear on a memory store: %v, want ErrNoNameIndex", err)
	}
}
