package store

import (
	"context"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestThroughPooler writes and reads a PostgreSQL store through a PgBouncer in session
// mode (docs/scaling.md, "Through a connection pooler"): the first write into a new
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
