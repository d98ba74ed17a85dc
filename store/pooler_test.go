package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestThroughPooler writes and reads a PostgreSQL store through a PgBouncer in session
// mode (docs/postgres-server.md, "Through a connection pooler"): the first write into a new
// database (copied in bulk on several connections), four writers at once, a source
// written again and one removed, and reads whose answers are those of the server itself.
func TestThroughPooler(t *testing.T) {
	base := storetest.PostgresBase(t)
	ctx := context.Background()
	direct := storetest.FreshPostgres(t, base)
	pooled := storetest.OnPooler(t, direct)

	first := []*graph.Facts{treatyFacts(), natoFacts()}
	for n := range 40 {
		first = append(first, syntheticFacts(100+n))
	}
	s := openStore(t, pooled)
	if _, err := s.Ingest(ctx, first); err != nil {
		t.Fatalf("the first write through the pooler: %v", err)
	}
	written := writeAtOnce(t, pooled)
	changed := treatyFacts()
	changed.Source.Title += " (revised)"
	ingest(t, s, changed)
	if _, err := s.Remove(ctx, natoFacts().Source.ID); err != nil {
		t.Fatalf("Remove through the pooler: %v", err)
	}

	all := append(append([]*graph.Facts{changed}, first[2:]...), written...)
	want := nquadsOf(t, storeWith(t, all...), "")
	if got := nquadsOf(t, openStore(t, direct), ""); got != want {
		t.Error("the store written through the pooler differs from one written in sequence")
	}
	r, err := Open(ctx, pooled, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open through the pooler: %v", err)
	}
	defer r.Close()
	if got := nquadsOf(t, r, ""); got != want {
		t.Error("the store read through the pooler differs from the store")
	}
	d := openStore(t, direct)
	wantInfo, _, err := d.Lookup(ctx, "japan")
	if err != nil {
		t.Fatal(err)
	}
	if info, ok, err := r.Lookup(ctx, "japan"); err != nil || !ok || info.Name != wantInfo.Name || len(info.Sources) != len(wantInfo.Sources) {
		t.Errorf("Lookup(japan) through the pooler = %+v, %v, %v; want %+v", info, ok, err, wantInfo)
	}
	wantIDs, err := d.NameMatches(ctx, "United States")
	if err != nil || len(wantIDs) == 0 {
		t.Fatalf("NameMatches(United States) = %v, %v; the test wants a match", wantIDs, err)
	}
	if ids, err := r.NameMatches(ctx, "United States"); err != nil || !slices.Equal(ids, wantIDs) {
		t.Errorf("NameMatches(United States) through the pooler = %v, %v; want %v", ids, err, wantIDs)
	}
}

// TestThroughTransactionPooler writes and reads a PostgreSQL store through a PgBouncer in
// transaction mode, which hands each transaction of a client to whichever server
// connection is free: four writers at once into a new database (one copies in bulk while
// the others wait for the schema lock), a source written again and one removed, then
// eight readers at once, each reading the store whole, looking a name up and asking Gizmo
// (Cayley's own queries, outside a transaction), then asking Gizmo and looking the name up
// in a snapshot (Cayley's queries in transactions that import one snapshot). A lock of a session taken in one
// transaction and given back in another stayed with a server connection that other
// clients then got, and the writers after it waited for ever.
func TestThroughTransactionPooler(t *testing.T) {
	base := storetest.PostgresBase(t)
	ctx := context.Background()
	direct := storetest.FreshPostgres(t, base)
	pooled := storetest.OnTxPooler(t, direct)

	done := make(chan []*graph.Facts, 1)
	go func() { done <- writeAtOnce(t, pooled) }()
	var written []*graph.Facts
	select {
	case written = <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("four writers through the pooler in transaction mode had not ended after three minutes: a writer waits for a lock nobody gives back")
	}
	s := openStore(t, pooled)
	changed := syntheticFacts(0)
	changed.Source.Title += " (revised)"
	ingest(t, s, changed)
	if _, err := s.Remove(ctx, syntheticFacts(1).Source.ID); err != nil {
		t.Fatalf("Remove through the pooler: %v", err)
	}
	want := nquadsOf(t, storeWith(t, append([]*graph.Facts{changed}, written[2:]...)...), "")
	if got := nquadsOf(t, openStore(t, direct), ""); got != want {
		t.Error("the store written through the pooler differs from one written in sequence")
	}

	d := openStore(t, direct)
	const gizmo = `g.V().Has("<fg:kind>", "party").All()`
	wantParties, err := d.Gizmo(ctx, gizmo, 0)
	if err != nil || len(wantParties) == 0 {
		t.Fatalf("Gizmo on the server = %v, %v; the test wants parties", wantParties, err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for r := range errs {
		wg.Go(func() {
			rs, err := Open(ctx, pooled, &OpenOptions{ReadOnly: true})
			if err != nil {
				errs[r] = err
				return
			}
			defer rs.Close()
			var b strings.Builder
			if err := rs.WriteNQuads(ctx, &b, ""); err != nil {
				errs[r] = err
				return
			}
			if b.String() != want {
				errs[r] = errors.New("read the store whole, it differs from the server's")
				return
			}
			if _, ok, err := rs.Lookup(ctx, changed.Parties[0].ID); err != nil || !ok {
				errs[r] = fmt.Errorf("Lookup(%s) = %v, %v", changed.Parties[0].ID, ok, err)
				return
			}
			got, err := rs.Gizmo(ctx, gizmo, 0)
			if err == nil && !reflect.DeepEqual(got, wantParties) {
				err = fmt.Errorf("Gizmo found %d parties, the server %d", len(got), len(wantParties))
			}
			if err != nil {
				errs[r] = err
				return
			}
			// A snapshot's Gizmo reads through connections that each import one snapshot,
			// and its look-up after them imports it too.
			snap, err := rs.Snapshot()
			if err != nil {
				errs[r] = err
				return
			}
			defer snap.Close()
			if got, err = snap.Gizmo(ctx, gizmo, 0); err == nil && !reflect.DeepEqual(got, wantParties) {
				err = fmt.Errorf("a snapshot's Gizmo found %d parties, the server %d", len(got), len(wantParties))
			}
			if err == nil {
				if _, ok, lerr := snap.Lookup(ctx, changed.Parties[0].ID); lerr != nil || !ok {
					err = fmt.Errorf("a snapshot's Lookup(%s) after Gizmo = %v, %v", changed.Parties[0].ID, ok, lerr)
				}
			}
			errs[r] = err
		})
	}
	wg.Wait()
	for r, err := range errs {
		if err != nil {
			t.Errorf("reader %d through the pooler: %v", r, err)
		}
	}
}
