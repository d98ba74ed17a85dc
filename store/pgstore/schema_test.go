package pgstore

import (
	"database/sql"
	"errors"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/storetest"
	"github.com/lib/pq"
)

// quadsKeysWithoutIndex lists the columns of the quads table that a foreign key names
// and no index of the table over all its rows starts with (a partial index cannot serve
// the check of a key, whose query does not say the index's condition).
func quadsKeysWithoutIndex(t *testing.T, addr string) []string {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT a.attname FROM pg_constraint c
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.conrelid = 'quads'::regclass AND c.contype = 'f'
		AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.conrelid AND x.indkey[0] = c.conkey[1] AND x.indpred IS NULL)
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var col string
		if err := rows.Scan(&col); err != nil {
			t.Fatal(err)
		}
		out = append(out, col)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestQuadKeysIndexed checks that each column of the quads table that refers to the
// nodes table leads an index: deleting a node (a value no quad names any more, which
// every write that drops a value does) has PostgreSQL look for quads that still refer to
// it, through such an index or else by reading the whole table. Cayley's indexes lead
// with the subject, predicate and object, not the label. A store made by an earlier
// version gets the index at its next write.
func TestQuadKeysIndexed(t *testing.T) {
	addr := newStore(t)
	if got := quadsKeysWithoutIndex(t, addr); len(got) != 0 {
		t.Errorf("columns of quads with a foreign key and no index starting with them: %v", got)
	}
	storetest.ExecPostgres(t, addr, `DROP INDEX factgraph_quads_label`)
	if got := quadsKeysWithoutIndex(t, addr); !slices.Equal(got, []string{"label_hash"}) {
		t.Fatalf("after the index was dropped: %v, want [label_hash]", got)
	}
	w, err := Open(addr, false, true)
	if err != nil {
		t.Fatal(err)
	}
	w.QuadStore().Close()
	w.Close()
	if got := quadsKeysWithoutIndex(t, addr); len(got) != 0 {
		t.Errorf("columns of quads with a foreign key and no index starting with them, after opening for a write: %v", got)
	}
}

// quadIndexes lists the names of the indexes of the quads table at addr, each with its
// fill factor after a colon where it has one, and " partial" after those over some rows.
func quadIndexes(t *testing.T, addr string) []string {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var names []string
	if err := db.QueryRow(`SELECT array_agg(c.relname || coalesce(':' || substring(array_to_string(c.reloptions, ',') FROM 'fillfactor=([0-9]+)'), '')
			|| CASE WHEN x.indpred IS NULL THEN '' ELSE ' partial' END ORDER BY c.relname)
		FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
		WHERE x.indrelid = 'quads'::regclass`).Scan(pq.Array(&names)); err != nil {
		t.Fatal(err)
	}
	return names
}

// TestNewStoreIndexes checks the indexes of the quads of a new store: Cayley's but the ones
// by object, subject and predicate, by subject, predicate and object and by predicate,
// object and subject, its unique index of the labelled quads over every quad, the one by
// object filled as PostgreSQL fills an index by default (newStoreIndexesSQL), and
// factgraph's by label and by predicate alone. A store that Cayley made and wrote
// before factgraph first opened it keeps Cayley's whole, half-filled.
func TestNewStoreIndexes(t *testing.T) {
	want := []string{"factgraph_quads_label", "factgraph_quads_predicate", "ops_index", "quads_pkey", "spo_unique partial", "spol_unique"}
	if got := quadIndexes(t, newStore(t)); !slices.Equal(got, want) {
		t.Errorf("indexes of a new store's quads: %v, want %v", got, want)
	}

	addr := storeCayleyWrote(t)
	want = []string{"factgraph_quads_label", "ops_index:50", "osp_index:50", "pos_index:50", "quads_pkey", "spo_index:50", "spo_unique partial", "spol_unique partial"}
	if got := quadIndexes(t, addr); !slices.Equal(got, want) {
		t.Errorf("indexes of the quads of a store Cayley wrote first: %v, want %v", got, want)
	}
}

// storeCayleyWrote makes a store as Cayley makes one, writes a quad into it with Cayley,
// then opens it for a write with factgraph, and returns its address.
func storeCayleyWrote(t *testing.T) string {
	t.Helper()
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	if err := cgraph.InitQuadStore("postgres", addr, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := cgraph.NewQuadStore("postgres", addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = qs.ApplyDeltas([]cgraph.Delta{{Quad: quad.MakeIRI("a", "b", "c", "source/s"), Action: cgraph.Add}}, cgraph.IgnoreOpts{})
	qs.Close()
	if err != nil {
		t.Fatal(err)
	}
	w, err := Open(addr, false, true)
	if err != nil {
		t.Fatal(err)
	}
	w.QuadStore().Close()
	w.Close()
	return addr
}

// TestNewStoreKeepsQuadsApart checks that a new store, its unique index of the labelled
// quads made over every quad (newStoreIndexesSQL), refuses a quad it holds, with a label
// or without, as Cayley's partial indexes do, and takes a quad that differs from one it
// holds only by its label.
func TestNewStoreKeepsQuadsApart(t *testing.T) {
	addr := newStore(t)
	qs, err := cgraph.NewQuadStore("postgres", addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer qs.Close()
	add := func(q quad.Quad) error {
		return qs.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{})
	}
	for _, q := range []quad.Quad{quad.MakeIRI("a", "b", "c", "source/s"), quad.MakeIRI("a", "b", "c", "")} {
		if err := add(q); err != nil {
			t.Fatalf("first write of %v: %v", q, err)
		}
		if err := add(q); !errors.Is(err, cgraph.ErrQuadExists) {
			t.Errorf("second write of %v: %v, want %v", q, err, cgraph.ErrQuadExists)
		}
	}
	if err := add(quad.MakeIRI("a", "b", "c", "source/t")); err != nil {
		t.Errorf("a quad of another label: %v", err)
	}
}
