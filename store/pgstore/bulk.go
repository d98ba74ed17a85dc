package pgstore

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

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
// Cayley's writes send one INSERT per value and one per quad. The rows go in COPY's text
// format a chunk at a time (copy.go). Cayley's indexes and keys are built after the rows,
// with their own definitions. Most stores are loaded beside their tables, the indexes
// built from several connections at once, and put in their place in one transaction
// (bulk_aside.go); a store whose tables carry what that would lose is loaded within one
// transaction (loadInPlace). Either way, the load holds the schema lock alone, so that no
// other write runs beside it, and a load that fails leaves the database as it was.
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

// bulkNode is a value of a bulk load, with its hash, the hash as COPY's text format gives
// a bytea (written once a value, not once a quad that holds it), and its reference count.
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

// encodeSource asks src for its quads and hashes their values. An IRI is hashed once a
// source: a source's items, predicates, parties and label come again and again.
func encodeSource(src Source) encodedSource {
	qs := src.Quads()
	hs := make([]refs.ValueHash, 4*len(qs))
	iris := make(map[quad.IRI]refs.ValueHash, len(qs)/2)
	for i, q := range qs {
		for d, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			switch v := v.(type) {
			case nil:
			case quad.IRI:
				h, ok := iris[v]
				if !ok {
					h = refs.HashOf(v)
					iris[v] = h
				}
				hs[4*i+d] = h
			default:
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
// the number of distinct quads each holds; ErrNotNew when something was. The load holds
// the schema lock alone from start to end (in a transaction of a connection of its own,
// one more than the load's), so that no other write runs beside it.
func (db *DB) BulkLoad(ctx context.Context, sources []Source) ([]int, error) {
	pool, err := db.sqlDB()
	if err != nil {
		return nil, err
	}
	lock, err := holdSchemaLock(ctx, pool)
	if err != nil {
		return nil, err
	}
	defer lock.Rollback()
	// A store is new when nothing was ever written into it: emptied by removals, it is not.
	// Asked in the lock's transaction, so that a write into a store that is not new (every
	// write but the first) takes no second connection, and in a savepoint given up at once:
	// the tables it reads would otherwise stay locked until the transaction ends, and the
	// load, which puts its own in their place, would wait for it for ever.
	var fresh bool
	_, err = lock.ExecContext(ctx, `SAVEPOINT fresh`)
	if err == nil {
		err = lock.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM quads) AND NOT EXISTS (SELECT 1 FROM nodes)
		AND NOT EXISTS (SELECT 1 FROM factgraph_state WHERE written)`).Scan(&fresh)
	}
	if err == nil {
		_, err = lock.ExecContext(ctx, `ROLLBACK TO SAVEPOINT fresh`)
	}
	if err != nil {
		return nil, err
	}
	if !fresh {
		return nil, ErrNotNew
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	defer func() {
		// The setting belongs to the connection, which goes back to the pool: a connection
		// that cannot give it back is closed, which does.
		if _, err := conn.ExecContext(context.Background(), `RESET maintenance_work_mem`); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	// A store an earlier build made and never wrote gets a new store's indexes, which the
	// load then copies.
	if _, err := conn.ExecContext(ctx, newStoreIndexesSQL); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SET maintenance_work_mem = '256MB'`); err != nil {
		return nil, err
	}
	plan, err := planAside(ctx, conn)
	if err != nil {
		return nil, err
	}
	var unique []int
	var b *builders
	if plan != nil && Builders > 0 {
		// A server without connections to spare for the builders loads in place.
		b, _ = startBuilders(ctx, pool, Builders)
	}
	if b != nil {
		unique, err = loadAside(ctx, conn, b, plan, sources)
	} else {
		unique, err = loadInPlace(ctx, conn, sources)
	}
	if err != nil {
		return nil, err
	}
	return unique, db.qs.ApplyDeltas(nil, cgraphIgnore)
}

// inTx runs f in a transaction on conn and commits it if f succeeds. The transaction is
// the connection's own rather than a database/sql one, so that f may copy through the
// driver (copyText).
func inTx(ctx context.Context, conn *sql.Conn, f func() error) (err error) {
	if _, err := conn.ExecContext(ctx, `BEGIN`); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			if _, rerr := conn.ExecContext(context.Background(), `ROLLBACK`); rerr != nil {
				conn.Raw(func(any) error { return driver.ErrBadConn })
			}
		}
	}()
	if err := f(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `COMMIT`)
	return err
}

