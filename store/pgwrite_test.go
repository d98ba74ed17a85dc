package store

import (
	"context"
	"database/sql"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestPostgresWritesDropUnusedValues checks that the values a re-ingest and a removal
// stop naming leave the nodes table, and only those: after the writes, Cayley's tables
// and factgraph's hold the rows of a new store loaded with the sources as they are then
// (a value's node and its count of references included).
func TestPostgresWritesDropUnusedValues(t *testing.T) {
	written, writtenAddr := newPostgres(t)
	loaded, loadedAddr := newPostgres(t)
	changed := func() *graph.Facts {
		f := syntheticFacts(3)
		f.Parties[0].Name = "Nippon"
		f.Obligations = f.Obligations[:1]
		return f
	}
	ingest(t, written, bulkCorpus()...)
	ingest(t, written, changed(), syntheticFacts(40))
	if _, err := written.Remove(context.Background(), "nato-spending", "article-5"); err != nil {
		t.Fatal(err)
	}
	var now []*graph.Facts
	for _, f := range bulkCorpus() {
		switch f.Source.ID {
		case "nato-spending", "article-5":
			continue
		case "article-3":
			f = changed()
		}
		now = append(now, f)
	}
	ingest(t, loaded, append(now, syntheticFacts(40))...)
	if got, want := pgTables(t, writtenAddr), pgTables(t, loadedAddr); got != want {
		t.Errorf("tables after the writes differ from a store loaded with the sources as they are now:\n%s", lineDiff(got, want))
	}
	db, err := sql.Open("postgres", writtenAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var unused int
	if err := db.QueryRow(`SELECT count(*) FROM nodes WHERE refs <= 0`).Scan(&unused); err != nil {
		t.Fatal(err)
	}
	if unused != 0 {
		t.Errorf("%d nodes that no quad names are left after the writes", unused)
	}
}
