package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/pgstore"
	"github.com/factgraph/factgraph/store/storetest"
)

// newPostgres opens a store in a new, empty PostgreSQL database and returns it and its
// address.
func newPostgres(t *testing.T) (*Store, string) {
	t.Helper()
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	return openStore(t, addr), addr
}

// pgTables lists the rows of Cayley's and factgraph's tables at addr, sorted, with what
// depends on the order of writes left out (a quad's number and time stamp), and the
// definitions of their columns, indexes and constraints.
func pgTables(t *testing.T, addr string) string {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, q := range []string{
		`SELECT 'node', encode(hash, 'hex'), refs, encode(value, 'hex'), value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time FROM nodes`,
		`SELECT 'quad', encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), encode(label_hash, 'hex'), ts IS NULL FROM quads`,
		`SELECT 'link', item, source, kind, lines FROM factgraph_link_lines`,
		`SELECT 'name', name, subject, source, pred, said FROM factgraph_names`,
		`SELECT 'item', item, source, (SELECT string_agg(l, E'\n' ORDER BY l) FROM unnest(string_to_array(quads, E'\n')) AS l1,
			LATERAL (SELECT regexp_replace(l1, '^[0-9]+\t', '')) AS l2(l)) FROM factgraph_items`,
		`SELECT 'state', version, fresh, written FROM factgraph_state`,
		`SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
		`SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
		`SELECT 'trigger', tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal`,
		`SELECT 'relation', relname, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'v')`,
		`SELECT 'column', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
		`SELECT 'sequence of quads', pg_get_serial_sequence('quads', 'horizon')`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			parts := make([]string, len(vals))
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				parts[i] = fmt.Sprint(v)
			}
			out = append(out, strings.Join(parts, " | "))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// TestPostgresBulkLoadMatchesDeltas checks that the first write into a new PostgreSQL
// store, copied in bulk, fills Cayley's tables and factgraph's with exactly the rows
// Cayley's own writes and factgraph's make, that Cayley reads it as it reads those, and that
// later writes go on from it as from a store written through deltas.
func TestPostgresBulkLoadMatchesDeltas(t *testing.T) {
	bulk, bulkAddr := newPostgres(t)
	deltas, deltasAddr := newPostgres(t)
	want := fmt.Sprintf("%+v", ingestDeltas(t, deltas, bulkCorpus()...).Sources)
	writes := recordDeltas(bulk)
	before := pgValue(t, bulkAddr, `SELECT localtimestamp::text`)
	rep := ingest(t, bulk, bulkCorpus()...)
	if len(*writes) != 0 {
		t.Errorf("first write into a new store applied deltas %v, want a bulk load", *writes)
	}
	// Every quad has the time of the load, as a write through Cayley gives its quads the
	// time of its transaction.
	if got := pgValue(t, bulkAddr, `SELECT format('%s times, from %s to %s, after the load began: %s', count(DISTINCT ts), min(ts), max(ts),
		min(ts) >= '`+before+`' AND max(ts) <= localtimestamp) FROM quads`); !strings.HasPrefix(got, "1 times") || !strings.HasSuffix(got, ": t") {
		t.Errorf("the bulk load's quads have %s (began %s); want one time, the load's", got, before)
	}
	if got := fmt.Sprintf("%+v", rep.Sources); got != want {
		t.Errorf("bulk report:\n%s\nwant (the report of a write through deltas):\n%s", got, want)
	}
	compare := func(t *testing.T) {
		t.Helper()
		if got, want := pgTables(t, bulkAddr), pgTables(t, deltasAddr); got != want {
			t.Errorf("tables differ from the store written through deltas:\n%s", lineDiff(got, want))
		}
		if got, want := indexReads(t, bulk), indexReads(t, deltas); got != want {
			t.Errorf("Cayley's index reads differ:\n%s", lineDiff(got, want))
		}
		gotNQ, wantNQ := nquadsOf(t, bulk, ""), nquadsOf(t, deltas, "")
		if gotNQ != wantNQ {
			t.Errorf("N-Quads differ:\n%s", lineDiff(gotNQ, wantNQ))
		}
		var generic strings.Builder
		if err := WriteNQuadsGeneric(context.Background(), bulk, &generic); err != nil || generic.String() != wantNQ {
			t.Errorf("N-Quads read through Cayley's iterator differ (%v):\n%s", err, lineDiff(generic.String(), wantNQ))
		}
		sameStats(t, bulk, deltas)
	}
	compareAfterLaterWrites(t, compare, bulk, deltas)
}

// TestPostgresBulkLoadFrozen checks that a bulk load leaves every page of the tables it
// fills marked all-visible (COPY's FREEZE, which marks them all-frozen too), so that
// index-only scans need not read the tables and autovacuum has nothing to do.
func TestPostgresBulkLoadFrozen(t *testing.T) {
	s, addr := newPostgres(t)
	ingest(t, s, bulkCorpus()...)
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT relname, relpages, relallvisible FROM pg_class
		WHERE relname IN ('nodes', 'quads', 'factgraph_link_lines', 'factgraph_names', 'factgraph_items') ORDER BY relname`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var name string
		var pages, visible int
		if err := rows.Scan(&name, &pages, &visible); err != nil {
			t.Fatal(err)
		}
		n++
		if pages == 0 || visible != pages {
			t.Errorf("%s: %d of its %d pages marked all-visible after the bulk load, want all", name, visible, pages)
		}
	}
	if err := rows.Err(); err != nil || n != 5 {
		t.Fatalf("read %d tables (%v), want 5", n, err)
	}
}

