package store

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// TestPostgresWithoutStore checks that reading a PostgreSQL database that holds no store,
// Gizmo included (Cayley's quad store does not look for its tables), says there is none
// and how to make one, not which table is missing.
func TestPostgresWithoutStore(t *testing.T) {
	ctx := context.Background()
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	s, err := Open(ctx, addr, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := "no store at"
	if _, err := s.Gizmo(ctx, `g.V().All()`, 10); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Gizmo: %v; want %q", err, want)
	}
	if _, err := s.Sources(ctx); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Sources: %v; want %q", err, want)
	}
}
