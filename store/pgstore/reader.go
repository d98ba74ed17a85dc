package pgstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// Reader answers the targeted reads of a walk (the store's walk*.go, around.go,
// between.go, sketch.go) in one read-only snapshot of the database: names, links, kinds,
// dates and items' quads with their values from factgraph's tables when they cover the
// store, else from Cayley's tables through their indexes. Each read is one round trip;
// Preload reads the links of many items, and PreloadItems the quads of many subjects, in
// one. Its methods that return no error keep the first error they meet for Err, and
// answer nothing after it. Close ends the snapshot.
type Reader struct {
	ctx   context.Context
	tx    *sql.Tx
	links bool
	err   error
	stmts map[string]*sql.Stmt
	// cached are the entries of the link index read ahead (Preload), by item.
	cached map[string]*itemEntries
	// items are the quads of subjects read ahead (PreloadItems), by subject.
	items map[quad.IRI][]quad.Quad
	// firsts are the first objects of subjects and predicates read ahead (PreloadFirst);
	// nil for none.
	firsts map[[2]quad.Value]quad.Value
	// with are the quads of subjects with some predicates read ahead (PreloadQuadsWith),
	// by subject.
	with map[quad.IRI]quadsWith
	// objects are the objects of subjects and a predicate read ahead (PreloadObjects).
	objects map[[2]quad.Value][]quad.Value
	// kinds are the kinds of items read ahead (PreloadKinds), "" for none.
	kinds map[string]string
	// firstLinked are the answers of FirstLinked, by item.
	firstLinked map[quad.IRI]firstsOf
	strs        map[string]string
	// values are the values of hashes read so far (readValues), by hash.
	values map[string]quad.Value
	// found is the buffer of the rows hashedQuads reads, kept for its next call.
	found []hashedQuad
	// lines is the buffer of the lines entries sorts, kept for its next call.
	lines []string
	// binary says that the connection sends []byte parameters as they are (array).
	binary bool
}

// itemEntries are what the link index lists under an item: the ends of its links, each
// once, in key order; its kind and date as the first source gives them.
type itemEntries struct {
	ends       []model.LinkEnd
	kind, date string
	// rows are the texts of its rows as a statement read them, until entries makes them
	// into the entries above.
	rows []string
}

// Begin opens a Reader.
func (db *DB) Begin(ctx context.Context) (*Reader, error) { return db.BeginIn(ctx, "") }

// BeginIn opens a Reader in the snapshot whose identifier is snapshot (a View's), or in a
// snapshot of its own when it is "".
func (db *DB) BeginIn(ctx context.Context, snapshot string) (*Reader, error) {
	conn, err := db.sqlDB()
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err == nil && snapshot != "" {
		if _, err = tx.ExecContext(ctx, `SET TRANSACTION SNAPSHOT `+pq.QuoteLiteral(snapshot)); err != nil {
			tx.Rollback()
		}
	}
	if err != nil {
		return nil, fmt.Errorf("read store %q: %w", Redact(db.addr), err)
	}
	rd := &Reader{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, cached: map[string]*itemEntries{},
		items: map[quad.IRI][]quad.Quad{}, firsts: map[[2]quad.Value]quad.Value{}, with: map[quad.IRI]quadsWith{}, kinds: map[string]string{}, firstLinked: map[quad.IRI]firstsOf{},
		objects: map[[2]quad.Value][]quad.Value{},
		strs:    map[string]string{}, values: map[string]quad.Value{}, binary: db.binary}
	var set [5]string
	var version sql.NullInt64
	var fresh sql.NullBool
	if !db.hasState.Load() {
		// A store written before factgraph kept indexes in it has no state: a Reader
		// looks, unless the login (sqlDB) or a Reader before it found the table, and
		// the next ones of the process read the state right away.
		var state sql.NullString
		err = tx.QueryRowContext(ctx, `SELECT `+plannerSettings+`to_regclass('factgraph_state')::text`).Scan(&set[0], &set[1], &set[2], &set[3], &set[4], &state)
		if err == nil && state.Valid {
			db.hasState.Store(true)
			err = tx.QueryRowContext(ctx, `SELECT version, fresh FROM (SELECT 1) AS one LEFT JOIN factgraph_state ON true LIMIT 1`).Scan(&version, &fresh)
		}
	} else {
		err = tx.QueryRowContext(ctx, `SELECT `+plannerSettings+`version, fresh FROM (SELECT 1) AS one LEFT JOIN factgraph_state ON true LIMIT 1`).Scan(&set[0], &set[1], &set[2], &set[3], &set[4], &version, &fresh)
	}
	rd.links = err == nil && fresh.Bool && version.Int64 == indexVersionInt
	if err == nil && version.Valid && version.Int64 < indexVersionInt {
		db.older.Store(true)
	}
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("read store %q: %w", Redact(db.addr), err)
	}
	return rd, nil
}

