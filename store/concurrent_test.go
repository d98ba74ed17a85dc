package store

import (
	"context"
	"fmt"
	"strings"
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

// TestReadersDuringWritesOnPostgres reads a source again and again while a writer with a
// store of its own re-ingests it, two versions in turn: every read sees the source whole in
// one version or the other, its quads and a walk from a party it shares with another
// source alike, never a mix of the two.
func TestReadersDuringWritesOnPostgres(t *testing.T) {
	ctx := context.Background()
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	v1, v2 := syntheticFacts(1), syntheticFacts(1)
	for i := range v2.Obligations {
		v2.Obligations[i].Duty = "do something else"
	}
	v2.Claims = v2.Claims[:2] // two claims dropped, and the counterclaim's target with them
	v2.Counterclaims[0].Counters = v2.Counterclaims[0].Counters[:1]
	w := openStore(t, addr)
	ingest(t, w, syntheticFacts(0), v1)
	want := map[string]string{}
	for name, f := range map[string]*graph.Facts{"old": v1, "new": v2} {
		want[nquadsOf(t, storeWith(t, f), f.Source.ID)] = name
	}

	// duties are the duties of the source's obligations that a walk from japan finds, in
	// a version's words: all of one version's, or a mix.
	duties := func(g *graph.Graph) (string, int) {
		seen, n := map[string]bool{}, 0
		for _, o := range g.Obligations {
			if strings.HasPrefix(o.ID, "a1-") {
				seen[o.Duty], n = true, n+1
			}
		}
		if len(seen) != 1 {
			return fmt.Sprint(seen), n
		}
		for d := range seen {
			return d, n
		}
		return "", n
	}

	done := make(chan error, 1)
	go func() {
		for range 15 {
			for _, f := range []*graph.Facts{v2, v1} {
				if _, err := w.Ingest(ctx, []*graph.Facts{f}); err != nil {
					done <- err
					return
				}
			}
		}
		done <- nil
	}()
	r, err := Open(ctx, addr, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	reads := 0
	for writing := true; writing; reads++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("writer: %v", err)
			}
			writing = false
		default:
		}
		if got := nquadsOf(t, r, v1.Source.ID); want[got] == "" {
			t.Fatalf("read %d of the source during the writes is neither version:\n%s", reads, got)
		}
		g, err := r.LoadAround(ctx, []string{"japan"}, AroundOptions{Depth: 1, Follow: []string{"bearer"}, Names: true})
		if err != nil {
			t.Fatal(err)
		}
		if d, n := duties(g); (d != "do something" && d != "do something else") || n != 1 {
			t.Fatalf("walk %d during the writes found %d of the source's duties of japan, in words %s; want 1, of one version", reads, n, d)
		}
	}
	if reads < 5 {
		t.Errorf("only %d reads during the writes", reads)
	}
}
