package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/boltstore"
	"github.com/factgraph/factgraph/store/model"
	"github.com/factgraph/factgraph/store/pgstore"
)

// noBulk makes writes into new bolt stores go through Cayley's ApplyDeltas until the test
// ends.
func noBulk(t *testing.T) {
	t.Helper()
	old, oldPG := boltstore.BulkLoading, pgstore.BulkLoading
	boltstore.BulkLoading, pgstore.BulkLoading = false, false
	t.Cleanup(func() { boltstore.BulkLoading, pgstore.BulkLoading = old, oldPG })
}

// ingestDeltas writes facts into s through Cayley's ApplyDeltas.
func ingestDeltas(t *testing.T, s *Store, facts ...*graph.Facts) *IngestReport {
	t.Helper()
	old, oldPG := boltstore.BulkLoading, pgstore.BulkLoading
	boltstore.BulkLoading, pgstore.BulkLoading = false, false
	defer func() { boltstore.BulkLoading, pgstore.BulkLoading = old, oldPG }()
	return ingest(t, s, facts...)
}

// layout describes the store's layout (boltstore.DB.Layout).
func layout(t *testing.T, s *Store) string {
	t.Helper()
	l, err := s.bolt.Layout()
	if err != nil {
		t.Fatalf("read layout: %v", err)
	}
	return l
}

// bulkCorpus is a write of several sources sharing parties.
func bulkCorpus() []*graph.Facts {
	out := []*graph.Facts{treatyFacts(), natoFacts()}
	for i := range 12 {
		out = append(out, syntheticFacts(i))
	}
	return out
}

