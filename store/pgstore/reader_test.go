package pgstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/storetest"
)

// newStore creates a store with factgraph's tables in a new database and returns its
// address; the test is skipped without a server, or fails when CI is set.
func newStore(t *testing.T) string {
	t.Helper()
	base := storetest.PostgresBase(t)
	addr := storetest.FreshPostgres(t, base)
	db, err := Open(addr, true, true)
	if err != nil {
		t.Fatal(err)
	}
	db.QuadStore().Close()
	db.Close()
	return addr
}

// insertEntries adds the entries values lists, as rows of (item, at, mid, other, source)
// in SQL, to the link index, as a write leaves them (linklines.go).
func insertEntries(t *testing.T, addr, values string) {
	t.Helper()
	storetest.ExecPostgres(t, addr, `INSERT INTO factgraph_link_lines (item, source, kind, lines)
		SELECT item, source, coalesce(min(mid) FILTER (WHERE at = '='), ''),
			string_agg(at || E'\t' || mid || E'\t' || other, E'\n' ORDER BY at, mid, other)
		FROM (SELECT item COLLATE "C", at COLLATE "C", mid COLLATE "C", other COLLATE "C", source COLLATE "C"
			FROM (VALUES `+values+`) AS v(item, at, mid, other, source)) AS e(item, at, mid, other, source)
		GROUP BY item, source`)
}

// openReader opens the store at addr read-only and begins a Reader on it.
func openReader(t *testing.T, addr string) (*DB, *Reader) {
	t.Helper()
	db, err := Open(addr, false, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.QuadStore().Close(); db.Close() })
	rd, err := db.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rd.Close)
	return db, rd
}

// TestReaderKinds checks that the kinds read ahead alone (PreloadKinds), and those the
// rows of the items read ahead (Preload) give before their entries are made, are those the
// entries give: the first kind row in key order, whatever else the item has.
func TestReaderKinds(t *testing.T) {
	addr := newStore(t)
	// Rows of the link index (model/index.go), as a write leaves them: a party that two
	// sources give different kinds and others link to, an obligation, and an item with
	// links but no kind.
	insertEntries(t, addr, `		('p', '=', 'party', '', 's1'), ('p', '=', 'agreement', '', 's2'), ('p', '<', 'fg:bearer', 'o', 's1'),
		('p', '<', 'fg:beneficiary', 'o2', 's3'), ('p', '>', 'allied-with', 'q', 's1'), ('p', '@', '2001-01-01', '', 's1'),
		('o', '=', 'obligation', '', 's1'), ('o', '>', 'fg:bearer', 'p', 's1'),
		('q', '<', 'allied-with', 'p', 's1')`)
	items := []quad.IRI{"p", "o", "q", "absent", "p"}
	_, whole := openReader(t, addr)
	if !whole.HasLinks() {
		t.Fatal("the reader does not use the link index of a fresh store")
	}
	if err := whole.Preload(items); err != nil {
		t.Fatal(err)
	}
	_, alone := openReader(t, addr)
	if err := alone.PreloadKinds(items); err != nil {
		t.Fatal(err)
	}
	if len(alone.cached) != 0 {
		t.Errorf("PreloadKinds read the entries of %d items", len(alone.cached))
	}
	_, made := openReader(t, addr)
	if err := made.Preload(items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		made.ItemLinks(it)
	}
	for _, it := range items {
		want := made.Kind(it)
		if got := alone.Kind(it); got != want {
			t.Errorf("kind of %q read alone = %q, from its entries %q", it, got, want)
		}
		// From the rows Preload read, without making the item's entries.
		if got := whole.Kind(it); got != want {
			t.Errorf("kind of %q from the rows read = %q, from its entries %q", it, got, want)
		}
		if e := whole.cached[string(it)]; e.ends != nil || e.kind != "" {
			t.Errorf("Kind(%s) made its entries", it)
		}
	}
	if got := whole.Kind("p"); got != "agreement" {
		t.Errorf("kind of p = %q, want the first in key order, agreement", got)
	}
	if alone.Err() != nil || whole.Err() != nil || made.Err() != nil {
		t.Fatal(alone.Err(), whole.Err(), made.Err())
	}
}

