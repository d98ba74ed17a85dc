package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/memstore"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/boltstore"
	"github.com/factgraph/factgraph/store/model"
	"github.com/factgraph/factgraph/store/pgstore"
)

// OpenOptions tune how a store is opened.
type OpenOptions struct {
	// ReadOnly opens the store for reading only: several readers may share a bolt file,
	// and a missing file is an error instead of a new, empty store.
	ReadOnly bool
	// Timeout is how long to wait for another process to release a bolt file; 1 s when 0.
	Timeout time.Duration
	// MustExist opens for writing a store that must exist already (to remove from it): a
	// missing one is an error, as for ReadOnly, and nothing is created.
	MustExist bool
}

// DefaultLockTimeout is how long Open waits for a bolt file held by another process.
const DefaultLockTimeout = time.Second

// backend is what the store asks of every kind of database beyond Cayley's quad store:
// store/boltstore and store/pgstore implement it. A bolt store has more (its indexes, bulk
// load and targeted reads), which the store reaches through its bolt field.
type backend interface {
	// ReadAll reads every quad of the store once, for a whole-store read.
	ReadAll(ctx context.Context) (*model.Table, error)
}

// Store is a Cayley quad store holding the facts of any number of sources, each under its
// own quad label. It is the only type in the project that knows Cayley.
type Store struct {
	qs       cgraph.QuadStore
	addr     string
	readOnly bool
	// backend is the package of the kind of database the store is on, for what it reads
	// and writes faster than Cayley's generic paths; nil for a memory store.
	backend backend
	// bolt is the bolt file of a bolt store (store/boltstore), for its indexes and its own
	// reads and writes; nil for other stores.
	bolt *boltstore.DB
	// pg is the database of a PostgreSQL store (store/pgstore), for its indexes and its
	// own reads and writes; nil for other stores.
	pg *pgstore.DB
	// empty, once known, says whether the store held no quad (emptyStore).
	empty *bool
	// wrote says a write succeeded since Open.
	wrote bool
	// apply writes one delta set; a field so that tests can make a write fail.
	apply func(deltas []cgraph.Delta) error
	// snapshot says the store is a snapshot of another (Snapshot), which Close ends; tx is
	// its read-only transaction on PostgreSQL, nil elsewhere, which Close ends when this
	// snapshot owns it (ownsTx) rather than shares its parent's.
	snapshot bool
	tx       *snapshotTx
	ownsTx   bool
}

// Open opens the store at addr: "mem:" for a new in-memory store, "postgres://..." for
// Cayley's SQL backend on PostgreSQL, anything else the path of a bolt file, created when
// absent unless opts.ReadOnly is set.
func Open(ctx context.Context, addr string, opts *OpenOptions) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts == nil {
		opts = &OpenOptions{}
	}
	var (
		qs  cgraph.QuadStore
		db  *boltstore.DB
		pg  *pgstore.DB
		err error
	)
	switch {
	case addr == "":
		return nil, errors.New("no store given; pass a bolt file path, \"mem:\" or a postgres:// URL")
	case addr == "mem:":
		qs = memstore.New()
	case strings.HasPrefix(addr, "postgres://"), strings.HasPrefix(addr, "postgresql://"):
		pg, err = pgstore.Open(addr, !opts.ReadOnly && !opts.MustExist, !opts.ReadOnly)
		if err == nil {
			qs = pg.QuadStore()
		}
	default:
		timeout := opts.Timeout
		if timeout <= 0 {
			timeout = DefaultLockTimeout
		}
		db, err = boltstore.Open(addr, boltstore.Options{ReadOnly: opts.ReadOnly, Timeout: timeout, MustExist: opts.MustExist})
		if err == nil {
			qs = db.QuadStore()
		}
	}
	if err != nil {
		return nil, err
	}
	s := &Store{qs: qs, addr: addr, readOnly: opts.ReadOnly, bolt: db, pg: pg}
	switch {
	case db != nil:
		s.backend = db
	case pg != nil:
		s.backend = pg
	}
	s.apply = func(deltas []cgraph.Delta) error {
		return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
	}
	if db != nil {
		// A write runs in one bolt transaction, and may leave a fresh quad store behind.
		s.apply = func(deltas []cgraph.Delta) error {
			err := db.Apply(deltas)
			s.qs = db.QuadStore()
			return err
		}
	}
	if pg != nil {
		// A write is one transaction with the changes to factgraph's indexes.
		s.apply = func(deltas []cgraph.Delta) error {
			return pg.Apply(context.WithoutCancel(ctx), deltas)
		}
	}
	return s, nil
}

