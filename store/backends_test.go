package store

import (
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// forEachBackend runs fn once per store backend (mem, bolt, and PostgreSQL when
// FACTGRAPH_TEST_POSTGRES is set; required when CI is set) with a fresh, empty store address
// for Open. See store/storetest.
func forEachBackend(t *testing.T, fn func(t *testing.T, addr string)) {
	t.Helper()
	storetest.ForEachBackend(t, fn)
}