// TestReaderPlans checks the planner settings of a Reader's transaction: its queries
// look keys up by hash, which a hash join over the whole nodes table, parallel workers
// or JIT compilation only slow down, and are planned without looking at the elements of
// their arrays.
func TestReaderPlans(t *testing.T) {
	addr := newStore(t)
	for range 2 { // the first Reader of a process, and the next ones
		db, rd := openReader(t, addr)
		var hash, merge, jit, workers, plans string
		err := rd.tx.QueryRow(`SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin'),
			current_setting('jit'), current_setting('max_parallel_workers_per_gather'), current_setting('plan_cache_mode')`).Scan(&hash, &merge, &jit, &workers, &plans)
		if err != nil {
			t.Fatal(err)
		}
		if hash != "off" || merge != "off" || jit != "off" || workers != "0" || plans != "force_generic_plan" {
			t.Errorf("a Reader's planner settings: hash joins %s, merge joins %s, jit %s, workers %s, plans %s; want off, off, off, 0, force_generic_plan", hash, merge, jit, workers, plans)
		}
		rd.Close()
		// They hold for the Reader's transaction alone.
		var after string
		if err := db.db.QueryRow(`SELECT current_setting('enable_hashjoin')`).Scan(&after); err != nil || after != "on" {
			t.Errorf("hash joins after a Reader: %q, %v; want on", after, err)
		}
	}
}

// TestReadOnlyConnections checks that a store opened read-only connects when it reads,
// through one connection, and connects Cayley's quad store only when asked for it.
func TestReadOnlyConnections(t *testing.T) {
	addr := newStore(t)
	admin, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	conns := func() int {
		t.Helper()
		var n int
		err := admin.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	stats := func(db *DB) {
		t.Helper()
		qs, err := db.Cayley()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := qs.Stats(context.Background(), true); err != nil {
			t.Fatal(err)
		}
	}
	// The server ends the process of newStore's closed connection a moment later.
	gone := func() {
		for deadline := time.Now().Add(5 * time.Second); conns() > 0 && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
	}
	gone()
	db, err := Open(addr, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if n := conns(); n != 0 {
		t.Errorf("a store opened read-only holds %d connections before it reads, want 0", n)
	}
	rd, err := db.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := rd.PreloadKinds([]quad.IRI{"p"}); err != nil {
		t.Fatal(err)
	}
	rd.Close()
	if n := conns(); n != 1 {
		t.Errorf("a read-only store holds %d connections after a read, want 1", n)
	}
	stats(db)
	if n := conns(); n != 2 {
		t.Errorf("%d connections once Cayley's quad store is used, want 2", n)
	}
	db.QuadStore().Close()
	db.Close()
	gone()
	// Gizmo's way: Cayley's quad store alone.
	db, err = Open(addr, false, false)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.QuadStore().Close(); db.Close() }()
	stats(db)
	if n := conns(); n != 1 {
		t.Errorf("%d connections for Cayley's quad store alone, want 1", n)
	}
}

// TestReaderIncoming checks the links to an item read alone (Incoming before the item's
// entries are read) against those its entries give.
func TestReaderIncoming(t *testing.T) {
	addr := newStore(t)
	insertEntries(t, addr, `		('p', '=', 'party', '', 's1'), ('p', '<', 'fg:bearer', 'o', 's1'), ('p', '<', 'fg:bearer', 'o', 's2'),
		('p', '<', 'fg:beneficiary', 'o2', 's3'), ('p', '<', 'allied-with', 'q', 's1'), ('p', '>', 'allied-with', 'q', 's1'),
		('p', '>', 'fg:party', 'a', 's1'), ('p', '@', '2001-01-01', '', 's1')`)
	for _, preds := range [][]quad.IRI{nil, {"fg:bearer"}, {"fg:beneficiary", "fg:bearer"}, {}} {
		_, whole := openReader(t, addr)
		if err := whole.Preload([]quad.IRI{"p"}); err != nil {
			t.Fatal(err)
		}
		_, alone := openReader(t, addr)
		got, want := alone.Incoming("p", preds), whole.Incoming("p", preds)
		if !slices.Equal(got, want) || alone.Err() != nil {
			t.Errorf("Incoming(p, %v) read alone = %v, %v; from its entries %v", preds, got, alone.Err(), want)
		}
		if len(alone.cached) != 0 {
			t.Errorf("Incoming(p, %v) read all the entries of p", preds)
		}
	}
}

// TestReaderItemOrder checks that the quads of subjects read ahead (PreloadItems) come in
// the order of their numbers, as Quads reads them one subject at a time, also when the
// server finds them in another order.
func TestReaderItemOrder(t *testing.T) {
	addr := newStore(t)
	w, err := Open(addr, false, true)
	if err != nil {
		t.Fatal(err)
	}
	var deltas []cgraph.Delta
	for i := range 8 {
		for _, s := range []quad.IRI{"a", "b"} {
			deltas = append(deltas, cgraph.Delta{Action: cgraph.Add,
				Quad: quad.Make(s, quad.IRI(fmt.Sprintf("fg:p%d", 8-i)), quad.String(fmt.Sprint(i)), quad.IRI("source/s"))})
		}
	}
	if err := w.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	w.QuadStore().Close()
	w.Close()
	// The first quads move to the end of the table, keeping their numbers (deleted and
	// written again: an update leaves them where a scan finds them first).
	storetest.ExecPostgres(t, addr, `WITH moved AS (DELETE FROM quads WHERE horizon IN (SELECT horizon FROM quads ORDER BY horizon LIMIT 4) RETURNING *)
		INSERT INTO quads SELECT * FROM moved`)
	_, rd := openReader(t, addr)
	if err := rd.PreloadItems([]quad.IRI{"a", "b", "c"}); err != nil {
		t.Fatal(err)
	}
	_, one := openReader(t, addr)
	for _, s := range []quad.IRI{"a", "b", "c"} {
		got, _, err := rd.Quads([]quad.Direction{quad.Subject}, s)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := one.Quads([]quad.Direction{quad.Subject}, s)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != map[quad.IRI]int{"a": 8, "b": 8}[s] || !slices.Equal(got, want) {
			t.Errorf("quads of %s read ahead:\n%v\none at a time:\n%v", s, got, want)
		}
	}
}

// TestReaderObjects checks the objects of a subject and predicate read each once: those
// of quads with a source's label, not those only other labels or none give.
func TestReaderObjects(t *testing.T) {
	addr := newStore(t)
	w, err := Open(addr, false, true)
	if err != nil {
		t.Fatal(err)
	}
	add := func(o string, label quad.Value) cgraph.Delta {
		return cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{Subject: quad.IRI("p"), Predicate: quad.IRI("fg:alias"), Object: quad.String(o), Label: label}}
	}
	deltas := []cgraph.Delta{add("Nippon", quad.IRI("source/s1")), add("Nippon", quad.IRI("source/s2")), add("Yamato", quad.IRI("other/s3")),
		add("Japan", quad.IRI("other/s4")), add("Japan", quad.IRI("source/s4")), add("Wa", nil), add("Zipang", quad.String("source/s5"))}
	for i := range 20 {
		deltas = append(deltas, add("Nippon", quad.IRI(fmt.Sprintf("source/n%d", i))))
	}
	if err := w.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	w.QuadStore().Close()
	w.Close()
	_, rd := openReader(t, addr)
	vs, err := rd.Objects(quad.IRI("p"), quad.IRI("fg:alias"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.String())
	}
	slices.Sort(got)
	if want := []string{`"Japan"`, `"Nippon"`}; !slices.Equal(got, want) {
		t.Errorf("Objects = %v, want %v", got, want)
	}
}

