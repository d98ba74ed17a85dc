package pgstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/lib/pq"
)

// Cayley's quad store seen in one snapshot of the database (View), for the Gizmo queries
// of a snapshot of the store. Cayley reads through connections of its own, a statement a
// transaction, and a Gizmo query is many statements: a write committed between two of them
// would show a source old in one part of its answer and new in another. A View's
// connections each read in one read-only transaction that imports the same snapshot
// (SET TRANSACTION SNAPSHOT): a Reader's, or the one its first connection exports.

// viewDriver is the name of the database/sql driver, and of Cayley's SQL flavour, that
// connect a View's connections.
const viewDriver = "factgraph-postgres-view"

// viewIdle is the most connections a View keeps idle: all it opens, as the first one's
// transaction holds the snapshot the others import when no Reader exported it.
const viewIdle = 1 << 10

func init() {
	sql.Register(viewDriver, viewSQLDriver{})
	// Cayley's PostgreSQL flavour (graph/sql/postgres), on the View's driver.
	csql.Register(viewDriver, csql.Registration{
		Driver:             viewDriver,
		HashType:           `BYTEA`,
		BytesType:          `BYTEA`,
		HorizonType:        `BIGSERIAL`,
		TimeType:           `timestamp with time zone`,
		QueryDialect:       postgres.QueryDialect,
		ConditionalIndexes: true,
		FillFactor:         true,
		Error:              postgres.ConvError,
		Estimated: func(table string) string {
			return "SELECT reltuples::BIGINT AS estimate FROM pg_class WHERE relname='" + table + "';"
		},
		RunTx: postgres.RunTxPostgres,
	})
}

// A View is Cayley's quad store on the database, every read of which sees one snapshot.
// It is for reading: the transactions are read-only.
type View struct {
	qs   cgraph.QuadStore
	base driver.Connector
	mu   sync.Mutex
	// snapshot is the snapshot each connection imports; "" until the first connection
	// exports its own, when no Reader gave one.
	snapshot string
}

var (
	// opening are the Views being opened, by the key Cayley is given as their address:
	// Cayley opens its connection pool from an address, which the View's driver looks up
	// (the View's connector holds the server's URL).
	opening sync.Map
	viewSeq atomic.Int64
)

// View opens Cayley's quad store on the database in one snapshot: rd's, when rd is not
// nil, else the snapshot of the View's first connection. Close ends it.
func (db *DB) View(ctx context.Context, rd *Reader) (*View, error) {
	v := &View{}
	if rd != nil {
		if rd.err != nil {
			return nil, rd.err
		}
		if err := rd.tx.QueryRowContext(ctx, `SELECT pg_export_snapshot()`).Scan(&v.snapshot); err != nil {
			return nil, fmt.Errorf("read store %q: %w", Redact(db.addr), err)
		}
	}
	base, err := pq.NewConnector(connString(db.addr))
	if err != nil {
		return nil, describe(db.addr, err)
	}
	base.Dialer(dialer)
	v.base = base
	key := "view" + strconv.FormatInt(viewSeq.Add(1), 10)
	opening.Store(key, v)
	defer opening.Delete(key) // the pool has its connector once open
	qs, err := cgraph.NewQuadStore(viewDriver, key, cgraph.Options{"maxidleconnections": viewIdle})
	if errors.Is(err, cgraph.ErrNotInitialized) {
		return nil, errNoStore(db.addr)
	}
	if err != nil {
		return nil, describe(db.addr, err)
	}
	v.qs = qs
	return v, nil
}

// QuadStore is the View's quad store.
func (v *View) QuadStore() cgraph.QuadStore { return v.qs }

// Snapshot is the identifier of the snapshot the View reads, for a Reader to import
// (BeginIn).
func (v *View) Snapshot() string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.snapshot
}

// Close closes the View's connections, which ends their transactions.
func (v *View) Close() error { return v.qs.Close() }

// Connect connects a connection of the View and begins its read-only transaction in the
// View's snapshot, one at a time: the first exports the snapshot the others import, unless
// a Reader gave one.
func (v *View) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := v.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.begin(ctx, c); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// begin begins the read-only transaction of the connection c in the View's snapshot, or
// exports c's as the View's when it has none.
func (v *View) begin(ctx context.Context, c driver.Conn) error {
	ex, ok1 := c.(driver.ExecerContext)
	qu, ok2 := c.(driver.QueryerContext)
	if !ok1 || !ok2 {
		return fmt.Errorf("read store: the driver's connection %T runs no statements", c)
	}
	const begin = `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`
	if v.snapshot != "" {
		// One request: both statements as one query string.
		_, err := ex.ExecContext(ctx, begin+`; SET TRANSACTION SNAPSHOT `+pq.QuoteLiteral(v.snapshot), nil)
		return err
	}
	if _, err := ex.ExecContext(ctx, begin, nil); err != nil {
		return err
	}
	rows, err := qu.QueryContext(ctx, `SELECT pg_export_snapshot()`, nil)
	if err != nil {
		return err
	}
	defer rows.Close()
	row := make([]driver.Value, 1)
	if err := rows.Next(row); err != nil {
		return err
	}
	id, ok := row[0].(string)
	if !ok || id == "" {
		return fmt.Errorf("read store: the server exported the snapshot %v", row[0])
	}
	v.snapshot = id
	return nil
}

// Driver is the View's driver.
func (v *View) Driver() driver.Driver { return viewSQLDriver{} }

// viewSQLDriver connects the connections of a View, which the address it is given names
// (View): a connection pool takes its connector from the driver.
type viewSQLDriver struct{}

func (viewSQLDriver) Open(name string) (driver.Conn, error) {
	c, err := viewSQLDriver{}.OpenConnector(name)
	if err != nil {
		return nil, err
	}
	return c.Connect(context.Background())
}

func (viewSQLDriver) OpenConnector(name string) (driver.Connector, error) {
	v, ok := opening.Load(name)
	if !ok {
		return nil, fmt.Errorf("read store: no view %q is being opened", name)
	}
	return v.(*View), nil
}
