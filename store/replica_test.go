package store

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/store/storetest"
)

// envReplica names the variable holding the URL of a streaming replica of the PostgreSQL
// test server (scripts/ci-postgres.sh starts one).
const envReplica = "FACTGRAPH_TEST_POSTGRES_REPLICA"

// TestReadsFromReplica writes a store on the primary and reads it from a hot-standby
// replica once that has caught up: the replica gives the primary's answers, and a write
// sent to it is refused with a message that says where writes go.
func TestReadsFromReplica(t *testing.T) {
	base, replica := os.Getenv(storetest.EnvPostgres), os.Getenv(envReplica)
	if base == "" || replica == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s or %s is not set, and CI is: source scripts/ci-postgres.sh first", storetest.EnvPostgres, envReplica)
		}
		t.Skipf("%s or %s is not set", storetest.EnvPostgres, envReplica)
	}
	ctx := context.Background()
	primary := storetest.FreshPostgres(t, base)
	s := openStore(t, primary)
	ingest(t, s, treatyFacts(), natoFacts())
	want := nquadsOf(t, s, "")

	// The same database on the replica's server.
	pu, err := url.Parse(primary)
	if err != nil {
		t.Fatal(err)
	}
	ru, err := url.Parse(replica)
	if err != nil {
		t.Fatal(err)
	}
	ru.Path = pu.Path
	onReplica := ru.String()
	waitForReplay(t, primary, replica)

	r, err := Open(ctx, onReplica, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of the replica: %v", err)
	}
	defer r.Close()
	if got := nquadsOf(t, r, ""); got != want {
		t.Errorf("the replica's N-Quads differ from the primary's:\n%s\nwant\n%s", got, want)
	}
	if info, ok, err := r.Lookup(ctx, "japan"); err != nil || !ok || info.Name != "Japan" {
		t.Errorf("Lookup(japan) on the replica = %+v, %v, %v", info, ok, err)
	}
	for _, opts := range []*OpenOptions{nil, {MustExist: true}} {
		if _, err := Open(ctx, onReplica, opts); err == nil || !strings.Contains(err.Error(), "read-only replica") || strings.Contains(err.Error(), ":factgraph@") {
			t.Errorf("open to write (%+v) on the replica: err = %v, want a refusal that says writes go to the primary", opts, err)
		}
	}
}

// waitForReplay waits until the replica has replayed everything the primary has written.
func waitForReplay(t *testing.T, primary, replica string) {
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
			t.Fatalf("the replica did not replay the primary's writes (up to %s) within a minute: %v", lsn, err)
		}
	}
}
