package pgstore

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestViewConnectionsShareSnapshot checks that every connection of a View reads the
// snapshot of its first, also one it opens after a write while the first is busy, and that
// a View on a Reader reads the Reader's snapshot, as does a Reader begun in a View's.
func TestViewConnectionsShareSnapshot(t *testing.T) {
	ctx := context.Background()
	addr := newStore(t)
	node := func(v string) {
		t.Helper()
		storetest.ExecPostgres(t, addr, `INSERT INTO nodes (hash, refs, value_string, iri) VALUES ($1, 1, $2, true)`,
			csql.HashOf(quad.IRI(v)).SQLValue(), v)
	}
	node("a")
	node("b")
	db, rd := openReader(t, addr)
	has := func(v *View, iri string) bool {
		t.Helper()
		qs := v.QuadStore()
		ref, _ := qs.ValueOf(quad.IRI(iri)) // the value's hash: no read
		val, err := qs.NameOf(ref)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			t.Fatal(err)
		}
		return val != nil
	}

	own, err := db.View(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	// The first connection, busy with the rows it has not handed over yet.
	busy := own.QuadStore().NodesAllIterator().Iterate()
	if !busy.Next(ctx) {
		t.Fatalf("no node: %v", busy.Err())
	}
	node("c")
	if has(own, "c") {
		t.Errorf("a View's second connection sees a node written after its first connection began")
	}
	busy.Close()

	onReader, err := db.View(ctx, rd) // rd's first read was before c was written
	if err != nil {
		t.Fatal(err)
	}
	defer onReader.Close()
	if !has(onReader, "a") || has(onReader, "c") {
		t.Errorf("a View on a Reader does not see the nodes the Reader's first read saw, and those alone")
	}

	later, err := db.BeginIn(ctx, own.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	defer later.Close()
	var n int
	if err := later.tx.QueryRowContext(ctx, `SELECT count(*) FROM nodes`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("a Reader begun in a View's snapshot counts %d nodes, want the 2 the View sees", n)
	}
}