// TestReaderFirstsOnce checks that PreloadFirst asks the server nothing for subjects whose
// first objects it read ahead before (a query reads the one item a name resolves to for
// its name, then the same item among those its answer names), and still reads those it has
// not, with what it read before kept.
func TestReaderFirstsOnce(t *testing.T) {
	addr := newStore(t)
	w, err := Open(addr, false, true)
	if err != nil {
		t.Fatal(err)
	}
	name := func(s, o string) cgraph.Delta {
		return cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI("fg:name"), Object: quad.String(o), Label: quad.IRI("source/s1")}}
	}
	if err := w.QuadStore().ApplyDeltas([]cgraph.Delta{name("p", "Japan"), name("q", "Korea")}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	w.QuadStore().Close()
	w.Close()
	_, rd := openReader(t, addr)
	preds := []quad.IRI{"fg:name"}
	if err := rd.PreloadFirst([]quad.IRI{"p"}, preds); err != nil {
		t.Fatal(err)
	}
	before := Statements()
	if err := rd.PreloadFirst([]quad.IRI{"p"}, preds); err != nil {
		t.Fatal(err)
	}
	if got := Statements() - before; got != 0 {
		t.Errorf("PreloadFirst of a subject read ahead before took %d statements, want none", got)
	}
	if err := rd.PreloadFirst([]quad.IRI{"p", "q"}, preds); err != nil {
		t.Fatal(err)
	}
	if got := Statements() - before; got != 1 {
		t.Errorf("PreloadFirst of a subject read before and one not took %d statements, want 1", got)
	}
	for s, want := range map[quad.IRI]string{"p": "Japan", "q": "Korea"} {
		v, ok, err := rd.First(s, quad.IRI("fg:name"))
		if err != nil || !ok || v != quad.String(want) {
			t.Errorf("First(%s) = %v, %v, %v; want %q", s, v, ok, err, want)
		}
	}
}

