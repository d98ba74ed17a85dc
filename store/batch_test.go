package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// smallBatches makes every write commit a batch as soon as it holds n deltas.
func smallBatches(t *testing.T, n int) {
	t.Helper()
	old := batchDeltas
	batchDeltas = n
	t.Cleanup(func() { batchDeltas = old })
}

// batchFacts is a write of five sources that, with batches of one delta, is five batches
// (sources are written in id order): article-0, article-1 and article-2 added, the treaty
// and nato-spending replaced.
func batchFacts() []*graph.Facts {
	treaty := treatyFacts()
	treaty.Parties[1].Name = "Nippon"
	nato := natoFacts()
	nato.Source.Title = "A new title"
	return []*graph.Facts{syntheticFacts(0), syntheticFacts(1), treaty, syntheticFacts(2), nato}
}

// labelsOf returns the source labels of a delta set, in order of first appearance.
func labelsOf(deltas []cgraph.Delta) []string {
	var out []string
	seen := make(map[quad.Value]bool)
	for _, d := range deltas {
		if !seen[d.Quad.Label] {
			seen[d.Quad.Label] = true
			out = append(out, quad.StringOf(d.Quad.Label))
		}
	}
	return out
}

func TestLargeIngestCommitsWholeSources(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())
		smallBatches(t, 1)
		var batches [][]string
		apply := s.apply
		s.apply = func(d []cgraph.Delta) error {
			batches = append(batches, labelsOf(d))
			return apply(d)
		}
		rep := ingest(t, s, batchFacts()...)
		if len(batches) != 5 {
			t.Errorf("write of 5 changed sources in batches of 1 delta made %d batches %v, want 5", len(batches), batches)
		}
		seen := make(map[string]bool)
		for _, b := range batches {
			for _, l := range b {
				if seen[l] {
					t.Errorf("source %s is split over several batches: %v", l, batches)
				}
				seen[l] = true
			}
		}
		want := storeWith(t, batchFacts()...)
		if got, want := nquadsOf(t, s, ""), nquadsOf(t, want, ""); got != want {
			t.Errorf("store after a batched ingest differs from one ingest in one transaction:\n%s\nwant\n%s", got, want)
		}
		changes := make([]string, len(rep.Sources))
		for i, c := range rep.Sources {
			changes[i] = c.ID + " " + c.Change
		}
		if got, want := strings.Join(changes, ", "), "article-0 added, article-1 added, article-2 added, japan-us-security-treaty-article replaced, nato-spending replaced"; got != want {
			t.Errorf("report = %s, want %s", got, want)
		}
	})
}

