package pgstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/internal/ahead"
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// The first write into a new PostgreSQL store is loaded in bulk: factgraph fills Cayley's
// tables itself with COPY, each value under Cayley's hash and in Cayley's columns
// (graph/sql's NodeValues, the function Cayley's own writes use), with its reference count
// (the number of quad directions that hold it), and each quad as four hashes, where
// Cayley's writes send one INSERT per value and one per quad. Cayley's indexes and foreign
// keys on the quads are dropped for the load and made again, with their own definitions,
// from the filled table. It is all one transaction, under the schema lock held alone: a
// load that fails leaves the database as it was, and no other write runs beside it.
// Cayley reads the store as its own afterwards, and later writes go through deltas
// (write.go).

// BulkLoading says whether the first write into a new store is loaded in bulk; false
// sends every write through deltas, so that checks can compare the two.
var BulkLoading = true

// Source is what BulkLoad writes of a source: its id, and its quads, asked for once when
// the load reaches the source, so that a large load holds the quads of one source at a time.
type Source struct {
	ID    string
	Quads func() []quad.Quad
}

// ErrNotNew is returned by BulkLoad when the store was written before: write through
// deltas instead.
var ErrNotNew = errors.New("the store was written before")

// bulkNode is a value of a bulk load, with its hash, the hash as COPY's text gives a bytea
// (written once a value, not once a quad that holds it), and its reference count.
type bulkNode struct {
	hash refs.ValueHash
	hex  string
	v    quad.Value
	refs int64
}

// encodedSource is a source's quads and the hashes of their values, four a quad (the zero
// hash for a missing value), computed ahead of the copy.
type encodedSource struct {
	quads  []quad.Quad
	hashes []refs.ValueHash
}

// encodeSource asks src for its quads and hashes their values.
func encodeSource(src Source) encodedSource {
	qs := src.Quads()
	hs := make([]refs.ValueHash, 4*len(qs))
	for i, q := range qs {
		for d, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v != nil {
				hs[4*i+d] = refs.HashOf(v)
			}
		}
	}
	return encodedSource{qs, hs}
}

// bulkLink is an entry of the link index: the nodes of its parts (-1 for none) and its end.
type bulkLink struct {
	item, mid, other, label int32
	at                      byte
}

// BulkLoad writes sources into the store if nothing was ever written into it, and returns
// the number of distinct quads each holds; ErrNotNew when something was.
func (db *DB) BulkLoad(ctx context.Context, sources []Source) ([]int, error) {
	conn, err := db.sqlDB()
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var fresh bool
	if _, err = tx.ExecContext(ctx, `SELECT set_config('factgraph.writing', 'on', true), pg_advisory_xact_lock($1)`, schemaLock); err == nil {
		// A store is new when nothing was ever written into it: emptied by removals, it
		// is not.
		err = tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM quads) AND NOT EXISTS (SELECT 1 FROM nodes)
			AND NOT EXISTS (SELECT 1 FROM factgraph_state WHERE written)`).Scan(&fresh)
	}
	if err != nil {
		return nil, err
	}
	if !fresh {
		return nil, ErrNotNew
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
		return nil, err
	}
	var restore []string
	for _, table := range []string{"quads", "factgraph_links", "factgraph_names"} {
		more, err := dropIndexes(ctx, tx, table)
		if err != nil {
			return nil, fmt.Errorf("drop the indexes of %s for the load: %w", table, err)
		}
		restore = append(restore, more...)
	}
	l := &bulkLoad{byHash: map[refs.ValueHash]int32{}}
	unique, err := l.copyQuads(ctx, tx, sources)
	if err != nil {
		return nil, err
	}
	if err := l.copyNodes(ctx, tx); err != nil {
		return nil, err
	}
	if err := l.copyIndexes(ctx, tx); err != nil {
		return nil, fmt.Errorf("write factgraph's indexes: %w", err)
	}
	for _, stmt := range restore {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return nil, fmt.Errorf("make the indexes again: %s: %w", stmt, err)
		}
	}
	if err := beforeCommit(); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE factgraph_state SET fresh = true, written = true, version = `+indexVersion+`;
		ANALYZE nodes; ANALYZE quads; ANALYZE factgraph_links; ANALYZE factgraph_names`); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return unique, db.qs.ApplyDeltas(nil, cgraphIgnore)
}

