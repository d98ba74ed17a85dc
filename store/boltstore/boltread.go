package boltstore

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/factgraph/factgraph/store/model"
)

// boltReader reads a bolt store's Cayley layout (see scan.go and bulk.go) in one read
// transaction: index entries, log entries, and values, each decoded once. Cayley's own
// reads open a transaction per quad and resolve its four values each time; on a party that
// hundreds of articles state, that was most of a query's or a re-ingest's time.
type boltReader struct {
	ctx     context.Context
	tx      *bolt.Tx
	log     *bolt.Bucket
	values  map[uint64]quad.Value
	key     [8]byte
	buckets map[string]*bolt.Bucket // value and index buckets, once looked up
	ids     map[quad.Value]uint64   // the ids of values, once looked up (0: not held)
	// near holds the entries of the log that the current scan's cursor passed, in
	// id order: a quad's new values are logged just before it (bulk.go, and Cayley's
	// writes alike), so the values of the quads a scan keeps are mostly among them, and
	// value finds them there instead of searching the log from its root.
	near []nearEntry
	// scanIDs is the buffer of the log ids a scan collects, kept for the next scan; scanned
	// is how many distinct ids the current scan found (an upper bound of the quads it
	// keeps, which collectKeys sizes its answer by).
	scanIDs []uint64
	scanned int
	// cursors are the cursors of the buckets scans went through, kept for the next scan:
	// a cursor grows its path down the tree as it first seeks, thousands of times a query.
	cursors map[*bolt.Bucket]*bolt.Cursor
}

// cursor returns a cursor over b, one a scan used before if there is one; put it back
// with putCursor. A scan inside a scan gets a cursor of its own.
func (r *boltReader) cursor(b *bolt.Bucket) *bolt.Cursor {
	if c, ok := r.cursors[b]; ok {
		delete(r.cursors, b)
		return c
	}
	return b.Cursor()
}

// putCursor keeps c, a cursor over b, for the next scan.
func (r *boltReader) putCursor(b *bolt.Bucket, c *bolt.Cursor) {
	if r.cursors == nil {
		r.cursors = map[*bolt.Bucket]*bolt.Cursor{}
	}
	r.cursors[b] = c
}

// nearEntry is a value entry of the log a scan passed: its id and undecoded bytes, which
// point into the transaction's map.
type nearEntry struct {
	id  uint64
	raw []byte
}

// errNotFactgraph says a bolt file lacks what Cayley's layout has.
var errNotFactgraph = errors.New("read store: the store lacks the buckets of a factgraph store; is it one?")

// newBoltReader reads through tx; values, when not nil, caches values across readers.
func newBoltReader(ctx context.Context, tx *bolt.Tx, values map[uint64]quad.Value) (*boltReader, error) {
	log := tx.Bucket(logBucketName)
	if log == nil {
		return nil, errNotFactgraph
	}
	if values == nil {
		values = map[uint64]quad.Value{}
	}
	return &boltReader{ctx: ctx, tx: tx, log: log, values: values, buckets: map[string]*bolt.Bucket{}, ids: map[quad.Value]uint64{}}, nil
}

// bucket returns the bucket name, nil when there is none.
func (r *boltReader) bucket(name []byte) *bolt.Bucket {
	if b, ok := r.buckets[string(name)]; ok {
		return b
	}
	b := r.tx.Bucket(name)
	r.buckets[string(name)] = b
	return b
}

// entry decodes the log entry of id.
func (r *boltReader) entry(id uint64) (primitive, error) {
	binary.BigEndian.PutUint64(r.key[:], id)
	b := r.log.Get(r.key[:])
	if b == nil {
		return primitive{}, fmt.Errorf("read store: entry %d of the log is missing; is it a factgraph store?", id)
	}
	p, err := decodePrimitive(b)
	if err == nil && p.id != id {
		err = errors.New("its id does not match its key")
	}
	if err != nil {
		return primitive{}, fmt.Errorf("read store: entry %d of the log: %w", id, err)
	}
	return p, nil
}

// nearEntry decodes the log entry of id, from the entries the current scan passed when it
// is among them.
func (r *boltReader) nearEntry(id uint64) (primitive, error) {
	i, found := slices.BinarySearchFunc(r.near, id, func(e nearEntry, id uint64) int { return cmp.Compare(e.id, id) })
	if !found {
		return r.entry(id)
	}
	p, err := decodePrimitive(r.near[i].raw)
	if err == nil && p.id != id {
		err = errors.New("its id does not match its key")
	}
	if err != nil {
		return primitive{}, fmt.Errorf("read store: entry %d of the log: %w", id, err)
	}
	return p, nil
}

