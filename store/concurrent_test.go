package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestConcurrentWritersOnPostgres has four writers, each with a store of its own, ingest
// different sources that share parties into one new PostgreSQL database at the same time:
// all succeed (creating the tables once), and the store equals one written in sequence.
func TestConcurrentWritersOnPostgres(t *testing.T) {
	base := storetest.PostgresBase(t)
	for round := range 3 {
		t.Run(fmt.Sprint("round ", round), func(t *testing.T) {
			addr := storetest.FreshPostgres(t, base)
			all := writeAtOnce(t, addr)
			if got, want := nquadsOf(t, openStore(t, addr), ""), nquadsOf(t, storeWith(t, all...), ""); got != want {
				t.Error("the store written by concurrent writers differs from one written in sequence")
			}
		})
	}
}

// TestReadersDuringWritesOnPostgres reads a source again and again while a writer with a
// store of its own re-ingests it, two versions in turn: every read sees the source whole in
// one version or the other, its quads and a walk from a party it shares with another
// source alike, never a mix of the two; and the reads of one snapshot (Snapshot) all see
// the same version.
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
	version := map[string]string{}
	for name, f := range map[string]*graph.Facts{"old": v1, "new": v2} {
		version[nquadsOf(t, storeWith(t, f), f.Source.ID)] = name
	}
	duty := map[string]string{"do something": "old", "do something else": "new"}

	// walked is the version of the source's duty of japan that a walk from japan finds.
	walked := func(s *Store) string {
		t.Helper()
		g, err := s.LoadAround(ctx, []string{"japan"}, AroundOptions{Depth: 1, Follow: []string{"bearer"}, Names: true})
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		for _, o := range g.Obligations {
			if strings.HasPrefix(o.ID, "a1-") {
				found = append(found, o.Duty)
			}
		}
		if len(found) != 1 || duty[found[0]] == "" {
			t.Fatalf("a walk from japan during the writes found the source's duties %q; want one, of one version", found)
		}
		return duty[found[0]]
	}

	// The writer rewrites the source 15 times each way, and on until the reader has read
	// it five times meanwhile: on a busy machine the reader may get few turns.
	var readsDone atomic.Int64
	done := make(chan error, 1)
	go func() {
		for i := 0; i < 15 || readsDone.Load() < 5; i++ {
			if i == 1000 {
				done <- fmt.Errorf("the reader read %d times during 2,000 writes", readsDone.Load())
				return
			}
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
		got := nquadsOf(t, r, v1.Source.ID)
		if version[got] == "" {
			t.Fatalf("read %d of the source during the writes is neither version:\n%s", reads, got)
		}
		walked(r)
		snap, err := r.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		first := version[nquadsOf(t, snap, v1.Source.ID)]
		if w := walked(snap); w != first {
			t.Fatalf("snapshot %d read the source's quads %s and then its duty %s", reads, first, w)
		}
		if again := version[nquadsOf(t, snap, v1.Source.ID)]; again != first {
			t.Fatalf("snapshot %d read the source %s and then %s", reads, first, again)
		}
		if err := snap.Close(); err != nil {
			t.Fatal(err)
		}
		readsDone.Add(1)
	}
	if reads < 5 {
		t.Errorf("only %d reads during the writes", reads)
	}
	// A snapshot is for reading, even of a store opened to write, and closing it leaves
	// the store open.
	snap, err := w.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := snap.Ingest(ctx, []*graph.Facts{v2}); err == nil || !strings.Contains(err.Error(), "for reading") {
		t.Errorf("a write to a snapshot: %v, want a refusal", err)
	}
	snap.Close()
	// A snapshot of a snapshot shares its reads, and closing it leaves the first open.
	outer, err := r.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	inner, err := outer.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if version[nquadsOf(t, inner, v1.Source.ID)] == "" {
		t.Error("a snapshot of a snapshot reads neither version")
	}
	inner.Close()
	if version[nquadsOf(t, outer, v1.Source.ID)] == "" {
		t.Error("a snapshot reads neither version after a snapshot of it was closed")
	}
	outer.Close()
	ingest(t, w, v2)
	if got := nquadsOf(t, r, v1.Source.ID); version[got] != "new" {
		t.Errorf("after a closed snapshot and a write the store reads %q, want the new version", version[got])
	}
}

// writeAtOnce has four writers, each with a store of its own, ingest two synthetic
// articles each into the store at addr at the same time, and returns the facts of all
// eight.
func writeAtOnce(t *testing.T, addr string) []*graph.Facts {
	t.Helper()
	ctx := context.Background()
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
	return all
}