// TestNameIndexUpgrade checks a store whose name index is an earlier version's: it
// answers as before, and the next write gives it this version's index.
func TestNameIndexUpgrade(t *testing.T) {
	addr := newStore(t)
	storetest.ExecPostgres(t, addr, `INSERT INTO factgraph_names (name, subject, source, pred, said) VALUES
		('japan', 'japan', 's1', 'fg:name', 'Japan'), ('japan', 'japan', 's2', 'fg:name', 'Japan'),
		('nippon', 'japan', 's1', 'fg:alias', 'Nippon'), ('japan', 'source/s3', 's3', 'fg:title', 'Japan')`)
	storetest.ExecPostgres(t, addr, `DROP INDEX factgraph_names_name_subject; CREATE INDEX factgraph_names_name ON factgraph_names (name)`)
	names := func() []string {
		t.Helper()
		_, rd := openReader(t, addr)
		found := map[string]bool{}
		if ok, err := rd.Names("japan", found); !ok || err != nil {
			t.Fatalf("Names: %v, %v", ok, err)
		}
		var ids []string
		for id := range found {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return ids
	}
	want := []string{"japan", "s3"}
	if got := names(); !slices.Equal(got, want) {
		t.Errorf("names of an earlier version's index: %v, want %v", got, want)
	}
	w, err := Open(addr, false, true)
	if err != nil {
		t.Fatal(err)
	}
	w.QuadStore().Close()
	w.Close()
	var indexes []string
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT indexname FROM pg_indexes WHERE tablename = 'factgraph_names' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		indexes = append(indexes, n)
	}
	rows.Close()
	if !slices.Equal(indexes, []string{"factgraph_names_name", "factgraph_names_name_subject"}) {
		t.Errorf("indexes of factgraph_names after a write: %v, want the earlier one and factgraph_names_name_subject", indexes)
	}
	if got := names(); !slices.Equal(got, want) {
		t.Errorf("names after the index was upgraded: %v, want %v", got, want)
	}
}

// TestReaderNamesByTheirStart checks that names by their start step through the name
// index's pairs of a name and a subject, each pair once: a name that two thousand sources
// state costs a step, not two thousand rows, and the table is never read whole.
func TestReaderNamesByTheirStart(t *testing.T) {
	addr := newStore(t)
	storetest.ExecPostgres(t, addr, `INSERT INTO factgraph_names (name, subject, source, pred, said)
		SELECT 'alpha', 'alpha', 's' || i, 'fg:name', 'Alpha' FROM generate_series(1, 2000) AS i`)
	storetest.ExecPostgres(t, addr, `INSERT INTO factgraph_names (name, subject, source, pred, said) VALUES
		('alpha one', 'alpha', 's1', 'fg:alias', 'Alpha One'), ('alpine', 'alpine', 's1', 'fg:name', 'Alpine'),
		('beta', 'beta', 's1', 'fg:name', 'Beta')`)
	storetest.ExecPostgres(t, addr, `ANALYZE factgraph_names`)
	_, rd := openReader(t, addr)
	for max, want := range map[int][]string{-1: nil, 0: nil, 1: {"alpha"}, 2: {"alpha", "alpine"}, 3: {"alpha", "alpine"}} {
		got, ok, err := rd.NamesWithPrefix("alp", max)
		if !ok || err != nil || !slices.Equal(got, want) {
			t.Errorf("NamesWithPrefix(alp, %d) = %v, %v, %v; want %v", max, got, ok, err, want)
		}
	}
	var seq, read int64
	err := rd.tx.QueryRow(`SELECT pg_stat_get_xact_numscans('factgraph_names'::regclass),
		pg_stat_get_xact_tuples_returned('factgraph_names_name_subject'::regclass)`).Scan(&seq, &read)
	if err != nil {
		t.Fatal(err)
	}
	if seq != 0 || read > 20 {
		t.Errorf("names by their start read factgraph_names whole %d times and %d entries of its index; want none and a few", seq, read)
	}
}