// value returns the value whose id is id; nil for 0.
func (r *boltReader) value(id uint64) (quad.Value, error) {
	if id == 0 {
		return nil, nil
	}
	if v, ok := r.values[id]; ok {
		return v, nil
	}
	p, err := r.nearEntry(id)
	if err != nil {
		return nil, err
	}
	if p.value == nil {
		return nil, fmt.Errorf("read store: entry %d of the log is not a value", id)
	}
	v, err := pquads.UnmarshalValue(p.value)
	if err != nil {
		return nil, fmt.Errorf("read store: value %d: %w", id, err)
	}
	r.values[id] = v
	r.ids[v] = id // a walk reads next what it just found: its id is known now
	return v, nil
}

// valueID returns the id of v, 0 when the store does not hold it.
func (r *boltReader) valueID(v quad.Value) uint64 {
	if id, ok := r.ids[v]; ok {
		return id
	}
	var id uint64
	h := refs.HashOf(v)
	if b := r.bucket([]byte{'v', h[0], h[1]}); b != nil {
		if x, n := binary.Uvarint(b.Get(h[:])); n > 0 {
			id = x
		}
	}
	r.ids[v] = id
	return id
}

// quad resolves the values of the quad p.
func (r *boltReader) quad(p primitive) (quad.Quad, error) {
	var q quad.Quad
	var err error
	if q.Subject, err = r.value(p.subject); err != nil {
		return q, err
	}
	if q.Predicate, err = r.value(p.predicate); err != nil {
		return q, err
	}
	if q.Object, err = r.value(p.object); err != nil {
		return q, err
	}
	q.Label, err = r.value(p.label)
	return q, err
}

// scan calls fn with each live quad that the entries of index whose keys start with the
// ids of lead list (see QuadIndex.Key), in the order of their ids, undecoded: fn resolves
// only the quads it keeps. A quad whose directions do not hold the lead ids is skipped.
//
// The log is read in id order with one cursor, stepping over short gaps instead of
// searching the tree again: an item's quads were written together, so their ids are close.
func (r *boltReader) scan(index *boltIndex, lead []uint64, fn func(p primitive) error) error {
	return r.scanKeys(index, lead, nil, fn)
}

// scanKeys is scan over the index entries whose keys keepKey accepts (nil: every entry): a
// key names the values of the index's directions, so a read can drop quads by their
// predicate, say, without reading them from the log.
func (r *boltReader) scanKeys(index *boltIndex, lead []uint64, keepKey func(key []byte) (bool, error), fn func(p primitive) error) error {
	b := r.bucket(index.name)
	if b == nil {
		return errNotFactgraph
	}
	prefix := make([]byte, 0, 8*len(lead))
	for _, id := range lead {
		prefix = binary.BigEndian.AppendUint64(prefix, id)
	}
	// The ids of thousands of scans a query makes, one for each item it reads, in one
	// buffer: grown afresh each time, the hub's obligations of 10,000 articles took 2.3 MB.
	ids := r.scanIDs[:0]
	r.scanIDs = nil // a scan inside fn, were there one, takes a buffer of its own
	defer func() { r.scanIDs = ids[:0] }()
	c := r.cursor(b)
	defer r.putCursor(b, c)
	for k, list := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, list = c.Next() {
		if keepKey != nil {
			if ok, err := keepKey(k); !ok || err != nil {
				if err != nil {
					return err
				}
				continue
			}
		}
		for len(list) > 0 {
			id, n := binary.Uvarint(list)
			if n <= 0 {
				return fmt.Errorf("read store: an entry of index %q is damaged; is it a factgraph store?", index.name)
			}
			list = list[n:]
			ids = append(ids, id)
		}
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	r.scanned = len(ids)
	lc := r.cursor(r.log)
	defer r.putCursor(r.log, lc)
	var at uint64 // the id under the cursor; 0: none yet
	var v []byte
	r.near = r.near[:0]
	// pass notes the entry under the cursor, short of the one sought.
	pass := func() { r.near = append(r.near, nearEntry{at, v}) }
	for i, id := range ids {
		if i%4096 == 4095 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		// A step costs much less than a search from the root: step over gaps of a few.
		// A search lands a few entries short, where the quad's new values are.
		if at == 0 || id <= at || id-at > logStepMax {
			from := uint64(1)
			if id > logStepMax {
				from = id - logStepMax
			}
			binary.BigEndian.PutUint64(r.key[:], from)
			var k []byte
			k, v = lc.Seek(r.key[:])
			at = 0
			if len(k) == 8 {
				at = binary.BigEndian.Uint64(k)
			}
		}
		for at != 0 && at < id {
			pass()
			var k []byte
			k, v = lc.Next()
			at = 0
			if len(k) == 8 {
				at = binary.BigEndian.Uint64(k)
			}
		}
		if at != id {
			return fmt.Errorf("read store: entry %d of the log is missing; is it a factgraph store?", id)
		}
		p, err := decodePrimitive(v)
		if err == nil && p.id != id {
			err = errors.New("its id does not match its key")
		}
		if err != nil {
			return fmt.Errorf("read store: entry %d of the log: %w", id, err)
		}
		if p.deleted || p.value != nil || !index.holds(p, lead) {
			continue
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// logStepMax is the largest gap between two ids of the log that scan steps over rather
// than searches.
const logStepMax = 16

// sourceLabel says whether quad p has a source's label: a factgraph quad, not one another
// tool added.
func (r *boltReader) sourceLabel(p primitive) (bool, error) {
	if p.label == 0 {
		return false, nil
	}
	l, err := r.value(p.label)
	if err != nil {
		return false, err
	}
	iri, ok := l.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), model.SourcePrefix), nil
}

// kindSubjects returns the ids of the subjects of quads "SUBJECT fg:kind KIND", from the
// keys of the object-predicate-subject index ops alone: a key outlives the quads that
// made it, so a subject of a removed source may be among them.
func (r *boltReader) kindSubjects(ops *boltIndex, kind string) ([]uint64, error) {
	b := r.bucket(ops.name)
	if b == nil {
		return nil, errNotFactgraph
	}
	kindRef, kindPred := r.valueID(quad.String(kind)), r.valueID(model.Kind)
	if kindRef == 0 || kindPred == 0 {
		return nil, nil
	}
	prefix := binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, kindRef), kindPred)
	var subjects []uint64
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == 24 {
			subjects = append(subjects, binary.BigEndian.Uint64(k[16:]))
		}
	}
	return subjects, r.ctx.Err()
}

