package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"sync/atomic"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/factgraph/factgraph/internal/ahead"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	"google.golang.org/protobuf/encoding/protowire"
)

// The first write into a new bolt store loads it in bulk: it lays the quads out in Cayley's
// key-value layout itself (the same buckets, keys and values Cayley's ApplyDeltas writes,
// see scan.go for the log), each bucket filled in key order, instead of handing Cayley
// deltas. Cayley keys values by their hash, so its writes touch pages all over the file in
// every transaction; keys written in order touch only the last page of each bucket. The
// store is a Cayley store like any other afterwards: Cayley reads it, and later writes go
// through ApplyDeltas.
//
// A bulk load commits several bolt transactions (one would hold the whole file in memory).
// It marks the store as loading in the first and clears the mark in the last, so a load that
// fails, or a process killed mid-way, leaves a store that opens as empty again: the load is
// undone at once on failure, and otherwise when the store is next opened for writing
// (resetLoading). A store opened to read while a load runs, or after one was killed, is
// refused with a message.

// BulkLoading says whether the first write into a new store is loaded in bulk; false
// sends every write through Cayley's deltas, so that checks can compare the two.
var BulkLoading = true

var (
	metaBucketName = []byte("meta")
	logBucketName  = []byte("log")
	// loadingKey, in the meta bucket, marks a store whose bulk load has not finished.
	loadingKey = []byte("factgraph-loading")
)

// primTimestamp is the field number of a Primitive's time stamp (see scan.go for the others).
const primTimestamp = 7

// Sizes of a bulk load's transactions: bolt keeps every page a transaction writes in
// memory until it commits, and the keys put into a page in one slice that grows with each
// (bolt's node.put appends): with 200,000 puts a transaction, growing those slices took a
// tenth of the ingest's CPU, copying slices of up to 14 MB. At 5,000 they stay small
// enough for the processor's caches.
const (
	bulkTxBytes = 32 << 20
	bulkTxPuts  = 5000
)

// bulkReleaseEvery is how many of a bulk load's transactions commit between two releases
// of the pages the load mapped (releaseMap): each transaction reads the last pages of
// the buckets it appends to, which the one before it wrote anew, and those pages would
// stay resident to the end of the load (110 MB more at 10,000 articles).
const bulkReleaseEvery = 64

// boltDB is the bolt database of a bolt store, or nil.
func (s *DB) boltDB() *bolt.DB {
	if s.pin == nil {
		return nil
	}
	db, ok := s.pin.KV.(*hbolt.DB)
	if !ok {
		return nil
	}
	return db.DB()
}

// BulkTarget says whether a write into s can be a bulk load: s is a bolt store into which
// nothing was ever written (Empty).
func (s *DB) BulkTarget() (bool, error) {
	if !BulkLoading || s.boltDB() == nil || s.readOnly {
		return false, nil
	}
	return s.Empty()
}

// Empty says whether nothing was ever written into the bolt store s: its log is empty, so no
// value or quad id was ever given out.
func (s *DB) Empty() (bool, error) {
	db := s.boltDB()
	if db == nil {
		return false, nil
	}
	empty := false
	err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucketName)
		if meta == nil {
			return nil
		}
		if h := meta.Get([]byte("horizon")); h != nil && binary.LittleEndian.Uint64(h) != 0 {
			return nil
		}
		log := tx.Bucket(logBucketName)
		empty = log == nil || log.Stats().KeyN == 0
		return nil
	})
	return empty, err
}

// bulkNode is a value of a bulk load: its hash, id and the number of quad directions that
// hold it (Cayley's reference count).
type bulkNode struct {
	hash refs.ValueHash
	// key is where the node's value key (appendValueKey) lies in the load's key arena: its
	// chunk, and its offset and length there.
	keyChunk       uint32
	id             uint64
	refs           uint64
	keyOff, keyLen uint32
}

// bulkQuad is a quad of a bulk load: its values, as indices into the load's nodes (-1 for
// none), and its id.
type bulkQuad struct {
	dirs [4]int32
	id   uint64
}

