package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// OpenOptions tune how a store is opened.
type OpenOptions struct {
	// ReadOnly opens the store for reading only: several readers may share a bolt file,
	// and a missing file is an error instead of a new, empty store.
	ReadOnly bool
	// Timeout is how long to wait for another process to release a bolt file; 1 s when 0.
	Timeout time.Duration
}

// DefaultLockTimeout is how long Open waits for a bolt file held by another process.
const DefaultLockTimeout = time.Second

// Store is a Cayley quad store holding the facts of any number of sources, each under its
// own quad label. It is the only type in the project that knows Cayley.
type Store struct {
	qs       cgraph.QuadStore
	addr     string
	readOnly bool
	// pin is the database of a bolt store, through which a write runs in one transaction.
	pin *pinKV
	// apply writes one delta set; a field so that tests can make a write fail.
	apply func(deltas []cgraph.Delta) error
	// indexes are the quad indexes of a bolt store by first direction, once read.
	indexes map[quad.Direction]*boltIndex
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
		pin *pinKV
		err error
	)
	switch {
	case addr == "":
		return nil, errors.New("no store given; pass a bolt file path, \"mem:\" or a postgres:// URL")
	case addr == "mem:":
		qs = memstore.New()
	case strings.HasPrefix(addr, "postgres://"), strings.HasPrefix(addr, "postgresql://"):
		qs, err = openPostgres(addr, opts)
	default:
		qs, pin, err = openBolt(addr, opts)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{qs: qs, addr: addr, readOnly: opts.ReadOnly, pin: pin}
	s.apply = func(deltas []cgraph.Delta) error {
		return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
	}
	if pin != nil {
		s.apply = s.applyPinned
	}
	return s, nil
}

func openPostgres(addr string, opts *OpenOptions) (cgraph.QuadStore, error) {
	if !opts.ReadOnly {
		err := cgraph.InitQuadStore("postgres", addr, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("create store %q: %w", redact(addr), err)
		}
	}
	qs, err := cgraph.NewQuadStore("postgres", addr, nil)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		return nil, fmt.Errorf("no store at %q; run factgraph ingest first", redact(addr))
	}
	if err != nil {
		return nil, fmt.Errorf("open store %q: %w", redact(addr), err)
	}
	return qs, nil
}

// redact hides a password in a database URL before it goes into a message.
func redact(addr string) string {
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

// openBolt opens a bolt file itself rather than through Cayley's registry: Cayley's bolt
// backend waits forever for a file another process holds and wants a directory.
func openBolt(path string, opts *OpenOptions) (cgraph.QuadStore, *pinKV, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if opts.ReadOnly {
			return nil, nil, fmt.Errorf("no store at %q; run factgraph ingest first", path)
		}
	case err != nil:
		return nil, nil, fmt.Errorf("open store %q: %w", path, err)
	case fi.IsDir():
		return nil, nil, fmt.Errorf("store %q is a directory; give the path of a store file", path)
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	bopts := &bolt.Options{Timeout: timeout, ReadOnly: opts.ReadOnly}
	if !opts.ReadOnly {
		// bolt maps the file and maps it again, copying what the open write transaction
		// holds, each time a write outgrows the map (which doubles up to 1 GB): a large
		// first ingest spent a tenth of its time remapping. Mapping 1 GB up front reserves
		// address space, not memory.
		bopts.InitialMmapSize = 1 << 30
	}
	db, err := hbolt.Open(path, bopts)
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, fmt.Errorf("store %q is in use by another factgraph process; try again when it finishes", path)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("open store %q: %w; is it a factgraph store?", path, err)
	}
	pin := &pinKV{KV: db}
	// Cayley fills bloom filters of every quad and value when it opens a store, which costs
	// a read of the whole store before the first query or write. A store opened to read
	// never consults them, and a write asks the index instead, which costs that write's
	// own quads only: re-ingesting one article of 1,000 took 0.12 s instead of 0.69 s. On a
	// new store Cayley would also make bloom filters of 100 million entries for its nodes
	// and each index (about 80 MB each): ingesting 1,000 articles into a new store took
	// 940 MB with them and 350 MB without, in the same time.
	qopts := cgraph.Options{kv.OptNoBloom: true}
	qs, err := kv.New(pin, qopts)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		if opts.ReadOnly {
			db.Close()
			return nil, nil, fmt.Errorf("no store at %q; run factgraph ingest first", path)
		}
		if err = kv.Init(pin, nil); err == nil {
			qs, err = kv.New(pin, qopts)
		}
	}
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open store %q: %w; is it a factgraph store?", path, err)
	}
	// A first ingest that did not finish (its process was killed) is undone: the store was
	// empty before it.
	if loading, lerr := loadingMark(db.DB()); lerr != nil || loading {
		switch {
		case lerr != nil:
			err = lerr
		case opts.ReadOnly:
			err = errors.New("its first ingest did not finish; run factgraph ingest on it again (it starts from an empty store)")
		default:
			err = resetLoading(db.DB())
		}
		if err != nil {
			db.Close()
			return nil, nil, fmt.Errorf("open store %q: %w", path, err)
		}
	}
	return qs, pin, nil
}

// Close releases the store; a bolt file is then free for other processes.
func (s *Store) Close() error {
	if s == nil || s.qs == nil {
		return nil
	}
	err := s.qs.Close()
	s.qs = nil
	return err
}

// Addr is the address the store was opened with.
func (s *Store) Addr() string { return s.addr }

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
		return fmt.Errorf("store %q was opened read-only; open it without ReadOnly to change it", s.addr)
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