// collect returns the quads that scan finds and keep accepts, decoded.
func (r *boltReader) collect(index *boltIndex, lead []uint64, keep func(p primitive) (bool, error)) ([]quad.Quad, error) {
	return r.collectKeys(index, lead, nil, keep)
}

// collectKeys is collect over the index entries whose keys keepKey accepts (see scanKeys).
func (r *boltReader) collectKeys(index *boltIndex, lead []uint64, keepKey func(key []byte) (bool, error), keep func(p primitive) (bool, error)) ([]quad.Quad, error) {
	var out []quad.Quad
	err := r.scanKeys(index, lead, keepKey, func(p primitive) error {
		if ok, err := keep(p); !ok || err != nil {
			return err
		}
		q, err := r.quad(p)
		if err == nil {
			if out == nil {
				out = make([]quad.Quad, 0, r.scanned) // at most one a log entry the scan found
			}
			out = append(out, q)
		}
		return err
	})
	return out, err
}

// indexBucket is the name of the bucket of a quad index: its directions' letters.
func indexBucket(ind kv.QuadIndex) []byte { return ind.Key(nil)[0] }

// boltIndex is a quad index of a bolt store: its bucket and directions.
type boltIndex struct {
	name []byte
	dirs []quad.Direction
}

// holds says whether quad p has the ids of lead in the index's first directions.
func (ind *boltIndex) holds(p primitive, lead []uint64) bool {
	for i, id := range lead {
		var got uint64
		switch ind.dirs[i] {
		case quad.Subject:
			got = p.subject
		case quad.Predicate:
			got = p.predicate
		case quad.Object:
			got = p.object
		case quad.Label:
			got = p.label
		}
		if got != id {
			return false
		}
	}
	return true
}

// boltIndexes returns the indexes of a bolt store by their first direction, read once.
func (s *DB) boltIndexes() (map[quad.Direction]*boltIndex, error) {
	if s.indexes != nil {
		return s.indexes, nil
	}
	list, err := readIndexes(s.boltDB())
	if err != nil {
		return nil, err
	}
	s.indexes = map[quad.Direction]*boltIndex{}
	for _, ind := range list {
		if len(ind.Dirs) == 0 || s.indexes[ind.Dirs[0]] != nil {
			continue
		}
		s.indexes[ind.Dirs[0]] = &boltIndex{name: indexBucket(ind), dirs: ind.Dirs}
	}
	return s.indexes, nil
}

// boltIndexFor returns the index of a bolt store whose entries start with dirs, or nil
// (also when s is not a bolt store).
func (s *DB) boltIndexFor(dirs ...quad.Direction) (*boltIndex, error) {
	if s.boltDB() == nil || len(dirs) == 0 {
		return nil, nil
	}
	indexes, err := s.boltIndexes()
	if err != nil {
		return nil, err
	}
	ind := indexes[dirs[0]]
	if ind == nil || len(ind.dirs) < len(dirs) {
		return nil, nil
	}
	for i, d := range dirs {
		if ind.dirs[i] != d {
			return nil, nil
		}
	}
	return ind, nil
}

// viewBolt runs fn with a reader of one read transaction of the bolt store s.
func (s *DB) viewBolt(ctx context.Context, values map[uint64]quad.Value, fn func(r *boltReader) error) error {
	return s.boltDB().View(func(tx *bolt.Tx) error {
		r, err := newBoltReader(ctx, tx, values)
		if err != nil {
			return err
		}
		return fn(r)
	})
}
