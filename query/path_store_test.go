package query

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// betweenReader keeps the graph of the last LoadBetween.
type betweenReader struct {
	*store.Store
	last *graph.Graph
}

func (b *betweenReader) LoadBetween(ctx context.Context, from, to string, o store.BetweenOptions) (*graph.Graph, error) {
	g, err := b.Store.LoadBetween(ctx, from, to, o)
	b.last = g
	return g, err
}

// TestPathInReadsFirstChain checks that a path without --all reads the first shortest
// chain alone (store.BetweenOptions.First): for pairs of items with several shortest
// chains, on bolt and PostgreSQL, the graph PathIn reads holds the items of the chain it
// answers with, and the obligations through which two neighbours on it owe, and no other
// item; and the answer is the whole graph's.
func TestPathInReadsFirstChain(t *testing.T) {
	for _, kind := range []string{"bolt", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := newStore(t, kind, synthFacts(40))
			whole, err := s.Load(ctx, store.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ix := NewIndex(whole)
			r := &betweenReader{Store: s}
			checked, owes := 0, 0
			for i := 0; i < len(ix.items) && checked < 40; i += 7 {
				a, b := ix.items[i].ID, ix.items[(i*13+5)%len(ix.items)].ID
				all, err := ix.Path(a, b, PathOptions{All: true, Max: 2})
				if err != nil || len(all.Chains) < 2 {
					continue
				}
				want, err := ix.Path(a, b, PathOptions{})
				if err != nil {
					t.Fatal(err)
				}
				got, err := PathIn(ctx, r, a, b, PathOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(jsonOf(t, got), jsonOf(t, want)) {
					t.Fatalf("path %s to %s:\n%s\nwant\n%s", a, b, jsonOf(t, got), jsonOf(t, want))
				}
				onChain := []string{a}
				for _, st := range want.Chains[0].Steps {
					onChain = append(onChain, st.To)
					if st.Via != "" {
						owes++
					}
					// Every duty by which the two owe, the one the step names or not.
					for _, s := range ix.steps(ix.byID[st.From]) {
						if e := ix.edges[s.edge]; ix.items[s.other].ID == st.To && e.Via != "" {
							onChain = append(onChain, e.Via)
						}
					}
				}
				var read []string
				for _, it := range NewIndex(r.last).items {
					read = append(read, it.ID)
				}
				slices.Sort(onChain)
				slices.Sort(read)
				if onChain = slices.Compact(onChain); !reflect.DeepEqual(read, onChain) {
					t.Errorf("path %s to %s of %d chains or more read the items %v, want those of its first chain %v", a, b, len(all.Chains), read, onChain)
				}
				checked++
			}
			if checked < 10 || owes == 0 {
				t.Fatalf("checked %d paths with several chains, %d steps through an obligation; the test wants more", checked, owes)
			}
			t.Logf("%d paths with several chains, %d steps through an obligation", checked, owes)
		})
	}
}
