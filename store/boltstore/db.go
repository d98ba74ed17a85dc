package boltstore

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/factgraph/factgraph/store/model"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// DB is a bolt file holding a Cayley key-value quad store, with factgraph's own indexes
// beside Cayley's buckets.
type DB struct {
	qs       cgraph.QuadStore
	pin      *pinKV
	addr     string
	readOnly bool
	// created says Open made the file.
	created bool
	// openSize is the size of the file when it was opened (settleCache).
	openSize int64
	// indexes are the quad indexes by first direction, once read.
	indexes map[quad.Direction]*boltIndex
}

// Options tune how a bolt file is opened.
type Options struct {
	// ReadOnly opens the file for reading only: several readers may share it, and a missing
	// file is an error instead of a new, empty store.
	ReadOnly bool
	// Timeout is how long to wait for another process to release the file.
	Timeout time.Duration
	// MustExist opens for writing a file that must be there already: a missing one is an
	// error, as for ReadOnly, and nothing is created.
	MustExist bool
}

// missing is the message for a store that is not there.
func missing(path string) error {
	return fmt.Errorf("no store at %q; ingest facts first: factgraph ingest FILE", path)
}

// allocSize is how much a write grows the file by beyond what it needs. bolt's 16 MB made
// every store, even an empty one, 16.8 MB; a bulk load of at least bulkAllocSources
// sources, which grows the file in 32 MB transactions, grows it by bulkAllocSize to spare
// truncates and syncs.
const (
	allocSize        = 256 << 10
	bulkAllocSize    = 16 << 20
	bulkAllocSources = 100
)

// Open opens the bolt file at path, created when absent unless opts.ReadOnly is set.
func Open(path string, opts Options) (*DB, error) {
	fi, statErr := os.Stat(path)
	qs, pin, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	s := &DB{qs: qs, pin: pin, addr: path, readOnly: opts.ReadOnly, created: errors.Is(statErr, fs.ErrNotExist)}
	if statErr == nil {
		s.openSize = fi.Size()
	}
	return s, nil
}

// Created says whether Open made the file: it did not exist before.
func (s *DB) Created() bool { return s.created }

// QuadStore is Cayley's quad store on the file. A write may replace it (Apply, BulkLoad):
// ask again after one.
func (s *DB) QuadStore() cgraph.QuadStore { return s.qs }

// openBolt opens a bolt file itself rather than through Cayley's registry: Cayley's bolt
// backend waits forever for a file another process holds and wants a directory.
func openBolt(path string, opts Options) (qs cgraph.QuadStore, pin *pinKV, err error) {
	// bolt panics on pages it cannot make sense of, and the map of a file cut short faults;
	// both mean the file is damaged (checkFile catches most of it before).
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var db *hbolt.DB
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				db.Close()
			}
			qs, pin, err = nil, nil, damaged(path, fmt.Sprint(r))
		}
	}()
	fellBack, err := checkFile(path)
	if err != nil {
		return nil, nil, err
	}
	if fellBack && !opts.ReadOnly {
		return nil, nil, damaged(path, "its newer header page is broken, so it would be read as it was before its last write")
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if opts.ReadOnly || opts.MustExist {
			return nil, nil, missing(path)
		}
		// A new store may go into a folder that does not exist yet, as any output does.
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, nil, fmt.Errorf("create the folder of store %q: %w", path, err)
		}
	case err != nil:
		return nil, nil, fmt.Errorf("open store %q: %w", path, err)
	case fi.IsDir():
		return nil, nil, fmt.Errorf("store %q is a directory; give the path of a store file", path)
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = time.Second
	}
	bopts := &bolt.Options{Timeout: timeout, ReadOnly: opts.ReadOnly}
	if !opts.ReadOnly {
		// bolt maps the file and maps it again, copying what the open write transaction
		// holds, each time a write outgrows the map (which doubles up to 1 GB): a large
		// first ingest spent a tenth of its time remapping. Mapping 1 GB up front reserves
		// address space, not memory.
		bopts.InitialMmapSize = 1 << 30
	}
	db, err = hbolt.Open(path, bopts)
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, fmt.Errorf("store %q is in use by another factgraph process; try again when it finishes", path)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("open store %q: %w; is it a factgraph store?", path, err)
	}
	db.DB().AllocSize = allocSize
	adviseHuge(db.DB())
	pin = &pinKV{KV: db}
	// Cayley fills bloom filters of every quad and value when it opens a store, which costs
	// a read of the whole store before the first query or write. A store opened to read
	// never consults them, and a write asks the index instead, which costs that write's
	// own quads only: re-ingesting one article of 1,000 took 0.12 s instead of 0.69 s. On a
	// new store Cayley would also make bloom filters of 100 million entries for its nodes
	// and each index (about 80 MB each): ingesting 1,000 articles into a new store took
	// 940 MB with them and 350 MB without, in the same time.
	qopts := cgraph.Options{kv.OptNoBloom: true}
	qs, err = kv.New(pin, qopts)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		if opts.ReadOnly || opts.MustExist {
			db.Close()
			return nil, nil, missing(path)
		}
		if err = kv.Init(pin, nil); err == nil {
			qs, err = kv.New(pin, qopts)
		}
	}
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open store %q: %w; is it a factgraph store?", path, err)
	}
	// A first ingest that did not finish before it wrote anything is undone: the store was
	// empty before it. One that wrote part of the store is refused.
	if loading, lerr := loadingMark(db.DB()); lerr != nil || loading {
		holds, herr := holdsQuads(db.DB())
		switch {
		case lerr != nil:
			err = lerr
		case herr != nil:
			err = herr
		case holds:
			// Starting over would lose what it holds: a load cut short and a store read
			// through an older header (damage) look alike here.
			db.Close()
			return nil, nil, fmt.Errorf("store %q says its first ingest did not finish, yet it holds facts: it is %w, or that ingest was cut short; "+
				"delete the file and ingest the facts files again, or restore it from a backup", path, ErrDamaged)
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

// ReadAll reads every quad of the store once, in one pass over the log.
//
// The scan maps in every page of the log, about as much as the file holds, and they would
// stay in the process's resident memory (1.1 GB of a 1.4 GB store of 10,000 articles)
// under the heap that the table, the facts and an export view grow to next. Only the table
// is needed from the pages, so they are released as the scan goes, when no write can be
// waiting (releaseMapped opens a read transaction of its own, which would wait behind a
// waiting write forever), and once more at the end.
func (s *DB) ReadAll(ctx context.Context) (*model.Table, error) {
	defer s.releaseMapped()
	var release func()
	if s.readOnly {
		release = s.releaseMapped
	}
	return readLog(ctx, s.pin.KV, release)
}

// Release gives the pages of the file that reads and writes mapped in back to the kernel
// (releaseMapped). Call it when no transaction of the store is open.
func (s *DB) Release() { s.releaseMapped() }

// Close closes the quad store and the file. When a write grew the file, the part it
// added is read again into the page cache in huge pages (settleCache).
func (s *DB) Close() error {
	err := s.qs.Close()
	if !s.readOnly {
		if fi, serr := os.Stat(s.addr); serr == nil && fi.Size() > s.openSize {
			settleCache(s.addr, s.openSize)
		}
	}
	return err
}

// holdsQuads says whether the log of the store holds any entry.
func holdsQuads(db *bolt.DB) (bool, error) {
	holds := false
	err := db.View(func(tx *bolt.Tx) error {
		if log := tx.Bucket(logBucketName); log != nil {
			k, _ := log.Cursor().First()
			holds = k != nil
		}
		return nil
	})
	return holds, err
}
