// Package storetest runs store tests against every backend factgraph supports: an
// in-memory store, a bolt file and, when a server is available, PostgreSQL.
//
// PostgreSQL runs when FACTGRAPH_TEST_POSTGRES holds the URL of a database whose user may
// create databases (scripts/ci-postgres.sh starts such a server and sets it). Each test gets
// a database of its own, dropped when the test ends, so test runs can share one server.
// When CI is set, a missing FACTGRAPH_TEST_POSTGRES or an unreachable server fails the test
// instead of skipping PostgreSQL.
package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/lib/pq" // the driver Cayley's PostgreSQL backend uses too
)

// EnvPostgres names the variable holding the PostgreSQL test server's URL.
const EnvPostgres = "FACTGRAPH_TEST_POSTGRES"

// Backend is one kind of store to run a test against.
type Backend struct {
	Name string
	// Addr returns a fresh, empty store address for t, cleaned up when t ends. Opening the
	// same address again reaches the same store, except for "mem:", which is new each time.
	Addr func(t *testing.T) string
}

// Backends lists the backends to test here: mem and bolt always, PostgreSQL when
// FACTGRAPH_TEST_POSTGRES is set. With CI set and no PostgreSQL, it fails t.
func Backends(t *testing.T) []Backend {
	t.Helper()
	bs := []Backend{
		{Name: "mem", Addr: func(*testing.T) string { return "mem:" }},
		{Name: "bolt", Addr: func(t *testing.T) string { return filepath.Join(t.TempDir(), "factgraph.db") }},
	}
	base := os.Getenv(EnvPostgres)
	switch {
	case base != "":
		bs = append(bs, Backend{Name: "postgres", Addr: func(t *testing.T) string { return FreshPostgres(t, base) }})
	case os.Getenv("CI") != "":
		t.Errorf("%s is not set, and CI is: PostgreSQL store tests cannot run; source scripts/ci-postgres.sh first", EnvPostgres)
	default:
		t.Logf("%s is not set: skipping the PostgreSQL backend (source scripts/ci-postgres.sh to run it)", EnvPostgres)
	}
	return bs
}

// PostgresBase returns the URL of the PostgreSQL test server (FACTGRAPH_TEST_POSTGRES);
// without one it skips t, or fails it when CI is set.
func PostgresBase(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set, and CI is: source scripts/ci-postgres.sh first", EnvPostgres)
		}
		t.Skipf("%s is not set", EnvPostgres)
	}
	return base
}

// ForEachBackend runs fn as a subtest per backend, with a fresh, empty store address.
func ForEachBackend(t *testing.T, fn func(t *testing.T, addr string)) {
	t.Helper()
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) { fn(t, b.Addr(t)) })
	}
}

// FreshPostgres creates an empty database on the server of base and returns its URL; the
// database is dropped when t ends, even if a connection to it is still open.
func FreshPostgres(t testing.TB, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatalf("connect to %s: %v", EnvPostgres, err)
	}
	t.Cleanup(func() { admin.Close() })
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := "factgraph_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database on the %s server (its user needs CREATEDB): %v", EnvPostgres, err)
	}
	t.Cleanup(func() {
		// FORCE ends the connections left open, but not an autovacuum worker's (the
		// server wants pg_signal_backend for that), which a test's writes may have
		// started: it ends in a moment, so try again a few times.
		var err error
		for try := 0; try < 20; try++ {
			if _, err = admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name)); err == nil {
				return
			}
			time.Sleep(250 * time.Millisecond)
		}
		t.Errorf("drop test database %q: %v", name, err)
	})
	u.Path = "/" + name
	return u.String()
}
