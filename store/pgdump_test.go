package store

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/internal/programtest"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestPostgresDumpAndRestore backs a store up as docs/postgres-server.md ("Backing up") shows,
// with pg_dump's custom format, and restores it into a new database with pg_restore: the
// restored store has the same rows, indexes, keys, triggers and state (so its name and
// link indexes are fresh), gives the same N-Quads, and takes writes.
func TestPostgresDumpAndRestore(t *testing.T) {
	dump, restore := programtest.Need(t, "pg_dump"), programtest.Need(t, "pg_restore")
	s, addr := newPostgres(t)
	ingest(t, s, bulkCorpus()...)
	ingest(t, s, syntheticFacts(20)) // a write after the bulk load
	file := filepath.Join(t.TempDir(), "store.dump")
	if out, err := exec.Command(dump, "--format=custom", "--file="+file, "--dbname="+addr).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	restored := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	if out, err := exec.Command(restore, "--exit-on-error", "--dbname="+restored, file).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	if got, want := pgTables(t, restored), pgTables(t, addr); got != want {
		t.Errorf("the restored tables differ from the store's:\n%s", lineDiff(got, want))
	}
	r := openStore(t, restored)
	if got, want := nquadsOf(t, r, ""), nquadsOf(t, s, ""); got != want {
		t.Errorf("the restored store's N-Quads differ:\n%s", lineDiff(got, want))
	}
	more := syntheticFacts(21)
	ingest(t, r, more)
	ingest(t, s, more)
	if got, want := nquadsOf(t, r, ""), nquadsOf(t, s, ""); got != want {
		t.Errorf("after the same write, the restored store's N-Quads differ:\n%s", lineDiff(got, want))
	}
}