// failWrites makes every PostgreSQL write fail just before it commits, until the test
// ends or the returned function is called.
func failWrites(t *testing.T) func() {
	t.Helper()
	pgstore.FailBeforeCommit = func() error { return errors.New("planted failure") }
	undo := func() { pgstore.FailBeforeCommit = nil }
	t.Cleanup(undo)
	return undo
}

// TestPostgresFailedWritesChangeNothing checks that a bulk load that fails leaves a new
// database as it was, so that the next write loads it in bulk as if nothing had happened,
// and that a re-ingest or a removal that fails leaves every source as it was.
func TestPostgresFailedWritesChangeNothing(t *testing.T) {
	ctx := context.Background()
	s, addr := newPostgres(t)
	fresh := pgTables(t, addr)
	undo := failWrites(t)
	if _, err := s.Ingest(ctx, bulkCorpus()); err == nil || !strings.Contains(err.Error(), "planted failure") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("failed bulk load: %v, want the planted failure and that nothing was changed", err)
	}
	if got := pgTables(t, addr); got != fresh {
		t.Fatalf("a failed bulk load changed the database:\n%s", lineDiff(got, fresh))
	}
	undo()
	writes := recordDeltas(s)
	ingest(t, s, bulkCorpus()...)
	if len(*writes) != 0 {
		t.Errorf("write after a failed bulk load applied deltas %v, want a bulk load", *writes)
	}
	loaded, before := pgTables(t, addr), nquadsOf(t, s, "")

	changed := syntheticFacts(3)
	changed.Parties[0].Name = "Nippon"
	changed.Obligations = changed.Obligations[:1]
	undo = failWrites(t)
	if _, err := s.Ingest(ctx, []*graph.Facts{changed}); err == nil || !strings.Contains(err.Error(), "planted failure") {
		t.Errorf("failed re-ingest: %v, want the planted failure", err)
	}
	if _, err := s.Remove(ctx, "article-5"); err == nil || !strings.Contains(err.Error(), "planted failure") {
		t.Errorf("failed removal: %v, want the planted failure", err)
	}
	undo()
	if got := pgTables(t, addr); got != loaded {
		t.Errorf("a failed re-ingest or removal changed the database:\n%s", lineDiff(got, loaded))
	}
	if got := nquadsOf(t, s, ""); got != before {
		t.Errorf("a failed re-ingest or removal changed the N-Quads:\n%s", lineDiff(got, before))
	}
	ingest(t, s, changed)
	if _, err := s.Remove(ctx, "article-5"); err != nil {
		t.Fatal(err)
	}
	after := bulkCorpus()
	after[5] = changed                 // article-3
	after = slices.Delete(after, 7, 8) // article-5
	if got, want := nquadsOf(t, s, ""), nquadsOf(t, storeWith(t, after...), ""); got != want {
		t.Errorf("re-ingest and removal after the failed ones:\n%s", lineDiff(got, want))
	}
}

// TestPostgresBulkLoadOnlyIntoNewStores checks that a PostgreSQL store that was ever
// written, even if it is empty again, is written through deltas.
// TestPostgresBulkLoadGivesNewIndexes checks that the first write into a store that an
// earlier build made and never wrote (with Cayley's index by subject, predicate and object,
// and its unique index of the labelled quads over those alone) leaves the store a new
// store's indexes, as if this build had made it.
func TestPostgresBulkLoadGivesNewIndexes(t *testing.T) {
	earlier, earlierAddr := newPostgres(t)
	fresh, freshAddr := newPostgres(t)
	db, err := sql.Open("postgres", earlierAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DROP INDEX spol_unique;
		CREATE UNIQUE INDEX spol_unique ON quads (subject_hash, predicate_hash, object_hash, label_hash) WHERE label_hash IS NOT NULL;
		CREATE INDEX spo_index ON quads (subject_hash, predicate_hash, object_hash)`); err != nil {
		t.Fatal(err)
	}
	ingest(t, earlier, bulkCorpus()...)
	ingest(t, fresh, bulkCorpus()...)
	if got, want := pgTables(t, earlierAddr), pgTables(t, freshAddr); got != want {
		t.Errorf("tables of a store an earlier build made, after a bulk load, differ from a new store's:\n%s", lineDiff(got, want))
	}
}

func TestPostgresBulkLoadOnlyIntoNewStores(t *testing.T) {
	s, _ := newPostgres(t)
	ingest(t, s, natoFacts())
	if _, err := s.Remove(context.Background(), "nato-spending"); err != nil {
		t.Fatal(err)
	}
	writes := recordDeltas(s)
	ingest(t, s, treatyFacts())
	if len(*writes) != 1 {
		t.Errorf("write into an emptied store applied %v, want one write of deltas", *writes)
	}
}