// bulkLoad holds the values of a bulk load and the entries of factgraph's indexes.
type bulkLoad struct {
	// the tables the load writes into
	quads, nodesTable, linksTable, namesTable, itemsTable string
	// freeze copies the rows frozen, their pages marked all-visible (copyTable): a load
	// beside the store (loadAside), whose tables nothing else uses yet. Index-only scans
	// then need not look at the tables from the first query on, and autovacuum has little
	// left to do: loaded without, the tables of 10,000 articles waited for autovacuum to
	// mark them, 28 s of its work beside the first queries (2.5 s with), for the same load
	// time (51.62 and 51.84 s against 51.68 and 53.00 s).
	freeze bool

	nodes  []bulkNode
	byHash map[refs.ValueHash]int32
	links  []bulkLink
	names  []nameEntry
	// items are the quads of the item table (items.go), and copied the number of quads
	// copied; firstNumber is the number (horizon) the first quad copied got.
	items       [][]bulkItemQuad
	copied      int64
	firstNumber int64
}

// copyTable copies the rows fill writes into the columns cols of table (copyText). A load
// that copies frozen empties the table first, in the same transaction: COPY takes FREEZE
// only into a table made or emptied in the transaction that copies.
func (l *bulkLoad) copyTable(ctx context.Context, conn *sql.Conn, table string, cols []string, fill func(w *textRows) error) error {
	stmt := pq.CopyIn(table, cols...)
	if l.freeze {
		if _, err := conn.ExecContext(ctx, `TRUNCATE `+pq.QuoteIdentifier(table)); err != nil {
			return err
		}
		stmt += " WITH (FREEZE)"
	}
	return copyText(ctx, conn, stmt, fill)
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
	l.nodes = append(l.nodes, bulkNode{hash: h, hex: `\\x` + hex.EncodeToString(h[:]), v: v})
	l.byHash[h] = n
	return n
}