// OlderTables says whether a read found factgraph's own tables in a PostgreSQL store in
// the layout of an earlier version of factgraph, and so read the whole of Cayley's tables
// where it would have read them: the next ingest or removal builds them again.
func (s *Store) OlderTables() bool { return s.pg != nil && s.pg.OlderTables() }

// Close releases the store; a bolt file is then free for other processes.
//
// A bolt file that Open created is removed again when no write into it succeeded: a failed
// first ingest leaves no file behind.
func (s *Store) Close() error {
	if s == nil || s.qs == nil {
		return nil
	}
	if s.snapshot {
		return s.endSnapshot()
	}
	var err error
	if s.bolt != nil {
		err = s.bolt.Close() // closes s.qs, the bolt file's quad store
	} else {
		err = s.qs.Close()
	}
	s.qs = nil
	if s.pg != nil {
		if perr := s.pg.Close(); perr != nil && err == nil {
			err = perr
		}
	}
	if s.bolt != nil && s.bolt.Created() && !s.wrote {
		if rerr := os.Remove(s.addr); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) && err == nil {
			err = rerr
		}
	}
	return err
}

// Addr is the address the store was opened with.
func (s *Store) Addr() string { return s.addr }

// Shown is the store's address as messages and pages show it: a PostgreSQL URL's password
// hidden.
func (s *Store) Shown() string { return pgstore.Redact(s.addr) }

func (s *Store) checkOpen() error {
	if s == nil || s.qs == nil {
		return errors.New("store is closed")
	}
	return nil
}

func (s *Store) checkWritable() error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	if s.readOnly {
		return fmt.Errorf("store %q was opened read-only; open it without ReadOnly to change it", s.Shown())
	}
	if s.snapshot {
		return fmt.Errorf("a snapshot of store %q is for reading; write to the store itself", s.Shown())
	}
	return nil
}

// subjectQuads calls fn with every quad whose subject is v, through the store's subject index.
func (s *Store) subjectQuads(ctx context.Context, v quad.Value, fn func(quad.Quad) error) error {
	ref, err := s.qs.ValueOf(v)
	if err != nil {
		return err
	}
	if ref == nil {
		return nil
	}
	return s.eachQuad(ctx, s.qs.QuadIterator(quad.Subject, ref), fn)
}

// allQuads calls fn with every quad of the store, in one pass.
func (s *Store) allQuads(ctx context.Context, fn func(quad.Quad) error) error {
	return s.eachQuad(ctx, s.qs.QuadsAllIterator(), fn)
}

// eachOf calls fn with each quad of qs until it returns an error.
func eachOf(qs []quad.Quad, fn func(quad.Quad) error) error {
	for _, q := range qs {
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

// eachQuad calls fn with each quad of sh, looking at ctx every 4096 quads.
func (s *Store) eachQuad(ctx context.Context, sh iterator.Shape, fn func(quad.Quad) error) error {
	it := sh.Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// recoverDamage turns a panic of bolt, which meets a page it cannot make sense of in a
// damaged file, or a fault on its map of the file, into the error that says the store is
// damaged. fault is what debug.SetPanicOnFault returned. Other stores' panics go on.
func (s *Store) recoverDamage(err *error, fault bool) {
	debug.SetPanicOnFault(fault)
	if r := recover(); r != nil {
		if s.bolt == nil {
			panic(r)
		}
		*err = s.bolt.Damaged(fmt.Sprint(r))
	}
}
