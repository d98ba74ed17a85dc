package serve_test

import (
	"bytes"
	"testing"

	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/serve"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/storetest"
)

// postgresFlagship ingests the flagship sample into a new PostgreSQL database (on the
// server of FACTGRAPH_TEST_POSTGRES: without one the test is skipped, or fails when CI is
// set), and returns it open for reading, as factgraph serve --store opens it.
func postgresFlagship(t testing.TB) *store.Store {
	t.Helper()
	return ingestedStore(t, storetest.FreshPostgres(t, storetest.PostgresBase(t)), fixture.FlagshipPath(t))
}

// Served from PostgreSQL, every answer is the one served from bolt, byte for byte, and a
// search reads through the store's name index rather than every name.
func TestAnswersOnPostgres(t *testing.T) {
	srvPG, pg := serveStore(t, postgresFlagship(t), serve.Options{})
	_, bolt := serveStore(t, flagshipStore(t), serve.Options{})
	for _, path := range []string{
		"/api/graph",
		"/api/graph?view=parties",
		"/api/graph?view=arguments",
		"/api/graph?focus=japan",
		"/api/graph?focus=japan&limit=3",
		"/api/graph?focus=japan&limit=3&page=1",
		"/api/graph?view=parties&focus=north-korea&depth=2",
		"/api/graph?focus=us-defend-japan",
		"/api/graph?focus=japan-us-security-treaty-1951&depth=3",
		"/api/item?id=us-defend-japan",
		"/api/item?id=trump-treaty-unfair",
		"/api/item?id=japan",
		"/api/item?id=no-such-item",
		"/api/search?q=jap",
		"/api/search?q=washing",
		"/api/search?q=us-defend-japan",
		"/api/search?q=donald",
		"/api/search?q=nothing-by-this-name",
		"/api/text?source=japan-us-security-treaty-article",
	} {
		wantStatus, want := get(t, bolt, path)
		status, got := get(t, pg, path)
		if status != wantStatus || !bytes.Equal(got, want) {
			t.Errorf("%s on PostgreSQL: %d\n%s\nwant, as on bolt: %d\n%s", path, status, got, wantStatus, want)
		}
	}
	if serve.SearchedWhole(srvPG) {
		t.Error("a search on PostgreSQL read every name of the store, not its name index")
	}
}
