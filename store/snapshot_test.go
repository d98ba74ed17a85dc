package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
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

// TestSnapshotGizmoSeesOneState checks that the Gizmo queries of a snapshot of a
// PostgreSQL store, which read through Cayley's connections, and its other reads see the
// store as it was at the snapshot's first read, whichever read came first: a write
// committed after it shows in a new snapshot only.
func TestSnapshotGizmoSeesOneState(t *testing.T) {
	ctx := context.Background()
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	duty := func(n int) *graph.Facts {
		id := fmt.Sprintf("s%d", n)
		return &graph.Facts{
			Source:      graph.Source{ID: id, Title: id, Published: graph.MustDate("2024-05-01")},
			Parties:     []graph.Party{{ID: "alpha", Name: "Alpha", Kind: "state"}, {ID: "beta", Name: "Beta", Kind: "state"}},
			Obligations: []graph.Obligation{{ID: fmt.Sprintf("o%d", n), Bearer: "alpha", Beneficiary: "beta", Duty: "pay", Status: "in-force"}},
		}
	}
	w := openStore(t, addr)
	ingest(t, w, duty(1))
	r, err := Open(ctx, addr, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	gizmo := func(s *Store) string {
		t.Helper()
		got, err := s.Gizmo(ctx, `g.V("<alpha>").In("<fg:bearer>").All()`, 0) // {"id": "<o1>"}
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(got))
		for i, v := range got {
			out[i] = fmt.Sprint(v.(map[string]any)["id"])
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	referrers := func(s *Store) string {
		t.Helper()
		got, err := s.Referrers(ctx, "alpha", "bearer")
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(got, " ")
	}
	snapshot := func() *Store {
		t.Helper()
		snap, err := r.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { snap.Close() })
		return snap
	}

	// Gizmo first: a Gizmo query after the write and the snapshot's look-up see the
	// store as the first query did.
	snap := snapshot()
	if got := gizmo(snap); got != "<o1>" {
		t.Fatalf("Gizmo = %q, want <o1>", got)
	}
	ingest(t, w, duty(2))
	if got := gizmo(snap); got != "<o1>" {
		t.Errorf("a snapshot's Gizmo query after a write = %q, want <o1> as its first query saw", got)
	}
	if got := referrers(snap); got != "o1" {
		t.Errorf("a snapshot's look-up after its Gizmo query and a write = %q, want o1", got)
	}

	// A look-up first: Gizmo sees what it saw.
	snap = snapshot()
	if got := referrers(snap); got != "o1 o2" {
		t.Fatalf("Referrers = %q, want o1 o2", got)
	}
	ingest(t, w, duty(3))
	if got := gizmo(snap); got != "<o1> <o2>" {
		t.Errorf("a snapshot's Gizmo query after its look-up and a write = %q, want <o1> <o2>", got)
	}
	if got := gizmo(snapshot()); got != "<o1> <o2> <o3>" {
		t.Errorf("a new snapshot's Gizmo query = %q, want <o1> <o2> <o3>", got)
	}
}
