package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/pgstore"
	"github.com/factgraph/factgraph/store/storetest"
)

// pgValue returns the one value query gives on the database at addr, as text.
func pgValue(t *testing.T, addr, query string) string {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v sql.NullString
	if err := db.QueryRow(query).Scan(&v); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v.String
}

// TestPostgresLoadBesideTheStore checks the bulk load into a new PostgreSQL store that
// builds its tables beside the store's and puts them in their place: until then readers
// see the store empty, the tables a killed load left are dropped, nothing of the load is
// left afterwards, and the store is the one written through deltas.
func TestPostgresLoadBesideTheStore(t *testing.T) {
	s, addr := newPostgres(t)
	deltas, deltasAddr := newPostgres(t)
	ingestDeltas(t, deltas, bulkCorpus()...)
	before := pgValue(t, addr, `SELECT 'quads'::regclass::oid`)
	// What a load killed before it finished leaves.
	storetest.ExecPostgres(t, addr, `CREATE TABLE factgraph_load_quads (left_over int); CREATE TABLE factgraph_load_nodes (left_over int)`)
	reader := openStore(t, addr)
	swaps := 0
	pgstore.BeforeSwap = func() error {
		swaps++
		if n := pgValue(t, addr, `SELECT count(*) FROM factgraph_load_quads`); n == "0" {
			t.Error("the loaded quads are not beside the store before they take its place")
		}
		if got := nquadsOf(t, reader, ""); got != "" {
			t.Errorf("a reader sees the load before it is in place:\n%.300s", got)
		}
		return nil
	}
	t.Cleanup(func() { pgstore.BeforeSwap = nil })
	ingest(t, s, bulkCorpus()...)
	if swaps != 1 {
		t.Fatalf("the load came to its swap %d times, want once", swaps)
	}
	if after := pgValue(t, addr, `SELECT 'quads'::regclass::oid`); after == before {
		t.Error("the store's quads table is the one it had: the load was not built beside it")
	}
	// The load gave back the schema lock ("fact"), while its store stays open.
	if got := pgValue(t, addr, `SELECT pg_try_advisory_lock(1717658484)`); got != "true" {
		t.Error("the schema lock is still held after the load")
	}
	if got, want := pgTables(t, addr), pgTables(t, deltasAddr); got != want {
		t.Errorf("tables differ from the store written through deltas:\n%s", lineDiff(got, want))
	}
	if got, want := nquadsOf(t, reader, ""), nquadsOf(t, deltas, ""); got != want {
		t.Errorf("a reader after the load:\n%s", lineDiff(got, want))
	}
	// Later writes go on from it.
	compareAfterLaterWrites(t, func(t *testing.T) {
		t.Helper()
		if got, want := nquadsOf(t, s, ""), nquadsOf(t, deltas, ""); got != want {
			t.Errorf("N-Quads differ:\n%s", lineDiff(got, want))
		}
	}, s, deltas)
}

// TestPostgresFailedLoadBesideTheStore stops a load beside the store where it is about to
// put its tables in place: the store is as it was, with no table of the load left.
func TestPostgresFailedLoadBesideTheStore(t *testing.T) {
	s, addr := newPostgres(t)
	fresh := pgTables(t, addr)
	pgstore.BeforeSwap = func() error { return errors.New("planted failure") }
	t.Cleanup(func() { pgstore.BeforeSwap = nil })
	_, err := s.Ingest(context.Background(), bulkCorpus())
	if err == nil || !strings.Contains(err.Error(), "planted failure") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("failed load: %v, want the planted failure and that nothing was changed", err)
	}
	if got := pgTables(t, addr); got != fresh {
		t.Errorf("a failed load changed the database:\n%s", lineDiff(got, fresh))
	}
}

// TestPostgresLoadKeepsWhatIsAttached checks that a new store whose tables carry what a
// copy of them would lose, a grant and a view here, is loaded in its own tables, within
// one transaction: both are kept, and the store is the one written through deltas.
func TestPostgresLoadKeepsWhatIsAttached(t *testing.T) {
	s, addr := newPostgres(t)
	deltas, _ := newPostgres(t)
	ingestDeltas(t, deltas, bulkCorpus()...)
	storetest.ExecPostgres(t, addr, `GRANT SELECT ON quads TO PUBLIC; CREATE VIEW quad_count AS SELECT count(*) AS n FROM quads`)
	before := pgValue(t, addr, `SELECT 'quads'::regclass::oid`)
	pgstore.BeforeSwap = func() error { return errors.New("a load beside a store with a grant and a view") }
	t.Cleanup(func() { pgstore.BeforeSwap = nil })
	ingest(t, s, bulkCorpus()...)
	if after := pgValue(t, addr, `SELECT 'quads'::regclass::oid`); after != before {
		t.Error("the store's quads table was replaced")
	}
	if got := pgValue(t, addr, `SELECT pg_try_advisory_lock(1717658484)`); got != "true" {
		t.Error("the schema lock is still held after the load")
	}
	if got := pgValue(t, addr, `SELECT has_table_privilege('public', 'quads', 'SELECT')`); got != "true" {
		t.Error("the grant on quads is lost")
	}
	if got, want := pgValue(t, addr, `SELECT n FROM quad_count`), pgValue(t, addr, `SELECT count(*) FROM quads`); got != want || got == "0" {
		t.Errorf("the view counts %s quads, the table holds %s", got, want)
	}
	if got, want := nquadsOf(t, s, ""), nquadsOf(t, deltas, ""); got != want {
		t.Errorf("N-Quads differ:\n%s", lineDiff(got, want))
	}
}