// dropIndexes drops the indexes and foreign keys of table but its primary key, in tx, and
// returns the statements that make them again as they were.
func dropIndexes(ctx context.Context, tx *sql.Tx, table string) (restore []string, err error) {
	type def struct{ name, def string }
	read := func(query string) ([]def, error) {
		rows, err := tx.QueryContext(ctx, query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []def
		for rows.Next() {
			var d def
			if err := rows.Scan(&d.name, &d.def); err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		return out, rows.Err()
	}
	fks, err := read(`SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = '` + table + `'::regclass AND contype = 'f' ORDER BY conname`)
	if err != nil {
		return nil, err
	}
	idx, err := read(`SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
		WHERE x.indrelid = '` + table + `'::regclass AND NOT x.indisprimary ORDER BY i.relname`)
	if err != nil {
		return nil, err
	}
	for _, fk := range fks {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE `+table+` DROP CONSTRAINT `+pq.QuoteIdentifier(fk.name)); err != nil {
			return nil, err
		}
	}
	for _, ix := range idx {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+pq.QuoteIdentifier(ix.name)); err != nil {
			return nil, err
		}
		restore = append(restore, ix.def)
	}
	for _, fk := range fks {
		restore = append(restore, `ALTER TABLE `+table+` ADD CONSTRAINT `+pq.QuoteIdentifier(fk.name)+` `+fk.def)
	}
	return restore, nil
}

// bulkLoad holds the values of a bulk load and the entries of factgraph's indexes.
type bulkLoad struct {
	nodes  []bulkNode
	byHash map[refs.ValueHash]int32
	links  []bulkLink
	names  []nameEntry
}

// node returns the index of v, whose hash is h, among the load's nodes, adding it if new.
func (l *bulkLoad) node(v quad.Value, h refs.ValueHash) int32 {
	if v == nil {
		return -1
	}
	if n, ok := l.byHash[h]; ok {
		return n
	}
	n := int32(len(l.nodes))
	l.nodes = append(l.nodes, bulkNode{hash: h, hex: `\x` + hex.EncodeToString(h[:]), v: v})
	l.byHash[h] = n
	return n
}

// copyQuads copies the quads of every source into table quads, each distinct quad of a
// source once, and returns the number of distinct quads of each.
func (l *bulkLoad) copyQuads(ctx context.Context, tx *sql.Tx, sources []Source) ([]int, error) {
	var now any
	if err := tx.QueryRowContext(ctx, `SELECT now()`).Scan(&now); err != nil {
		return nil, err
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("quads", "subject_hash", "predicate_hash", "object_hash", "label_hash", "ts"))
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	uniques := make([]int, 0, len(sources))
	seen := map[[4]int32]bool{}
	row := make([]any, 5)
	// Sources are encoded a few ahead of the copy, on the other core.
	done := make(chan struct{})
	defer close(done)
	encoded := ahead.Of(len(sources), 4, func(i int) encodedSource { return encodeSource(sources[i]) }, done)
	for range sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		clear(seen)
		n := 0
		src := <-encoded
		for i, q := range src.quads {
			var dirs [4]int32
			for d, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				dirs[d] = l.node(v, src.hashes[4*i+d])
			}
			if seen[dirs] {
				continue
			}
			seen[dirs] = true
			n++
			for d, x := range dirs {
				if x < 0 {
					row[d] = nil
					continue
				}
				l.nodes[x].refs++
				row[d] = l.nodes[x].hex
			}
			row[4] = now
			if _, err := stmt.ExecContext(ctx, row...); err != nil {
				return nil, err
			}
			for _, at := range model.LinkEnds(q) {
				l.links = append(l.links, newBulkLink(dirs, at))
			}
			if name, subj, ok := model.NameQuad(q); ok {
				l.names = append(l.names, nameRow(name, subj, q))
			}
		}
		uniques = append(uniques, n)
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return nil, err
	}
	return uniques, nil
}

// newBulkLink is the entry under end at of the quad whose nodes are dirs.
func newBulkLink(dirs [4]int32, at byte) bulkLink {
	switch at {
	case model.LinkIn:
		return bulkLink{item: dirs[2], mid: dirs[1], other: dirs[0], label: dirs[3], at: at}
	case model.LinkKind, model.LinkDate:
		return bulkLink{item: dirs[0], mid: dirs[2], other: -1, label: dirs[3], at: at}
	}
	return bulkLink{item: dirs[0], mid: dirs[1], other: dirs[2], label: dirs[3], at: at}
}

// copyNodes copies every value of the load into table nodes, in Cayley's columns.
func (l *bulkLoad) copyNodes(ctx context.Context, tx *sql.Tx) error {
	cols := []string{"hash", "refs", "value", "value_string", "datatype", "language", "iri", "bnode",
		"value_int", "value_bool", "value_float", "value_time"}
	at := map[string]int{}
	for i, c := range cols {
		at[c] = i
	}
	var ferr error
	row := make([]any, len(cols))
	err := copyRows(ctx, tx, pq.CopyIn("nodes", cols...), len(l.nodes), func(i int) []any {
		nd := &l.nodes[i]
		typ, values, err := csql.NodeValues(csql.NodeHash{ValueHash: nd.hash}, nd.v)
		if err != nil {
			ferr = fmt.Errorf("encode value %s: %w", nd.v, err)
			return nil
		}
		clear(row)
		row[0], row[1] = values[0], nd.refs
		for k, c := range typ.Columns() {
			row[at[c]] = values[k+1]
		}
		return row
	})
	if ferr != nil {
		return ferr
	}
	return err
}

// copyIndexes copies the entries of factgraph's indexes, each once.
func (l *bulkLoad) copyIndexes(ctx context.Context, tx *sql.Tx) error {
	text := func(n int32) string {
		if n < 0 {
			return ""
		}
		switch v := l.nodes[n].v.(type) {
		case quad.IRI:
			return string(v)
		case quad.String:
			return string(v)
		case quad.TypedString:
			return string(v.Value)
		}
		return ""
	}
	slices.SortFunc(l.links, func(a, b bulkLink) int {
		return cmp.Or(cmp.Compare(a.item, b.item), cmp.Compare(a.at, b.at), cmp.Compare(a.mid, b.mid),
			cmp.Compare(a.other, b.other), cmp.Compare(a.label, b.label))
	})
	l.links = slices.Compact(l.links)
	err := copyRows(ctx, tx, pq.CopyIn("factgraph_links", "item", "at", "mid", "other", "source"), len(l.links), func(i int) []any {
		k := l.links[i]
		return []any{text(k.item), string(k.at), text(k.mid), text(k.other), strings.TrimPrefix(text(k.label), model.SourcePrefix)}
	})
	l.links = nil
	if err != nil {
		return err
	}
	return copyIndexRows(ctx, tx, l.names, nil)
}
