package boltstore

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"path/filepath"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// TestFailedLoadWaitsForLogWrite checks that a load that stops while a log write runs
// beside it returns only once that write has ended: the store is emptied again next, and
// a write landing after that would leave entries behind.
func TestFailedLoadWaitsForLogWrite(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "b.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l := &bulkLoader{ctx: ctx, db: db, seed: maphash.MakeSeed(), byKey: map[uint64]int32{},
		byKeyMore: map[string]int32{}, byHash: map[refs.ValueHash]int32{}}
	// Enough quads for one log transaction, so that its write starts after the first source.
	big := make([]quad.Quad, bulkTxPuts/2)
	for i := range big {
		big[i] = quad.MakeIRI(fmt.Sprintf("s%d", i), "p", "o", "")
	}
	sources := []Source{
		{ID: "a", Quads: func() []quad.Quad { return big }},
		{ID: "b", Quads: func() []quad.Quad { cancel(); return nil }},
		{ID: "c", Quads: func() []quad.Quad { return nil }},
	}
	if _, err := l.load(ctx, sources); !errors.Is(err, context.Canceled) {
		t.Fatalf("load: %v, want it cancelled", err)
	}
	if l.logWrite != nil {
		t.Fatal("load returned while its log write was under way")
	}
	var n int
	if err := db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(logBucketName); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := len(big) + 2 + len(big); n != want {
		t.Errorf("the log holds %d entries, want %d: the write before the stop, whole", n, want)
	}
}
