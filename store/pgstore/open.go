package pgstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// DB is a PostgreSQL database holding a Cayley SQL quad store, with factgraph's own
// tables beside Cayley's (schema.go).
type DB struct {
	qs   cgraph.QuadStore
	addr string
	// db is factgraph's own connection pool, for what it reads and writes without Cayley;
	// opened on first use.
	db *sql.DB
	// hasState says that factgraph's tables were found in the store (sqlDB, Begin).
	hasState atomic.Bool
	// older says that a Reader found factgraph's tables in the layout of an earlier
	// version (OlderTables).
	older atomic.Bool
	// readOnly says that the store was opened to read, so that a database without
	// Cayley's tables holds no store.
	readOnly bool
	// binary says that the connections of db send []byte parameters as they are (set
	// with db).
	binary bool
}

// sqlDB returns factgraph's connection pool to the database, connected: a server that
// cannot be reached, or refuses the login, is an error that says so (describe) at the
// first use, and so is a database opened to read that holds no store.
func (db *DB) sqlDB() (*sql.DB, error) {
	if db.db == nil {
		cs := connString(db.addr)
		connector, err := pq.NewConnector(cs)
		var conn *sql.DB
		var quads, state sql.NullString
		if err == nil {
			connector.Dialer(dialer)
			conn = sql.OpenDB(connector)
			// Whether factgraph's tables are there too, for Begin: the first Reader of
			// the process then asks for their state at once, one round trip sooner.
			err = conn.QueryRow(`SELECT to_regclass('quads')::text, to_regclass('factgraph_state')::text`).Scan(&quads, &state)
		}
		if err == nil && state.Valid {
			db.hasState.Store(true)
		}
		if err != nil {
			err = describe(db.addr, err)
		} else if !quads.Valid && db.readOnly {
			err = errNoStore(db.addr)
		}
		if err != nil {
			if conn != nil {
				conn.Close()
			}
			return nil, err
		}
		db.db = conn
		db.binary = sendsBinary(cs)
	}
	return db.db, nil
}

// Close closes factgraph's connections to the database (Cayley's quad store closes its
// own).
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	err := db.db.Close()
	db.db = nil
	return err
}

// Open opens the store in the PostgreSQL database at addr (a postgres:// URL), creating
// Cayley's tables first when create is set. A store opened to write (write) must not be a
// read-only replica.
//
// Nothing but Cayley's quad store connects on its own, and that only when something needs
// it (lazyQuadStore): factgraph reads and writes through its own connection, which opening
// to write also checks the server and the tables with. Each connection is a process the
// server starts and a login, 11 to 15 ms on the machine of December 2026: with five (the
// check for a replica, the creation of the tables, Cayley's quad store, factgraph's own),
// re-ingesting one article of 10,000 took 0.24 to 0.26 s, with one 0.16 to 0.19 s.
func Open(addr string, create, write bool) (*DB, error) {
	db := &DB{addr: addr, qs: &lazyQuadStore{addr: addr}, readOnly: !write}
	if !write {
		// Read-only: nothing connects before it reads, and then through one connection,
		// factgraph's for its reads and Cayley's for Gizmo's (either logs in, about 10 ms).
		return db, nil
	}
	conn, err := db.sqlDB()
	if err != nil {
		return nil, err
	}
	if err := checkPrimary(conn, addr); err != nil {
		db.Close()
		return nil, err
	}
	// A store written before factgraph kept indexes in it gets their tables.
	if err := initOnce(conn, addr, create); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// QuadStore is Cayley's quad store on the database; on a store opened read-only, it
// connects on first use.
func (db *DB) QuadStore() cgraph.QuadStore { return db.qs }

// Cayley is Cayley's quad store on the database itself, connected, for what builds its
// shapes on it.
func (db *DB) Cayley() (cgraph.QuadStore, error) {
	if l, ok := db.qs.(*lazyQuadStore); ok {
		return l.get()
	}
	return db.qs, nil
}

// ReadAll reads every quad of the store with two queries in one read-only transaction.
func (db *DB) ReadAll(ctx context.Context) (*model.Table, error) {
	conn, err := db.sqlDB()
	if err != nil {
		return nil, err
	}
	return readPostgres(ctx, conn, db.addr)
}

// open opens Cayley's quad store on a database whose tables exist.
func open(addr string) (cgraph.QuadStore, error) {
	qs, err := cgraph.NewQuadStore("postgres", connString(addr), nil)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		return nil, errNoStore(addr)
	}
	if err != nil {
		return nil, describe(addr, err)
	}
	return qs, nil
}

// connString is the URL addr with what factgraph's connections need of the driver: a
// statement with parameters sent as one request (binary_parameters, which sends []byte
// parameters, the hashes of values, as they are), where lib/pq otherwise sends one to
// prepare it and another, after the server's answer, to run it. A connection pooler in
// transaction mode may hand those two to different server connections, on which the
// second runs another client's statement or none (Cayley's queries, outside a
// transaction: "bind message supplies 3 parameters, but prepared statement "" requires
// 1"); it is a round trip less besides. A URL that sets binary_parameters keeps it.
func connString(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return addr // the driver says what is wrong with it
	}
	q := u.Query()
	if q.Has("binary_parameters") {
		return addr
	}
	q.Set("binary_parameters", "yes")
	u.RawQuery = q.Encode()
	return u.String()
}

