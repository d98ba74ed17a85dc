package boltstore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"path/filepath"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"google.golang.org/protobuf/encoding/protowire"
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
	// Sources are encoded ahead of the load: b stops it once the log write of a has
	// committed, before the load waited for that write.
	logged := func() bool {
		n := 0
		db.View(func(tx *bolt.Tx) error {
			if b := tx.Bucket(logBucketName); b != nil {
				n = b.Stats().KeyN
			}
			return nil
		})
		return n > 0
	}
	sources := []Source{
		{ID: "a", Quads: func() []quad.Quad { return big }},
		{ID: "b", Quads: func() []quad.Quad {
			for deadline := time.Now().Add(time.Minute); !logged() && time.Now().Before(deadline); {
				time.Sleep(time.Millisecond)
			}
			cancel()
			return nil
		}},
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

// TestBulkLogWritesReuseBuffers loads sources that each fill a log transaction, so that
// each write of the log reuses the buffer of the write before, and checks every entry:
// its key is the id its Primitive holds, as a buffer overwritten too early would not keep.
func TestBulkLogWritesReuseBuffers(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "b.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	l := &bulkLoader{ctx: ctx, db: db, seed: maphash.MakeSeed(), byKey: map[uint64]int32{},
		byKeyMore: map[string]int32{}, byHash: map[refs.ValueHash]int32{}}
	var sources []Source
	for s := range 4 {
		quads := make([]quad.Quad, bulkTxPuts/2)
		for i := range quads {
			quads[i] = quad.MakeIRI(fmt.Sprintf("s%d-%d", s, i), "p", "o", "")
		}
		sources = append(sources, Source{ID: fmt.Sprint(s), Quads: func() []quad.Quad { return quads }})
	}
	if _, err := l.load(ctx, sources); err != nil {
		t.Fatal(err)
	}
	n := 0
	err = db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(logBucketName).ForEach(func(k, v []byte) error {
			n++
			num, typ, size := protowire.ConsumeTag(v)
			id, m := protowire.ConsumeVarint(v[max(size, 0):])
			if num != primID || typ != protowire.VarintType || size < 0 || m < 0 || id != binary.BigEndian.Uint64(k) {
				return fmt.Errorf("log entry %x holds %x, not its own id first", k, v)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := 4*bulkTxPuts + 2; n != want {
		t.Errorf("the log holds %d entries, want %d", n, want)
	}
}