func TestFailedBatchedIngestChangesNothing(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())
		before := nquadsOf(t, s, "")
		smallBatches(t, 1)
		// A delta the backend must refuse, so that the failing batch is rolled back by the
		// backend itself, as a real failure would be.
		refused := cgraph.Delta{Action: cgraph.Delete,
			Quad: quad.Make(quad.IRI("nothing"), model.Name, "nothing", model.SourceIRI("nothing"))}

		for _, tc := range []struct {
			name    string
			fail    func(call int) bool // whether apply call number call (from 1) fails
			wantErr string
		}{
			{"second batch fails", func(c int) bool { return c == 2 }, "nothing was changed"},
			{"fourth batch fails", func(c int) bool { return c == 4 }, "nothing was changed"},
			{"last batch fails", func(c int) bool { return c == 5 }, "nothing was changed"},
			{"first batch fails", func(c int) bool { return c == 1 }, "nothing was changed"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				apply := s.apply
				t.Cleanup(func() { s.apply = apply })
				calls := 0
				s.apply = func(d []cgraph.Delta) error {
					calls++
					if tc.fail(calls) {
						return apply(append(d, refused))
					}
					return apply(d)
				}
				_, err := s.Ingest(context.Background(), batchFacts())
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("err = %v, want a write error saying %q", err, tc.wantErr)
				}
				s.apply = apply
				if after := nquadsOf(t, s, ""); after != before {
					t.Errorf("failed batched ingest changed the store:\n%s\nwant\n%s", after, before)
				}
				// The store still works: the same write succeeds, and undoing it by hand
				// gives the store back.
				ingest(t, s, batchFacts()...)
				if _, err := s.Remove(context.Background(), "article-0", "article-1", "article-2"); err != nil {
					t.Fatal(err)
				}
				ingest(t, s, treatyFacts(), natoFacts())
				if after := nquadsOf(t, s, ""); after != before {
					t.Errorf("store differs after a failed write and good ones that undo each other")
				}
			})
		}

		t.Run("cancelled between batches", func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			apply := s.apply
			t.Cleanup(func() { s.apply = apply })
			calls := 0
			s.apply = func(d []cgraph.Delta) error {
				if calls++; calls == 2 {
					cancel()
				}
				return apply(d)
			}
			if _, err := s.Ingest(ctx, batchFacts()); !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
			if calls < 3 {
				t.Errorf("only %d batches were written, want the 2 before the cancel and their undo", calls)
			}
			if after := nquadsOf(t, s, ""); after != before {
				t.Errorf("cancelled batched ingest changed the store:\n%s", after)
			}
		})

		t.Run("undo fails part way", func(t *testing.T) {
			apply := s.apply
			t.Cleanup(func() { s.apply = apply })
			calls := 0
			// Batches 1 and 2 write article-0 and article-1, batch 3 fails; undoing puts
			// article-0 back (call 4) and fails on article-1 (call 5).
			s.apply = func(d []cgraph.Delta) error {
				if calls++; calls == 3 || calls >= 5 {
					return apply(append(d, refused))
				}
				return apply(d)
			}
			_, err := s.Ingest(context.Background(), batchFacts())
			if err == nil || !strings.Contains(err.Error(), `1 sources hold their new facts ("article-1")`) {
				t.Fatalf("err = %v, want one naming article-1 alone as left new", err)
			}
			s.apply = apply
			srcs, err := s.Sources(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range srcs {
				if src.Source.ID == "article-0" {
					t.Error("article-0, which the write added and undoing took out again, is in the store")
				}
			}
			if got, want := nquadsOf(t, s, "article-1"), nquadsOf(t, storeWith(t, syntheticFacts(1)), "article-1"); got != want {
				t.Errorf("article-1, said to hold its new facts, holds:\n%s\nwant\n%s", got, want)
			}
			if _, err := s.Remove(context.Background(), "article-1"); err != nil {
				t.Fatal(err)
			}
		})

		t.Run("undo fails too", func(t *testing.T) {
			apply := s.apply
			t.Cleanup(func() { s.apply = apply })
			calls := 0
			s.apply = func(d []cgraph.Delta) error {
				if calls++; calls >= 3 {
					return apply(append(d, refused))
				}
				return apply(d)
			}
			_, err := s.Ingest(context.Background(), batchFacts())
			if err == nil || !strings.Contains(err.Error(), `failed too`) ||
				!strings.Contains(err.Error(), `2 sources hold their new facts ("article-0", "article-1")`) || strings.Contains(err.Error(), "nothing was changed") {
				t.Fatalf("err = %v, want one naming the 2 sources written and not undone", err)
			}
			s.apply = apply
			// Each source is all old or all new: the two written are new, the rest old.
			for _, f := range []*graph.Facts{syntheticFacts(0), syntheticFacts(1), treatyFacts(), natoFacts()} {
				if got, want := nquadsOf(t, s, f.Source.ID), nquadsOf(t, storeWith(t, f), f.Source.ID); got != want {
					t.Errorf("source %s is neither all old nor all new:\n%s\nwant\n%s", f.Source.ID, got, want)
				}
			}
			// Running the same write again finishes it.
			ingest(t, s, batchFacts()...)
			if got, want := nquadsOf(t, s, ""), nquadsOf(t, storeWith(t, batchFacts()...), ""); got != want {
				t.Errorf("running the write again did not finish it:\n%s\nwant\n%s", got, want)
			}
		})
	})
}