// indexReads lists what Cayley's indexes give for every value in every direction.
func indexReads(t *testing.T, s *Store) string {
	t.Helper()
	ctx := context.Background()
	values := map[quad.Value]bool{}
	if err := s.allQuads(ctx, func(q quad.Quad) error {
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				values[v] = true
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for v := range values {
		ref, err := s.qs.ValueOf(v)
		if err != nil || ref == nil {
			t.Fatalf("ValueOf(%v) = %v, %v", v, ref, err)
		}
		for _, d := range quad.Directions {
			it := s.qs.QuadIterator(d, ref).Iterate()
			for it.Next(ctx) {
				q, err := s.qs.Quad(it.Result())
				if err != nil {
					t.Fatal(err)
				}
				lines = append(lines, fmt.Sprintf("%s %s: %s", d, v, model.QuadKey(q)))
			}
			if err := it.Err(); err != nil {
				t.Fatal(err)
			}
			it.Close()
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func newBolt(t *testing.T) *Store {
	t.Helper()
	return openStore(t, filepath.Join(t.TempDir(), "store.db"))
}

// TestBulkLoadMatchesDeltas checks that a first write laid out in bulk is the store Cayley's
// own writes make, and that Cayley's writes go on from it as from their own.
func TestBulkLoadMatchesDeltas(t *testing.T) {
	bulk, deltas := newBolt(t), newBolt(t)
	want := fmt.Sprintf("%+v", ingestDeltas(t, deltas, bulkCorpus()...).Sources)
	writes := recordDeltas(bulk)
	rep := ingest(t, bulk, bulkCorpus()...)
	if len(*writes) != 0 {
		t.Errorf("first write into a new store applied deltas %v, want a bulk load", *writes)
	}
	if got := fmt.Sprintf("%+v", rep.Sources); got != want {
		t.Errorf("bulk report:\n%s\nwant (the report of a write through deltas):\n%s", got, want)
	}
	compare := func(t *testing.T) {
		t.Helper()
		if got, want := layout(t, bulk), layout(t, deltas); got != want {
			t.Errorf("layout differs from the store written through deltas:\n%s", lineDiff(got, want))
		}
		if got, want := indexReads(t, bulk), indexReads(t, deltas); got != want {
			t.Errorf("index reads differ:\n%s", lineDiff(got, want))
		}
		if got, want := nquadsOf(t, bulk, ""), nquadsOf(t, deltas, ""); got != want {
			t.Errorf("N-Quads differ:\n%s", lineDiff(got, want))
		}
		sameStats(t, bulk, deltas)
	}
	compareAfterLaterWrites(t, compare, bulk, deltas)
}

// lineDiff lists the lines only one of two texts has.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var out []string
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("... and %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}

// stopAfter is a context whose Err turns to context.Canceled after n calls.
type stopAfter struct {
	context.Context
	n *int
}

func (c stopAfter) Err() error {
	if *c.n <= 0 {
		return context.Canceled
	}
	*c.n--
	return nil
}

// TestFailedBulkLoadLeavesEmptyStore stops bulk loads at every point they look at their
// context, and checks that each leaves a store as empty as a new one, which a later write
// fills as if nothing had happened.
func TestFailedBulkLoadLeavesEmptyStore(t *testing.T) {
	fresh := layout(t, newBolt(t))
	full := newBolt(t)
	ingest(t, full, bulkCorpus()...)
	want := layout(t, full)
	stops := 0
	for n := 0; ; n++ {
		s := newBolt(t)
		left := n
		_, err := s.Ingest(stopAfter{context.Background(), &left}, bulkCorpus())
		if err == nil {
			if stops < len(bulkCorpus()) {
				t.Fatalf("the load looked at its context %d times, want at least once per source", stops)
			}
			if got := layout(t, s); got != want {
				t.Errorf("load stopped after %d checks:\n%s", n, lineDiff(got, want))
			}
			return
		}
		stops++
		if !strings.Contains(err.Error(), "nothing was changed") || !strings.Contains(err.Error(), "canceled") {
			t.Errorf("stopped after %d checks: error %q, want it to say it was cancelled and nothing was changed", n, err)
		}
		if got := layout(t, s); got != fresh {
			t.Fatalf("stopped after %d checks, the store is not empty again:\n%s", n, lineDiff(got, fresh))
		}
		ingest(t, s, bulkCorpus()...)
		if got := layout(t, s); got != want {
			t.Fatalf("write after a load stopped after %d checks:\n%s", n, lineDiff(got, want))
		}
	}
}

// TestInterruptedBulkLoad checks stores left with their loading mark. One that holds
// facts (a load cut short after it wrote some, or a store read through an older header
// after damage: the two look alike) is refused by every open and left as it is: starting it
// over would lose what it holds. One whose load was stopped before it wrote anything is
// refused by read-only opens and emptied by a writable one.
func TestInterruptedBulkLoad(t *testing.T) {
	ctx := context.Background()
	t.Run("holding facts", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "store.db")
		s, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Ingest(ctx, bulkCorpus()); err != nil {
			t.Fatal(err)
		}
		if err := s.bolt.MarkLoading(); err != nil {
			t.Fatal(err)
		}
		s.Close()
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, opts := range []*OpenOptions{{ReadOnly: true}, nil} {
			_, err := Open(ctx, path, opts)
			if err == nil || !strings.Contains(err.Error(), "did not finish, yet it holds facts") || !errors.Is(err, boltstore.ErrDamaged) {
				t.Errorf("open (%+v) of a marked store that holds facts: %v, want a refusal", opts, err)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Error("a refused open changed the file")
		}
	})
	t.Run("before writing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "store.db")
		db, err := boltstore.Open(path, boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := db.Layout()
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkLoading(); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if _, err := Open(ctx, path, &OpenOptions{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "did not finish") {
			t.Errorf("read-only open of an interrupted store: %v, want an error saying its first ingest did not finish", err)
		}
		s, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatalf("writable open of an interrupted store: %v", err)
		}
		defer s.Close()
		if got := layout(t, s); got != fresh {
			t.Errorf("interrupted store after a writable open:\n%s", lineDiff(got, fresh))
		}
		ingest(t, s, bulkCorpus()...)
		if srcs, err := s.Sources(ctx); err != nil || len(srcs) != len(bulkCorpus()) {
			t.Errorf("Sources after writing the interrupted store again: %d sources, %v", len(srcs), err)
		}
	})
}

// TestBulkLoadOnlyIntoNewStores checks that a store that was ever written, even if it is
// empty again, is written through deltas.
func TestBulkLoadOnlyIntoNewStores(t *testing.T) {
	s := newBolt(t)
	ingest(t, s, natoFacts())
	if _, err := s.Remove(context.Background(), "nato-spending"); err != nil {
		t.Fatal(err)
	}
	writes := recordDeltas(s)
	ingest(t, s, treatyFacts())
	if len(*writes) != 1 {
		t.Errorf("write into an emptied store applied %v, want one write of deltas", *writes)
	}
}

// sameStats checks that Cayley counts the same in the bulk-loaded store as in the one written
// through deltas, and that it counts some quads.
func sameStats(t *testing.T, bulk, deltas *Store) {
	t.Helper()
	gst, err1 := bulk.qs.Stats(context.Background(), true)
	wst, err2 := deltas.qs.Stats(context.Background(), true)
	if err1 != nil || err2 != nil || gst != wst || gst.Quads.Value == 0 {
		t.Errorf("Cayley's stats = %+v (%v), want %+v (%v)", gst, err1, wst, err2)
	}
}

// compareAfterLaterWrites runs compare on the two stores, then again after the same
// re-ingest, new source and removals in both: a bulk-loaded store takes later writes as one
// written through deltas does.
func compareAfterLaterWrites(t *testing.T, compare func(*testing.T), bulk, deltas *Store) {
	t.Helper()
	compare(t)
	if t.Failed() {
		return
	}
	t.Run("later writes", func(t *testing.T) {
		changed := syntheticFacts(3)
		changed.Parties[0].Name = "Nippon"
		changed.Obligations = changed.Obligations[:1]
		for _, s := range []*Store{bulk, deltas} {
			ingest(t, s, changed, syntheticFacts(40))
			if _, err := s.Remove(context.Background(), "nato-spending", "article-5"); err != nil {
				t.Fatal(err)
			}
		}
		compare(t)
	})
}