// bulkLoader lays out the quads of a bulk load.
type bulkLoader struct {
	ctx     context.Context
	db      *bolt.DB
	indexes []kv.QuadIndex
	stamp   int64

	// The nodes, found by the hash of their value key (a collision's later keys are in
	// byKeyMore) and by Cayley's hash of their value. Keys live in one arena of chunks
	// (keyArena): none of these hold pointers, so the garbage collector does not walk
	// millions of values.
	nodes     []bulkNode
	byKey     map[uint64]int32
	byKeyMore map[string]int32
	keys      keyArena
	key       []byte // the key being looked up
	seed      maphash.Seed
	byHash    map[refs.ValueHash]int32
	quads     []bulkQuad
	next      uint64 // the last id given out
	names     bulkNames
	links     []bulkLink

	// The log entries not yet written, in id order: each a key (the id, 8 bytes) and its
	// value, one after the other in logBuf, the i'th ending at logEnds[i]. One buffer
	// rather than two small allocations an entry, which the collector walked while they
	// waited for their write. logSpare is the buffer of the last write, once it ended.
	logBuf   []byte
	logEnds  []int
	logSpare *logEntries
	// logWrite, when a write of log entries is under way, says how it ended.
	logWrite chan error
	// commits counts the load's transactions (committed).
	commits atomic.Int64
}

// Source is what BulkLoad writes of a source: its id, and its quads, asked for once when
// the load reaches the source, so that a large load holds the quads of one source at a time.
type Source struct {
	ID    string
	Quads func() []quad.Quad
}

// BulkLoad writes sources into the empty bolt store s (see BulkTarget), and returns the
// number of distinct quads each holds.
func (s *DB) BulkLoad(ctx context.Context, sources []Source) ([]int, error) {
	db := s.boltDB()
	indexes, err := readIndexes(db)
	if err != nil {
		return nil, err
	}
	l := &bulkLoader{
		ctx:       ctx,
		db:        db,
		indexes:   indexes,
		stamp:     time.Now().UnixNano(),
		byKey:     make(map[uint64]int32),
		byKeyMore: make(map[string]int32),
		seed:      maphash.MakeSeed(),
		byHash:    make(map[refs.ValueHash]int32),
	}
	if len(sources) >= bulkAllocSources {
		db.AllocSize = bulkAllocSize
		defer func() { db.AllocSize = allocSize }()
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(metaBucketName).Put(loadingKey, []byte{1})
	}); err != nil {
		return nil, fmt.Errorf("write store %q: %w; nothing was changed", s.addr, err)
	}
	unique, err := l.load(ctx, sources)
	if err == nil {
		err = l.finish()
	}
	s.releaseMapped()
	if err != nil {
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			err = fmt.Errorf("%w (%v)", cerr, err)
		}
		if rerr := resetLoading(db); rerr != nil {
			return nil, fmt.Errorf("write store %q: %w; emptying the store again failed too (%v): open it for writing again (factgraph ingest) to empty it", s.addr, err, rerr)
		}
		return nil, fmt.Errorf("write store %q: %w; nothing was changed", s.addr, err)
	}
	// A fresh quad store on the same database: the old one may cache that values are absent.
	qs, err := kv.New(s.pin, cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		return nil, fmt.Errorf("reopen store %q after writing it: %w", s.addr, err)
	}
	s.qs = qs
	return unique, nil
}

// readIndexes returns the quad indexes Cayley keeps in the store, as its meta bucket lists
// them.
func readIndexes(db *bolt.DB) ([]kv.QuadIndex, error) {
	var indexes []kv.QuadIndex
	err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucketName)
		if meta == nil {
			return errors.New("no meta bucket")
		}
		return json.Unmarshal(meta.Get([]byte("indexes")), &indexes)
	})
	if err == nil && len(indexes) == 0 {
		err = errors.New("no quad indexes listed")
	}
	if err != nil {
		return nil, fmt.Errorf("read the store's index list: %w; is it a factgraph store?", err)
	}
	return indexes, nil
}

// load lays out every source's quads: it writes the log as it goes and keeps the nodes
// and quads for the buckets written in key order at the end.
func (l *bulkLoader) load(ctx context.Context, sources []Source) (_ []int, err error) {
	// A load that fails is undone, which must not race with a log write.
	defer func() {
		if werr := l.waitLog(); err == nil {
			err = werr
		}
	}()
	uniques := make([]int, 0, len(sources))
	seen := make(map[[4]int32]bool)
	// Sources are encoded a few ahead of the layout, on the other core.
	done := make(chan struct{})
	defer close(done)
	encoded := ahead.Of(len(sources), 4, func(i int) []quad.Quad { return sources[i].Quads() }, done)
	for i := range sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		quads := <-encoded
		l.quads = reserve(l.quads, len(quads), i, len(sources))
		l.links = reserve(l.links, 2*len(quads), i, len(sources))
		clear(seen)
		start := len(l.quads)
		for _, q := range quads {
			l.names.add(q)
			var dirs [4]int32
			for d, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				n, err := l.node(v)
				if err != nil {
					return nil, err
				}
				dirs[d] = n
			}
			if seen[dirs] {
				continue
			}
			seen[dirs] = true
			for _, n := range dirs {
				if n >= 0 {
					l.nodes[n].refs++
				}
			}
			for _, at := range linkEnds(q) {
				l.links = append(l.links, newBulkLink(dirs, at))
			}
			l.next++
			l.quads = append(l.quads, bulkQuad{dirs: dirs, id: l.next})
			l.logQuad(l.quads[len(l.quads)-1])
		}
		if err := l.flushLog(false); err != nil {
			return nil, err
		}
		uniques = append(uniques, len(l.quads)-start)
	}
	return uniques, l.flushLog(true)
}

