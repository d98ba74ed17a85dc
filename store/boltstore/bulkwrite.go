package boltstore

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// Writing a bulk load's buckets in key order, a transaction at a time, and the mark that
// says a first load is under way.

// indexRun is a run of an index bucket's entries in key order: keys of keyLen bytes each,
// one after the other in keys, and their values in vals, the i'th ending at ends[i].
type indexRun struct {
	keyLen int
	keys   []byte
	vals   []byte
	ends   []int
}

// indexRunLen is the number of entries of an indexRun.
const indexRunLen = 8192

// indexRuns lays out the quad index buckets in key order, one index after the other, and
// sends them in runs on the channel it returns, a nil run closing each index, until done
// is closed. It starts once after is closed. It runs beside the bolt writes: sorting the
// quads for an index and encoding its keys takes as long as writing them, and the machine
// has another core for it. It only reads the loader's nodes and quads, which nothing
// changes once the load finishes.
func (l *bulkLoader) indexRuns(after, done <-chan struct{}) <-chan *indexRun {
	ch := make(chan *indexRun, 4)
	go func() {
		defer close(ch)
		select {
		case <-after:
		case <-done:
			return
		}
		for _, ind := range l.indexes {
			if !l.sendIndex(ind, ch, done) {
				return
			}
		}
	}()
	return ch
}

// indexDirs returns the places in a quad's dirs of an index's directions.
func indexDirs(ind kv.QuadIndex) ([]int, error) {
	dirs := make([]int, len(ind.Dirs))
	for i, d := range ind.Dirs {
		switch d {
		case quad.Subject:
			dirs[i] = 0
		case quad.Predicate:
			dirs[i] = 1
		case quad.Object:
			dirs[i] = 2
		case quad.Label:
			dirs[i] = 3
		default:
			return nil, fmt.Errorf("index %q names an unknown direction %v", indexBucket(ind), d)
		}
	}
	return dirs, nil
}

// sendIndex sends the runs of one index, then nil; false if done was closed first.
func (l *bulkLoader) sendIndex(ind kv.QuadIndex, ch chan<- *indexRun, done <-chan struct{}) bool {
	send := func(r *indexRun) bool { return sendRun(ch, r, done) }
	dirs, _ := indexDirs(ind) // writeIndexes checked them
	id := func(q *bulkQuad, i int) uint64 {
		if n := q.dirs[dirs[i]]; n >= 0 {
			return l.nodes[n].id
		}
		return 0
	}
	// Nodes and quads got their ids in the order they were added, so comparing places
	// compares ids (and no value, -1, comes before every id, as Cayley's 0 does).
	order := make([]int32, len(l.quads))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		qa, qb := &l.quads[a], &l.quads[b]
		for _, d := range dirs {
			if x, y := qa.dirs[d], qb.dirs[d]; x != y {
				return cmp.Compare(x, y)
			}
		}
		return cmp.Compare(a, b)
	})
	keyLen := 8 * len(dirs)
	newRun := func() *indexRun {
		return &indexRun{keyLen: keyLen, keys: make([]byte, 0, keyLen*indexRunLen), ends: make([]int, 0, indexRunLen)}
	}
	r := newRun()
	for i := 0; i < len(order); {
		q := &l.quads[order[i]]
		for d := range dirs {
			r.keys = binary.BigEndian.AppendUint64(r.keys, id(q, d))
		}
		j := i
		for ; j < len(order); j++ {
			o := &l.quads[order[j]]
			same := true
			for d := range dirs {
				if id(o, d) != id(q, d) {
					same = false
					break
				}
			}
			if !same {
				break
			}
			r.vals = binary.AppendUvarint(r.vals, o.id)
		}
		r.ends = append(r.ends, len(r.vals))
		i = j
		if len(r.ends) == indexRunLen {
			if !send(r) {
				return false
			}
			r = newRun()
		}
	}
	if len(r.ends) > 0 && !send(r) {
		return false
	}
	return send(nil)
}

