package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestNamesWithPrefix(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		s := newBolt(t)
		ingest(t, s, treatyFacts(), natoFacts())
		testNamesWithPrefix(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		s, _ := newPostgres(t)
		ingest(t, s, treatyFacts(), natoFacts())
		testNamesWithPrefix(t, s)
		// The same suggestions, in the same order, as from bolt; alpha's three names come
		// before alpine's.
		alps := &graph.Facts{
			Source: graph.Source{ID: "alps", Title: "Alps"},
			Parties: []graph.Party{
				{ID: "alpha", Name: "Alpha", Kind: "state", Aliases: []string{"Alpha One", "Alpha Two"}},
				{ID: "alpine", Name: "Alpine", Kind: "state"},
			},
		}
		ingest(t, s, alps)
		b := newBolt(t)
		ingest(t, b, treatyFacts(), natoFacts(), alps)
		for _, prefix := range []string{"", "a", "alp", "j", "n", "the", "u", "_", "%", `\`} {
			for _, max := range []int{1, 2, 3, 5, 20} {
				want, err := b.NamesWithPrefix(context.Background(), prefix, max)
				if err != nil {
					t.Fatal(err)
				}
				got, err := s.NamesWithPrefix(context.Background(), prefix, max)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("NamesWithPrefix(%q, %d) on PostgreSQL = %v, on bolt %v", prefix, max, got, want)
				}
			}
		}
	})
}

func testNamesWithPrefix(t *testing.T, s *Store) {
	ctx := context.Background()
	tests := []struct {
		prefix string
		max    int
		want   []string // in this order, at the start
		not    []string
	}{
		{prefix: "jap", max: 10, want: []string{"japan"}},
		{prefix: "  JAPAN ", max: 10, want: []string{"japan"}},
		{prefix: "u", max: 10, want: []string{"united-states"}},
		{prefix: "zzz", max: 10},
		{prefix: "", max: 10},
		{prefix: "a", max: 1},
	}
	for _, tt := range tests {
		got, err := s.NamesWithPrefix(ctx, tt.prefix, tt.max)
		if err != nil {
			t.Fatalf("NamesWithPrefix(%q): %v", tt.prefix, err)
		}
		if len(got) > tt.max {
			t.Errorf("NamesWithPrefix(%q, %d) = %v: more than asked", tt.prefix, tt.max, got)
		}
		for _, id := range tt.want {
			if !slices.Contains(got, id) {
				t.Errorf("NamesWithPrefix(%q) = %v, want %q among them", tt.prefix, got, id)
			}
		}
		if tt.want == nil && tt.max > 1 && len(got) > 0 {
			t.Errorf("NamesWithPrefix(%q) = %v, want none", tt.prefix, got)
		}
		if len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("NamesWithPrefix(%q) = %v repeats an id", tt.prefix, got)
		}
	}
	ids, err := s.SourceIDs(ctx)
	if err != nil || len(ids) != 2 {
		t.Errorf("SourceIDs = %v, %v; want two", ids, err)
	}
	mem, err := Open(ctx, "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if _, err := mem.NamesWithPrefix(ctx, "jap", 5); !errors.Is(err, ErrNoNameIndex) {
		t.Errorf("NamesWithPrefix on a memory store: %v, want ErrNoNameIndex", err)
	}
}
