package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// batchDeltas is the number of deltas from which a write commits what it has gathered so
// far, as one transaction of whole sources, and goes on with the next sources in another.
// A write of fewer deltas is one transaction. Within one bolt transaction every dirty page
// stays in memory until the commit and inserts get slower as it grows: one transaction of a
// 10,000-article corpus (4 million quads) took 6.6 GB and 1.5 times the time of cayley
// load, which commits every 10,000 quads. A variable so that tests can make batches small.
var batchDeltas = 20000

// written is a source a batch of a write has committed, with what it held before, so that
// the write can be undone if a later batch fails.
type written struct {
	id  string
	old []quad.Quad // nil when the write added the source
}

// batchWriter applies the deltas of a write in transactions of whole sources: every
// source's diff is in one transaction, so each source is always either all old or all new.
// If a batch fails after others committed, undo puts the committed sources back.
type batchWriter struct {
	s       *Store
	pending []cgraph.Delta
	sources []written // the sources of pending
	done    []written // the sources of the committed batches
	batches int
}

// add queues the diff of one source; old is what the source held before the write.
func (w *batchWriter) add(id string, old []quad.Quad, deltas []cgraph.Delta) {
	if len(deltas) == 0 {
		return
	}
	w.pending = append(w.pending, deltas...)
	w.sources = append(w.sources, written{id: id, old: old})
}

// full says whether the queued deltas are enough for a batch of their own.
func (w *batchWriter) full() bool { return len(w.pending) >= batchDeltas }

// flush commits the queued deltas in one transaction.
func (w *batchWriter) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	db := w.s.bolt
	var before []byte
	if db != nil {
		before = db.State()
	}
	if err := w.s.apply(w.pending); err != nil {
		return err
	}
	if db != nil {
		// Indexes left behind cost lookups and walks time, not answers (boltstore's
		// nameindex.go and linkindex.go).
		_ = db.UpdateIndexes(before, w.pending)
		db.Release()
	}
	w.batches++
	w.done = append(w.done, w.sources...)
	w.pending, w.sources = nil, nil
	return nil
}

// fail turns err, which stopped the write, into the error to return, which says what the
// store holds now: when batches were already committed it undoes them first, and when
// undoing fails too it names the sources left with their new facts.
func (w *batchWriter) fail(ctx context.Context, err error) error {
	if len(w.done) == 0 {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	restored, uerr := w.undo(context.WithoutCancel(ctx))
	if uerr == nil {
		return fmt.Errorf("%w; what it had written was undone: nothing was changed", err)
	}
	back := map[string]bool{}
	for _, id := range restored {
		back[id] = true
	}
	var left []string
	for _, d := range w.done {
		if !back[d.id] {
			left = append(left, d.id)
		}
	}
	return fmt.Errorf("%w; undoing what it had written failed too (%v): %d sources hold their new facts (%s), each whole, and every other source is as it was; run the same ingest again to finish it",
		err, uerr, len(left), quoteList(left))
}

// undo makes every committed source hold what it held before the write, in batches, and
// returns the ids of the sources it put back, also when it fails.
func (w *batchWriter) undo(ctx context.Context) ([]string, error) {
	back := &batchWriter{s: w.s}
	restored := func() []string {
		ids := make([]string, len(back.done))
		for i, d := range back.done {
			ids[i] = d.id
		}
		return ids
	}
	for _, d := range w.done {
		_, deltas, _, err := w.s.diffSource(ctx, d.id, d.old)
		if err != nil {
			return restored(), err
		}
		back.add(d.id, nil, deltas)
		if back.full() {
			if err := back.flush(); err != nil {
				return restored(), err
			}
		}
	}
	err := back.flush()
	return restored(), err
}

func quoteList(ids []string) string {
	sort.Strings(ids)
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}