// TestPostgresBulkLoadKeepsEveryCharacter loads text with what COPY's text format
// escapes (backslashes, tabs, line ends, a backslash before N, which alone would be its
// NULL) in bulk and through deltas: the tables and the N-Quads are the same.
func TestPostgresBulkLoadKeepsEveryCharacter(t *testing.T) {
	f := syntheticFacts(0)
	f.Parties[4].Name = "Back\\slash\tTab\nLine\rReturn \\N é"
	f.Parties[4].Aliases = []string{`\N`, "a\\tb"}
	f.Parties[5].Evidence.Quotes = []string{"quote\twith\ttabs", "two\nlines\r\n", `C:\path\to`}
	f.Obligations[0].Duty = "pay \\x00 at once"
	f.Claims[0].Says = `\\`
	bulk, bulkAddr := newPostgres(t)
	deltas, deltasAddr := newPostgres(t)
	ingestDeltas(t, deltas, f)
	writes := recordDeltas(bulk)
	ingest(t, bulk, f)
	if len(*writes) != 0 {
		t.Fatalf("first write applied deltas %v, want a bulk load", *writes)
	}
	if got, want := pgTables(t, bulkAddr), pgTables(t, deltasAddr); got != want {
		t.Errorf("tables differ from the store written through deltas:\n%s", lineDiff(got, want))
	}
	got, want := nquadsOf(t, bulk, ""), nquadsOf(t, deltas, "")
	if got != want {
		t.Errorf("N-Quads differ:\n%s", lineDiff(got, want))
	}
	if !strings.Contains(got, `Back\\slash\tTab\nLine\rReturn \\N`) {
		t.Errorf("the name with escapes is not in the N-Quads:\n%.600s", got)
	}
}

// TestPostgresStoppedBulkLoads stops bulk loads into new PostgreSQL stores at every point
// they look at their context: each leaves the database as it was, which a later write
// loads as if nothing had happened.
func TestPostgresStoppedBulkLoads(t *testing.T) {
	base := storetest.PostgresBase(t)
	stops := 0
	for n := 0; ; n++ {
		addr := storetest.FreshPostgres(t, base)
		s := openStore(t, addr)
		fresh := pgTables(t, addr)
		left := n
		_, err := s.Ingest(stopAfter{context.Background(), &left}, bulkCorpus())
		if err == nil {
			if stops < len(bulkCorpus()) {
				t.Fatalf("the load looked at its context %d times, want at least once per source", stops)
			}
			t.Logf("%d stops", stops)
			return
		}
		stops++
		if !strings.Contains(err.Error(), "nothing was changed") || !strings.Contains(err.Error(), "canceled") {
			t.Errorf("stopped after %d checks: error %q, want it to say it was cancelled and nothing was changed", n, err)
		}
		if got := pgTables(t, addr); got != fresh {
			t.Fatalf("stopped after %d checks, the database is not as it was:\n%s", n, lineDiff(got, fresh))
		}
		if n%8 == 0 {
			writes := recordDeltas(s)
			ingest(t, s, bulkCorpus()...)
			if len(*writes) != 0 {
				t.Fatalf("write after a load stopped after %d checks applied deltas, want a bulk load", n)
			}
		}
		s.Close()
	}
}

// TestPostgresLoadBesideTablesOfAnotherSchema checks a new store whose tables are not in
// the schema a new table goes to (here the user's own schema, made after the store, comes
// first on the search path): it is loaded in its own tables, which stay where they are.
func TestPostgresLoadBesideTablesOfAnotherSchema(t *testing.T) {
	s, addr := newPostgres(t)
	storetest.ExecPostgres(t, addr, `CREATE SCHEMA AUTHORIZATION CURRENT_USER`)
	before := pgValue(t, addr, `SELECT 'public.quads'::regclass::oid`)
	ingest(t, s, bulkCorpus()...)
	if got := pgValue(t, addr, `SELECT string_agg(relname, ' ') FROM pg_class WHERE relnamespace = current_schema()::regnamespace`); got != "" {
		t.Errorf("the load left tables in the user's schema: %s", got)
	}
	if after := pgValue(t, addr, `SELECT 'public.quads'::regclass::oid`); after != before {
		t.Error("the store's quads table was replaced")
	}
	if got, want := nquadsOf(t, s, ""), nquadsOf(t, storeWith(t, bulkCorpus()...), ""); got != want {
		t.Errorf("N-Quads differ:\n%s", lineDiff(got, want))
	}
}
