package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestConcurrentWritersOnPostgres has four writers, each with a store of its own, ingest
// different sources that share parties into one new PostgreSQL database at the same time:
// all succeed (creating the tables once), and the store equals one written in sequence.
func TestConcurrentWritersOnPostgres(t *testing.T) {
	base := storetest.PostgresBase(t)
	ctx := context.Background()
	for round := range 3 {
		t.Run(fmt.Sprint("round ", round), func(t *testing.T) {
			addr := storetest.FreshPostgres(t, base)
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for w := range 4 {
				wg.Go(func() {
					s, err := Open(ctx, addr, nil)
					if err != nil {
						errs[w] = err
						return
					}
					defer s.Close()
					_, errs[w] = s.Ingest(ctx, []*graph.Facts{syntheticFacts(2 * w), syntheticFacts(2*w + 1)})
				})
			}
			wg.Wait()
			for w, err := range errs {
				if err != nil {
					t.Errorf("writer %d: %v", w, err)
				}
			}
			var all []*graph.Facts
			for n := range 8 {
				all = append(all, syntheticFacts(n))
			}
			if got, want := nquadsOf(t, openStore(t, addr), ""), nquadsOf(t, storeWith(t, all...), ""); got != want {
				t.Error("the store written by concurrent writers differs from one written in sequence")
			}
		})
	}
}