// reserve returns s with room for need more elements. When it has to grow, it grows to
// what the sources laid out so far (done of total) project for all of them, a tenth more,
// and by a quarter at least: the quads and links of a load, which grow with each source,
// then grow a few times rather than at every doubling, each of which copied all they held
// (the quads are 24 bytes each, 97 MB at 10,000 articles: their growths were 2 s of the
// load's 47 s of CPU). The nodes are not projected: later sources bring fewer new values.
func reserve[T any](s []T, need, done, total int) []T {
	if cap(s)-len(s) >= need {
		return s
	}
	want := len(s) + need
	if done > 0 {
		want = max(want, len(s)*total/done*11/10)
	}
	want = max(want, cap(s)+cap(s)/4)
	return slices.Grow(s, want-len(s))
}

// node returns the index of v among the load's nodes, adding it (and its log entry) if new.
func (l *bulkLoader) node(v quad.Value) (int32, error) {
	if v == nil {
		return -1, nil
	}
	l.key = appendValueKey(l.key[:0], v)
	kh := maphash.Bytes(l.seed, l.key)
	if n, ok := l.byKey[kh]; ok {
		if bytes.Equal(l.valueKey(n), l.key) {
			return n, nil
		}
		if n, ok := l.byKeyMore[string(l.key)]; ok {
			return n, nil
		}
	}
	// Cayley knows a value by its hash; two Go values with one hash are one node.
	h := refs.HashOf(v)
	if n, ok := l.byHash[h]; ok {
		l.byKeyMore[string(l.key)] = n
		return n, nil
	}
	b, err := pquads.MarshalValue(v)
	if err != nil {
		return 0, fmt.Errorf("encode value %s: %w", v, err)
	}
	n := int32(len(l.nodes))
	if int(n) != len(l.nodes) || n == -1 || len(l.key) > math.MaxUint32 {
		return 0, errors.New("too many values for one write; ingest the files in several parts")
	}
	chunk, off := l.keys.add(l.key)
	l.next++
	if len(l.nodes) == cap(l.nodes) {
		// Doubled, not grown by a quarter as append grows a large slice: each growth
		// copies every node into pages new to the process, five times the nodes in all
		// at a quarter, twice at double.
		l.nodes = slices.Grow(l.nodes, max(cap(l.nodes), 1024))
	}
	l.nodes = append(l.nodes, bulkNode{hash: h, id: l.next, keyChunk: chunk, keyOff: off, keyLen: uint32(len(l.key))})
	if _, taken := l.byKey[kh]; taken {
		l.byKeyMore[string(l.key)] = n
	} else {
		l.byKey[kh] = n
	}
	l.byHash[h] = n
	// A value's Primitive: its id, time stamp and encoded value, in field order.
	p := l.startLog(l.next)
	p = protowire.AppendTag(p, primID, protowire.VarintType)
	p = protowire.AppendVarint(p, l.next)
	p = l.appendStamp(p)
	p = protowire.AppendTag(p, primValue, protowire.BytesType)
	p = protowire.AppendBytes(p, b)
	l.endLog(p)
	return n, nil
}

// appendValueKey appends to b a key of v that two values share only if they are equal:
// a letter for the kind of value, then its parts, lengths first. It allocates nothing for
// the kinds of value factgraph writes.
func appendValueKey(b []byte, v quad.Value) []byte {
	switch v := v.(type) {
	case quad.IRI:
		return append(append(b, 'I'), v...)
	case quad.String:
		return append(append(b, 'S'), v...)
	case quad.TypedString:
		b = binary.AppendUvarint(append(b, 'T'), uint64(len(v.Type)))
		return append(append(b, v.Type...), v.Value...)
	case quad.LangString:
		b = binary.AppendUvarint(append(b, 'L'), uint64(len(v.Lang)))
		return append(append(b, v.Lang...), v.Value...)
	case quad.BNode:
		return append(append(b, 'B'), v...)
	}
	// Any other kind by its N-Quads form, which also tells kinds apart.
	return append(append(b, 'X'), v.String()...)
}
