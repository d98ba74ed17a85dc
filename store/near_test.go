package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// TestNear compares NamedNear and UnnamedNear together with every item and source of the
// merged graph whose id, name, alias or title is close to a ref: they may list more (names
// a later source replaced), never fewer, and UnnamedNear no party; bolt and PostgreSQL
// list the same.
func TestNear(t *testing.T) {
	refs := []string{"japn", "Japan", "JAPAN ", "unitd-states", "United  Stats", "nato", "north atlantic treety",
		"us-japan-security-treaty", "japan-us-security-tre", "trump", "donald", "zzzzzzzz", "", "a", "ü-ß",
		"us-defend-japn", "japan-defend-u", "trump-treaty-unfare", "japan-contributes-otherwis"}
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
		for _, o := range g.Obligations {
			items = append(items, named{o.ID, []string{o.ID}})
		}
		for _, c := range append(g.Claims, g.Counterclaims...) {
			items = append(items, named{c.ID, []string{c.ID}})
		}
		out := map[string][]string{}
		for _, ref := range refs {
			for max := 0; max <= 3; max++ {
				named, err := s.NamedNear(ctx, ref, max)
				if err != nil {
					t.Fatalf("NamedNear(%q, %d): %v", ref, max, err)
				}
				others, err := s.UnnamedNear(ctx, ref, max)
				if err != nil {
					t.Fatalf("UnnamedNear(%q, %d): %v", ref, max, err)
				}
				for _, list := range [][]string{named, others} {
					if !slices.IsSorted(list) || len(slices.Compact(slices.Clone(list))) != len(list) {
						t.Errorf("NamedNear or UnnamedNear(%q, %d) = %v: not sorted, or an id twice", ref, max, list)
					}
				}
				got := append(slices.Clone(named), others...)
				some := false
				for _, it := range items {
					for _, k := range it.keys {
						if suggest.Distance(graph.FoldName(ref), graph.FoldName(k), max) <= max {
							some = true
							if !slices.Contains(got, it.id) {
								t.Errorf("NamedNear and UnnamedNear(%q, %d) = %v, want %q among them (%q)", ref, max, got, it.id, k)
							}
							break
						}
					}
				}
				if (ref == "japn" || ref == "japan-defend-u") && max == 1 && !some {
					t.Fatalf("the test needs %q to have an item near it", ref)
				}
				for _, id := range others {
					if slices.ContainsFunc(g.Parties, func(p graph.Party) bool { return p.ID == id }) {
						t.Errorf("UnnamedNear(%q, %d) lists the party %q", ref, max, id)
					}
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
				t.Errorf("NamedNear and UnnamedNear %s on PostgreSQL = %v, on bolt %v", k, got[k], ids)
			}
		}
	})
	mem, err := Open(context.Background(), "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if _, err := mem.NamedNear(context.Background(), "japn", 1); !errors.Is(err, ErrNoNameIndex) {
		t.Errorf("NamedNear on a memory store: %v, want ErrNoNameIndex", err)
	}
	if _, err := mem.UnnamedNear(context.Background(), "japn", 1); !errors.Is(err, ErrNoNameIndex) {
		t.Errorf("UnnamedNear on a memory store: %v, want ErrNoNameIndex", err)
	}
}
