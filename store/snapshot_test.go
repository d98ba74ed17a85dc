package store

import (
	"context"
	"database/sql"
	"io"
	"testing"
	"time"

	"github.com/factgraph/factgraph/store/storetest"
)

// TestSnapshotConnectsWhenItReads opens a PostgreSQL store read-only and takes a snapshot
// of it: the snapshot begins its transaction at its first targeted read, not before, so a
// command that only reads the whole store (a transaction of its own) logs in once, as one
// that only runs Gizmo does (pgstore.TestReadOnlyConnections).
func TestSnapshotConnectsWhenItReads(t *testing.T) {
	ctx := context.Background()
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	w := openStore(t, addr)
	ingest(t, w, treatyFacts())
	w.Close()
	admin, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	// conns counts the server's connections to the database but admin's, once those of
	// closed stores are gone (the server ends them a moment later).
	conns := func(want int) int {
		t.Helper()
		var n int
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			err := admin.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			if n <= want || time.Now().After(deadline) {
				return n
			}
		}
	}
	conns(0)
	r, err := Open(ctx, addr, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap, err := r.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	if err := snap.WriteNQuads(ctx, io.Discard, ""); err != nil {
		t.Fatal(err)
	}
	if n := conns(1); n != 1 {
		t.Errorf("a snapshot that read the whole store holds %d connections, want 1", n)
	}
	if _, _, err := snap.Lookup(ctx, "japan"); err != nil {
		t.Fatal(err)
	}
	// The transaction begun by the look-up takes the connection the whole read gave back.
	if n := conns(1); n != 1 {
		t.Errorf("a snapshot that read the whole store and then looked an id up holds %d connections, want 1", n)
	}
}