// errNoStore says that there is no store at addr, and how to make one.
func errNoStore(addr string) error {
	return fmt.Errorf("no store at %q; ingest facts first: factgraph ingest FILE", Redact(addr))
}

// Redact hides a password in a database URL before it goes into a message.
func Redact(addr string) string {
	at := strings.LastIndex(addr, "@")
	scheme := strings.Index(addr, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return addr
	}
	userinfo := addr[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return addr[:scheme+3] + userinfo[:i] + ":xxxxx" + addr[at:]
	}
	return addr
}

// describe turns an error of connecting to PostgreSQL into one sentence that says where
// and what went wrong, without the password: what the server said, or why it could not be
// reached. The error it wraps stays reachable through errors.Is and errors.As.
func describe(addr string, err error) error {
	where := addr
	if u, perr := url.Parse(addr); perr == nil && u.Host != "" {
		where = u.Host
		if u.Port() == "" {
			where += ":5432"
		}
	}
	var pqErr *pq.Error
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var msg string
	switch {
	case errors.As(err, &pqErr) && pqErr.Code == "28P01":
		msg = fmt.Sprintf("%s (PostgreSQL at %s); check the user and password in the store's URL", pqErr.Message, where)
	case errors.As(err, &pqErr):
		msg = fmt.Sprintf("PostgreSQL at %s refused: %s", where, pqErr.Message)
	case errors.Is(err, pq.ErrSSLNotSupported):
		msg = fmt.Sprintf("PostgreSQL at %s does not accept SSL, which a store's URL asks for unless it says otherwise; on a network you trust, add sslmode=disable to the URL (postgres://USER@HOST/DB?sslmode=disable)", where)
	case errors.As(err, &dnsErr):
		msg = fmt.Sprintf("cannot reach PostgreSQL at %s (unknown host %q)", where, dnsErr.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		msg = fmt.Sprintf("cannot reach PostgreSQL at %s (connection refused); is the server running there?", where)
	case errors.As(err, &opErr):
		msg = fmt.Sprintf("cannot reach PostgreSQL at %s (%v)", where, opErr.Err)
	default:
		msg = fmt.Sprintf("open store %q: %v", Redact(addr), err)
	}
	return &connError{msg: msg, err: err}
}

// connError is an error describe said in its own words.
type connError struct {
	msg string
	err error
}

func (e *connError) Error() string { return e.msg }
func (e *connError) Unwrap() error { return e.err }

// schemaLock is the key of the advisory lock under which a store's tables are created.
const schemaLock = 0x66616374 // "fact"

// holdSchemaLock begins a transaction that holds the schema lock alone until it ends. A
// lock of the transaction, never of the session: a connection pooler in transaction mode
// hands each transaction of a client to whichever server connection is free, so a
// session's lock taken in one transaction and given back in the next could stay with a
// server connection that another client gets, and every writer after it waited for ever.
func holdSchemaLock(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d)`, schemaLock)); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// initOnce creates Cayley's tables (when cayley is set) and factgraph's unless they exist,
// in one transaction that holds the schema lock: several writers that open a new database
// at once would otherwise create the same tables and types side by side, and all but one
// fail on PostgreSQL's own catalogue ("duplicate key value violates unique constraint
// pg_type_typname_nsp_index"). Without cayley, a database without Cayley's tables is an
// error that says there is no store.
func initOnce(db *sql.DB, addr string, cayley bool) error {
	ctx := context.Background()
	tx, err := holdSchemaLock(ctx, db)
	if err != nil {
		return describe(addr, err)
	}
	defer tx.Rollback()
	var quads sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('quads')::text`).Scan(&quads); err != nil {
		return describe(addr, err)
	}
	switch {
	case !quads.Valid && !cayley:
		return errNoStore(addr)
	case !quads.Valid:
		// Cayley's tables, through Cayley (a connection of its own), in a new database
		// only. This transaction looked for them before they were made, and keeps that
		// view of the catalogue: factgraph's tables go in through a transaction of
		// another connection, while this one holds the lock.
		err = cgraph.InitQuadStore("postgres", connString(addr), nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return describe(addr, err)
		}
		other, err := db.BeginTx(ctx, nil)
		if err != nil {
			return describe(addr, err)
		}
		defer other.Rollback()
		return createSchema(ctx, other, addr)
	}
	return createSchema(ctx, tx, addr)
}

// createSchema makes factgraph's tables in tx (ensureSchema) and commits it.
func createSchema(ctx context.Context, tx *sql.Tx, addr string) error {
	err := ensureSchema(ctx, tx)
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return fmt.Errorf("create factgraph's tables in store %q: %w", Redact(addr), err)
	}
	return nil
}

// checkPrimary returns an error when the server at addr, which db connects to, is a hot
// standby, which can answer reads but takes no write: it says where to send writes
// instead of the server's "cannot set transaction read-write mode during recovery" in the
// middle of one.
func checkPrimary(db *sql.DB, addr string) error {
	var standby bool
	if err := db.QueryRow("SELECT pg_is_in_recovery()").Scan(&standby); err != nil {
		return describe(addr, err)
	}
	if standby {
		return fmt.Errorf("the store %q is on a read-only replica; it answers queries and exports, but writes go to the primary server", Redact(addr))
	}
	return nil
}

// Empty says whether the store holds no quad.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	conn, err := db.sqlDB()
	if err != nil {
		return false, err
	}
	var empty bool
	err = conn.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM quads)`).Scan(&empty)
	return empty, err
}