// OlderTables says whether a Reader found factgraph's tables in the layout of an earlier
// version of factgraph: it then read Cayley's tables instead, until the next write builds
// them again (indexVersion).
func (db *DB) OlderTables() bool { return db.older.Load() }

// plannerSettings are the columns of a query that set how PostgreSQL plans the Reader's
// queries, for its transaction. Every one of them reads a few runs of keys through an
// index and looks their values up by hash, but the planner cannot count the keys of an
// array parameter and guesses thousands of rows: it would hash a scan of the whole nodes
// table (150 ms at 10,000 articles for a query that finds no row), start parallel workers
// and compile the query (JIT) for longer than it runs. Each statement is planned once, for
// any parameters: planned for the arrays given, a query of a thousand items spent 6 to 9 ms
// estimating how many rows each element finds (0.5 ms planned once), for the same plan.
const plannerSettings = `set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
	set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
	set_config('plan_cache_mode', 'force_generic_plan', true), `

// Close ends the Reader's snapshot.
func (rd *Reader) Close() {
	if rd.tx != nil {
		for _, st := range rd.stmts {
			st.Close()
		}
		rd.tx.Rollback()
		rd.tx = nil
	}
}

// Err is the first error a read met.
func (rd *Reader) Err() error { return rd.err }

func (rd *Reader) fail(err error) {
	if rd.err == nil && err != nil {
		rd.err = fmt.Errorf("read store: %w", err)
	}
}

// query runs the query q, prepared once per Reader.
func (rd *Reader) query(q string, args ...any) (*sql.Rows, error) {
	if rd.err != nil {
		return nil, rd.err
	}
	statements.Add(1)
	st, ok := rd.stmts[q]
	if !ok {
		var err error
		if st, err = rd.tx.PrepareContext(rd.ctx, q); err != nil {
			return nil, err
		}
		rd.stmts[q] = st
	}
	return st.QueryContext(rd.ctx, args...)
}

// statements counts the statements the Readers of this process ran (Statements).
var statements atomic.Int64

// Statements returns how many statements the Readers of this process have run: a test
// bounds the round trips of a read with it.
func Statements() int64 { return statements.Load() }

// Intern returns b as a string, the same string for the same text throughout the Reader.
func (rd *Reader) intern(s string) string {
	if t, ok := rd.strs[s]; ok {
		return t
	}
	rd.strs[s] = s
	return s
}

// HasLinks says whether factgraph's indexes cover the store, so that the link methods
// (ItemLinks, Incoming, Kind, FirstLinked) and Names answer.
func (rd *Reader) HasLinks() bool { return rd.links }

// HasIndex says whether Cayley's tables have an index whose columns start with dirs: its
// quads are indexed by subject, predicate and object (spo), object, predicate and subject
// (ops), predicate, object and subject (pos) and object, subject and predicate (osp).
func (rd *Reader) HasIndex(dirs ...quad.Direction) (bool, error) {
	var b strings.Builder
	for _, d := range dirs {
		b.WriteByte(d.Prefix())
	}
	for _, ind := range []string{"spo", "ops", "pos", "osp"} {
		if strings.HasPrefix(ind, b.String()) {
			return true, nil
		}
	}
	return false, nil
}