// writeIndexes writes the quad index buckets: the bucket of an index maps the ids of its
// directions' values, 8 big-endian bytes each, to the ids of the quads that have them, as
// uvarints in increasing order. runs comes from indexRuns.
func (l *bulkLoader) writeIndexes(runs <-chan *indexRun) error {
	for _, ind := range l.indexes {
		name := indexBucket(ind)
		w := l.writer()
		for r := range runs {
			if r == nil {
				break
			}
			start := 0
			for i, end := range r.ends {
				// Bolt keeps a value, not a copy, until the transaction commits: each run's
				// values are their own.
				key := r.keys[i*r.keyLen : (i+1)*r.keyLen]
				if err := w.put(name, key, r.vals[start:end:end]); err != nil {
					return err
				}
				start = end
			}
		}
		if err := w.commit(); err != nil {
			return err
		}
	}
	return nil
}

// bucketWriter puts keys in order into buckets, committing a transaction whenever it has
// written enough.
type bucketWriter struct {
	ctx       context.Context
	db        *bolt.DB
	tx        *bolt.Tx
	name      []byte
	b         *bolt.Bucket
	puts      int
	nbytes    int
	committed func() // called after each commit
}

func (l *bulkLoader) writer() *bucketWriter {
	return &bucketWriter{ctx: l.ctx, db: l.db, committed: l.committed}
}

func (w *bucketWriter) put(bucket, key, val []byte) error {
	if w.tx != nil && (w.puts >= bulkTxPuts || w.nbytes >= bulkTxBytes) {
		if err := w.commit(); err != nil {
			return err
		}
	}
	if w.tx == nil {
		tx, err := w.db.Begin(true)
		if err != nil {
			return err
		}
		w.tx, w.b, w.puts, w.nbytes = tx, nil, 0, 0
	}
	if w.b == nil || !bytes.Equal(w.name, bucket) {
		b, err := w.tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			return err
		}
		// Keys come in order: every page but the last is full and stays so.
		b.FillPercent = 1
		w.b, w.name = b, bucket
	}
	w.puts++
	w.nbytes += len(key) + len(val)
	if err := w.b.Put(key, val); err != nil {
		w.tx.Rollback()
		w.tx, w.b = nil, nil
		return err
	}
	return nil
}

func (w *bucketWriter) commit() error {
	if w.tx == nil {
		return nil
	}
	if err := w.ctx.Err(); err != nil {
		w.tx.Rollback()
		w.tx, w.b = nil, nil
		return err
	}
	err := w.tx.Commit()
	w.tx, w.b = nil, nil
	if err == nil && w.committed != nil {
		w.committed()
	}
	return err
}

// resetLoading empties a store whose bulk load did not finish: the store was empty before
// the load, so it becomes what Cayley's Init left: the meta bucket's version and index
// list, and an empty log and index buckets.
func resetLoading(db *bolt.DB) error {
	return db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucketName)
		if meta == nil {
			return errors.New("no meta bucket")
		}
		var names, metaKeys [][]byte
		err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if !bytes.Equal(name, metaBucketName) {
				names = append(names, append([]byte(nil), name...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = meta.ForEach(func(k, _ []byte) error {
			if s := string(k); s != "version" && s != "indexes" {
				metaKeys = append(metaKeys, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		var indexes []kv.QuadIndex
		if err := json.Unmarshal(meta.Get([]byte("indexes")), &indexes); err != nil {
			return fmt.Errorf("read the store's index list: %w", err)
		}
		for _, name := range names {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		for _, k := range metaKeys {
			if err := meta.Delete(k); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(logBucketName); err != nil {
			return err
		}
		for _, ind := range indexes {
			if _, err := tx.CreateBucketIfNotExists(indexBucket(ind)); err != nil {
				return err
			}
		}
		return nil
	})
}

// loadingMark says whether the store's bulk load has not finished.
func loadingMark(db *bolt.DB) (bool, error) {
	marked := false
	err := db.View(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(metaBucketName); meta != nil {
			marked = meta.Get(loadingKey) != nil
		}
		return nil
	})
	return marked, err
}