// copyQuads copies the quads of every source into table quads, each distinct quad of a
// source once, and returns the number of distinct quads of each. Every quad gets the time
// of the load, as Cayley's writes give theirs the time of their transaction.
func (l *bulkLoad) copyQuads(ctx context.Context, conn *sql.Conn, sources []Source) ([]int, error) {
	var now time.Time
	if err := conn.QueryRowContext(ctx, `SELECT now()`).Scan(&now); err != nil {
		return nil, err
	}
	ts := pq.FormatTimestamp(now)
	cols := []string{"subject_hash", "predicate_hash", "object_hash", "label_hash", "ts"}
	if l.freeze {
		// In a table of the load's own (freeze), the time is the column's default for the
		// copy rather than a value of each row: the server read the time of each of the 4
		// million quads of 10,000 articles in 1.6 s of the 6.1 s their copy took it (psql,
		// the same rows). The default goes before the transaction ends, so that the table
		// keeps Cayley's columns.
		if _, err := conn.ExecContext(ctx, `ALTER TABLE `+pq.QuoteIdentifier(l.quads)+` ALTER ts SET DEFAULT `+pq.QuoteLiteral(string(ts))+`::timestamp`); err != nil {
			return nil, err
		}
		cols, ts = cols[:4], nil
	}
	uniques := make([]int, 0, len(sources))
	err := l.copyTable(ctx, conn, l.quads, cols, func(w *textRows) error {
		seen := map[[4]int32]bool{}
		// Sources are encoded a few ahead of the copy, on the other core.
		done := make(chan struct{})
		defer close(done)
		encoded := ahead.Of(len(sources), 4, func(i int) encodedSource { return encodeSource(sources[i]) }, done)
		for range sources {
			if err := ctx.Err(); err != nil {
				return err
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
				if l.isItemQuad(dirs) {
					if l.copied >= math.MaxInt32 {
						// The item table's quads are counted and placed by int32 (bulk_items.go).
						return fmt.Errorf("more than %d quads in one load", math.MaxInt32-1)
					}
					l.addItemQuad(bulkItemQuad{dirs, uint32(l.copied)})
				}
				l.copied++
				for d, x := range dirs {
					if d > 0 {
						w.buf = append(w.buf, '\t')
					}
					if x < 0 {
						w.buf = append(w.buf, `\N`...)
					} else {
						l.nodes[x].refs++
						w.buf = append(w.buf, l.nodes[x].hex...)
					}
				}
				if ts != nil {
					w.buf = append(w.buf, '\t')
					w.buf = append(w.buf, ts...)
				}
				if err := w.end(); err != nil {
					return err
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
		return nil
	})
	if err != nil {
		return nil, err
	}
	if l.freeze {
		if _, err := conn.ExecContext(ctx, `ALTER TABLE `+pq.QuoteIdentifier(l.quads)+` ALTER ts DROP DEFAULT`); err != nil {
			return nil, err
		}
	}
	return uniques, l.readFirstNumber(ctx, conn)
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

// copyNodes copies every value of the load into its table of values, in Cayley's columns.
func (l *bulkLoad) copyNodes(ctx context.Context, conn *sql.Conn) error {
	cols := []string{"hash", "refs", "value", "value_string", "datatype", "language", "iri", "bnode",
		"value_int", "value_bool", "value_float", "value_time"}
	at := map[string]int{}
	for i, c := range cols {
		at[c] = i
	}
	row := make([]any, len(cols))
	return l.copyTable(ctx, conn, l.nodesTable, cols, func(w *textRows) error {
		for i := range l.nodes {
			nd := &l.nodes[i]
			typ, values, err := csql.NodeValues(csql.NodeHash{ValueHash: nd.hash}, nd.v)
			if err != nil {
				return fmt.Errorf("encode value %s: %w", nd.v, err)
			}
			clear(row)
			row[0], row[1] = values[0], nd.refs
			for k, c := range typ.Columns() {
				row[at[c]] = values[k+1]
			}
			for k, v := range row {
				if k > 0 {
					w.buf = append(w.buf, '\t')
				}
				if w.buf, err = appendValue(w.buf, v); err != nil {
					return fmt.Errorf("encode value %s: %w", nd.v, err)
				}
			}
			if err := w.end(); err != nil {
				return err
			}
		}
		return nil
	})
}

// copyIndexes copies the entries of factgraph's indexes, each once.
func (l *bulkLoad) copyIndexes(ctx context.Context, conn *sql.Conn) error {
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
	// The entries by item and source, a row each (linklines.go).
	slices.SortFunc(l.links, func(a, b bulkLink) int {
		return cmp.Or(cmp.Compare(a.item, b.item), cmp.Compare(a.label, b.label))
	})
	var lines []string
	err := l.copyTable(ctx, conn, l.linksTable, []string{"item", "source", "kind", "lines"}, func(w *textRows) error {
		for i := 0; i < len(l.links); {
			j := i + 1
			for j < len(l.links) && l.links[j].item == l.links[i].item && l.links[j].label == l.links[i].label {
				j++
			}
			lines = lines[:0]
			for _, k := range l.links[i:j] {
				lines = append(lines, entryLine(k.at, text(k.mid), text(k.other)))
			}
			slices.Sort(lines)
			lines = slices.Compact(lines)
			kind, joined := linesRow(lines)
			w.buf = appendText(w.buf, text(l.links[i].item))
			w.buf = append(w.buf, '\t')
			w.buf = appendText(w.buf, strings.TrimPrefix(text(l.links[i].label), model.SourcePrefix))
			w.buf = append(w.buf, '\t')
			w.buf = appendText(w.buf, kind)
			w.buf = append(w.buf, '\t')
			w.buf = appendText(w.buf, joined)
			if err := w.end(); err != nil {
				return err
			}
			i = j
		}
		return nil
	})
	l.links = nil
	if err != nil || len(l.names) == 0 {
		return err
	}
	return l.copyTable(ctx, conn, l.namesTable, []string{"name", "subject", "source", "pred", "said"}, func(w *textRows) error {
		for _, r := range l.names {
			for k, v := range r {
				if k > 0 {
					w.buf = append(w.buf, '\t')
				}
				w.buf = appendText(w.buf, v)
			}
			if err := w.end(); err != nil {
				return err
			}
		}
		return nil
	})
}
