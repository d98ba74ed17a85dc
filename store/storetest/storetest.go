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

	"github.com/factgraph/factgraph/internal/programtest"
	"github.com/lib/pq" // the driver Cayley's PostgreSQL backend uses too
)

// EnvPostgres names the variable holding the PostgreSQL test server's URL.
const EnvPostgres = "FACTGRAPH_TEST_POSTGRES"

// EnvReplica names the variable holding the URL of a streaming replica of the test
// server (scripts/ci-postgres.sh starts one).
const EnvReplica = "FACTGRAPH_TEST_POSTGRES_REPLICA"

// EnvPooler names the variable holding the URL of a PgBouncer in front of the test
// server (scripts/ci-postgres.sh starts one).
const EnvPooler = "FACTGRAPH_TEST_POSTGRES_POOLER"

// EnvTxPooler names the variable holding the URL of a PgBouncer in transaction mode in
// front of the test server (scripts/ci-postgres.sh starts one).
const EnvTxPooler = "FACTGRAPH_TEST_POSTGRES_TXPOOLER"

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

// OnReplica returns the URL of the database of primary (a database of the test server,
// as FreshPostgres makes) on the test server's replica (FACTGRAPH_TEST_POSTGRES_REPLICA),
// once the replica has replayed everything the primary had written; without a replica it
// skips t, or fails it when CI is set.
func OnReplica(t testing.TB, primary string) string {
	t.Helper()
	replica := fromEnv(t, EnvReplica)
	waitForReplay(t, primary, replica)
	return sameDatabase(t, primary, replica, EnvReplica)
}

// sameDatabase returns the URL of server (the value of the variable env) with the database
// of primary.
func sameDatabase(t testing.TB, primary, server, env string) string {
	t.Helper()
	pu, err := url.Parse(primary)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("%s: %v", env, err)
	}
	u.Path = pu.Path
	return u.String()
}

// OnPooler returns the URL of the database of primary (a database of the test server, as
// FreshPostgres makes) through the test server's connection pooler
// (FACTGRAPH_TEST_POSTGRES_POOLER); without one it skips t, or fails it when CI is set.
func OnPooler(t testing.TB, primary string) string {
	t.Helper()
	return sameDatabase(t, primary, fromEnv(t, EnvPooler), EnvPooler)
}

// OnTxPooler returns the URL of the database of primary through the test server's
// connection pooler in transaction mode (FACTGRAPH_TEST_POSTGRES_TXPOOLER); without one it
// skips t, or fails it when CI is set.
func OnTxPooler(t testing.TB, primary string) string {
	t.Helper()
	return sameDatabase(t, primary, fromEnv(t, EnvTxPooler), EnvTxPooler)
}

// waitForReplay waits until the replica has replayed everything the primary has written.
func waitForReplay(t testing.TB, primary, replica string) {
	t.Helper()
	p, err := sql.Open("postgres", primary)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var lsn string
	if err := p.QueryRow("SELECT pg_current_wal_lsn()::text").Scan(&lsn); err != nil {
		t.Fatal(err)
	}
	r, err := sql.Open("postgres", replica)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		var caught bool
		err := r.QueryRow("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", lsn).Scan(&caught)
		if err == nil && caught {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the replica did not replay the primary's writes (up to %s) within a minute: %v; %s", lsn, err, receiverState(r))
		}
	}
}

// receiverState says how far the replica has received and replayed the primary's log and
// whether its WAL receiver streams, for the message of a replica that does not catch up
// (one whose primary removed a segment it still needed streams no more).
func receiverState(r *sql.DB) string {
	var received, replayed, status sql.NullString
	err := r.QueryRow(`SELECT pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text,
		(SELECT status FROM pg_stat_wal_receiver)`).Scan(&received, &replayed, &status)
	if err != nil {
		return fmt.Sprintf("its state could not be read: %v", err)
	}
	if !status.Valid {
		status.String = "not running"
	}
	return fmt.Sprintf("it received up to %s and replayed up to %s; its WAL receiver is %s (see the replica's server log)",
		received.String, replayed.String, status.String)
}

// PostgresBase returns the URL of the PostgreSQL test server (FACTGRAPH_TEST_POSTGRES);
// without one it skips t, or fails it when CI is set.
func PostgresBase(t testing.TB) string {
	t.Helper()
	return fromEnv(t, EnvPostgres)
}

// fromEnv returns the server URL the variable env holds; when it is not set it skips t,
// or fails it when CI is set.
func fromEnv(t testing.TB, env string) string {
	t.Helper()
	addr := os.Getenv(env)
	if addr == "" {
		programtest.Missing(t, "%s is not set: source scripts/ci-postgres.sh first", env)
	}
	return addr
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

// ExecPostgres runs the statements q, with the values args, in the database at addr, for
// tests that change a store as another program or an earlier version of factgraph would.
func ExecPostgres(t testing.TB, addr, q string, args ...any) {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// StatementPoolingError returns the error the PostgreSQL driver gives for a transaction
// sent through a pooler in statement mode, for tests of what a command says about it
// that do not import the driver.
func StatementPoolingError() error {
	return &pq.Error{Code: "08P01", Message: "transaction blocks not allowed in statement pooling mode"}
}
