package boltstore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/boltdb/bolt"
)

// The end of a bulk load: the buckets written in key order. Bolt has one writer, so the
// writes follow one another; what they write is sorted and encoded beside them, on the
// other core, in the order the writes need it: the value buckets first (their order is
// quick to sort), while the link index is sorted, then the link index, while the quad
// indexes are sorted, then the quad indexes.

// keyRun is a run of keys in order, one after the other in keys, the i'th ending at ends[i].
type keyRun struct {
	keys []byte
	ends []int
}

// keyRunLen is the number of keys of a keyRun.
const keyRunLen = 8192

// sendRun sends r on ch; false if done was closed first.
func sendRun[R any](ch chan<- R, r R, done <-chan struct{}) bool {
	select {
	case ch <- r:
		return true
	case <-done:
		return false
	}
}

// finish writes the value buckets, the link index and the quad indexes, in key order, then
// the counters, and clears the loading mark.
func (l *bulkLoader) finish() error {
	for _, ind := range l.indexes {
		if _, err := indexDirs(ind); err != nil {
			return err
		}
	}
	l.byKey, l.byKeyMore, l.byHash = nil, nil, nil
	done := make(chan struct{})
	defer close(done)
	links := make(chan *keyRun, 4)
	sorted := make(chan struct{})
	go func() {
		l.sortLinks()
		close(sorted)
		l.sendLinks(links, done)
	}()
	runs := l.indexRuns(sorted, done)
	if err := l.writeValues(); err != nil {
		return err
	}
	if err := l.writeLinks(links); err != nil {
		return err
	}
	l.links, l.keys = nil, nil
	if err := l.writeIndexes(runs); err != nil {
		return err
	}
	return l.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucketName)
		if err := meta.Put([]byte("horizon"), binary.LittleEndian.AppendUint64(nil, l.next)); err != nil {
			return err
		}
		if err := meta.Put([]byte("size"), binary.LittleEndian.AppendUint64(nil, uint64(len(l.quads)))); err != nil {
			return err
		}
		if err := l.names.write(tx); err != nil {
			return err
		}
		if err := stampLinks(tx); err != nil {
			return fmt.Errorf("write the link index: %w", err)
		}
		return meta.Delete(loadingKey)
	})
}

// writeValues writes the value buckets: "v" and "n" with the hash's first two bytes name a
// bucket that maps the hash to the value's id ("v") and to its reference count ("n"), each
// as a uvarint.
func (l *bulkLoader) writeValues() error {
	order := make([]int32, len(l.nodes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return bytes.Compare(l.nodes[a].hash[:], l.nodes[b].hash[:])
	})
	for _, prefix := range []byte{'v', 'n'} {
		w := l.writer()
		for _, n := range order {
			nd := &l.nodes[n]
			v := nd.id
			if prefix == 'n' {
				v = nd.refs
			}
			if err := w.put([]byte{prefix, nd.hash[0], nd.hash[1]}, nd.hash[:], binary.AppendUvarint(nil, v)); err != nil {
				return err
			}
		}
		if err := w.commit(); err != nil {
			return err
		}
	}
	return nil
}
