package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store
	"github.com/factgraph/factgraph/store/model"
)

// DB is a PostgreSQL database holding a Cayley SQL quad store.
type DB struct {
	qs   cgraph.QuadStore
	addr string
}

// Open opens the store in the PostgreSQL database at addr (a postgres:// URL), creating
// Cayley's tables first when create is set.
func Open(addr string, create bool) (*DB, error) {
	qs, err := open(addr, create)
	if err != nil {
		return nil, err
	}
	return &DB{qs: qs, addr: addr}, nil
}

// QuadStore is Cayley's quad store on the database.
func (db *DB) QuadStore() cgraph.QuadStore { return db.qs }

// ReadAll reads every quad of the store with two queries in one read-only transaction.
func (db *DB) ReadAll(ctx context.Context) (*model.Table, error) { return readPostgres(ctx, db.addr) }

func open(addr string, create bool) (cgraph.QuadStore, error) {
	if create {
		err := cgraph.InitQuadStore("postgres", addr, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("create store %q: %w", Redact(addr), err)
		}
	}
	qs, err := cgraph.NewQuadStore("postgres", addr, nil)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		return nil, fmt.Errorf("no store at %q; ingest facts first: factgraph ingest FILE", Redact(addr))
	}
	if err != nil {
		return nil, fmt.Errorf("open store %q: %w", Redact(addr), err)
	}
	return qs, nil
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
