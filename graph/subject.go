package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// subjectFilter narrows a read of a subject's quads: to one label, and to some predicates.
// The zero filter keeps every quad.
type subjectFilter struct {
	label quad.Value
	preds []quad.Value
}

// subjectQuadsWhere calls fn with every quad whose subject is v and that f keeps.
//
// On bolt it reads the subject index itself, in one read transaction: it reads each quad's
// log entry and drops those of other labels before resolving any value, and resolves each
// value once. Cayley's iterator opens a transaction per quad and resolves its four values
// each time, which made re-ingesting one article of a 10,000-article store read every quad
// of the parties it shares with a few hundred other articles, value by value.
func (s *Store) subjectQuadsWhere(ctx context.Context, v quad.Value, f subjectFilter, fn func(quad.Quad) error) error {
	if db := s.boltDB(); db != nil {
		index, err := s.subjectIndex()
		if err != nil {
			return err
		}
		if index != nil {
			return boltSubjectQuads(ctx, db, index, v, f, fn)
		}
	}
	keep := func(q quad.Quad) bool {
		if f.label != nil && q.Label != f.label {
			return false
		}
		if f.preds == nil {
			return true
		}
		for _, p := range f.preds {
			if q.Predicate == p {
				return true
			}
		}
		return false
	}
	return s.subjectQuads(ctx, v, func(q quad.Quad) error {
		if !keep(q) {
			return nil
		}
		return fn(q)
	})
}

// subjectIndex returns the bucket of the store's index that starts with the subject, and
// whether its second direction is the predicate; nil when it has none.
func (s *Store) subjectIndex() (*boltIndex, error) {
	if s.subjIndex != nil {
		return s.subjIndex, nil
	}
	indexes, err := readIndexes(s.boltDB())
	if err != nil {
		return nil, err
	}
	s.subjIndex = &boltIndex{}
	for _, ind := range indexes {
		if len(ind.Dirs) > 0 && ind.Dirs[0] == quad.Subject {
			name := make([]byte, len(ind.Dirs))
			for i, d := range ind.Dirs {
				name[i] = d.Prefix()
			}
			s.subjIndex = &boltIndex{name: name, predSecond: len(ind.Dirs) > 1 && ind.Dirs[1] == quad.Predicate}
			break
		}
	}
	if s.subjIndex.name == nil {
		return nil, nil
	}
	return s.subjIndex, nil
}

// boltIndex is a quad index of a bolt store.
type boltIndex struct {
	name       []byte // nil: the store has no index starting with the subject
	predSecond bool
}

// boltValueID returns the id of value v in a bolt store, 0 when the store does not hold it.
func boltValueID(tx *bolt.Tx, v quad.Value) uint64 {
	h := refs.HashOf(v)
	b := tx.Bucket([]byte{'v', h[0], h[1]})
	if b == nil {
		return 0
	}
	id, n := binary.Uvarint(b.Get(h[:]))
	if n <= 0 {
		return 0
	}
	return id
}

func boltSubjectQuads(ctx context.Context, db *bolt.DB, index *boltIndex, v quad.Value, f subjectFilter, fn func(quad.Quad) error) error {
	var out []quad.Quad
	err := db.View(func(tx *bolt.Tx) error {
		subj := boltValueID(tx, v)
		if subj == 0 {
			return nil
		}
		var label uint64
		if f.label != nil {
			if label = boltValueID(tx, f.label); label == 0 {
				return nil
			}
		}
		idx, log := tx.Bucket(index.name), tx.Bucket(logBucketName)
		if idx == nil || log == nil {
			return fmt.Errorf("read store: no %q or log bucket; is it a factgraph store?", index.name)
		}
		// The index keys to read: the subject's, or the subject's with each predicate.
		var prefixes [][]byte
		preds := map[uint64]bool{}
		key := binary.BigEndian.AppendUint64(nil, subj)
		switch {
		case f.preds == nil:
			prefixes = [][]byte{key}
		default:
			for _, p := range f.preds {
				id := boltValueID(tx, p)
				if id == 0 {
					continue
				}
				preds[id] = true
				if index.predSecond {
					prefixes = append(prefixes, binary.BigEndian.AppendUint64(bytes.Clone(key), id))
				}
			}
			if !index.predSecond && len(preds) > 0 {
				prefixes = [][]byte{key}
			}
		}
		values := map[uint64]quad.Value{}
		value := func(id uint64) (quad.Value, error) {
			if id == 0 {
				return nil, nil
			}
			if v, ok := values[id]; ok {
				return v, nil
			}
			p, err := logEntry(log, id)
			if err != nil {
				return nil, err
			}
			if p.value == nil {
				return nil, fmt.Errorf("read store: value %d has no log entry", id)
			}
			v, err := pquads.UnmarshalValue(p.value)
			if err != nil {
				return nil, fmt.Errorf("read store: value %d: %w", id, err)
			}
			values[id] = v
			return v, nil
		}
		c := idx.Cursor()
		for _, prefix := range prefixes {
			for k, list := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, list = c.Next() {
				if err := ctx.Err(); err != nil {
					return err
				}
				for len(list) > 0 {
					id, n := binary.Uvarint(list)
					if n <= 0 {
						return fmt.Errorf("read store: bad entry in index %q", index.name)
					}
					list = list[n:]
					p, err := logEntry(log, id)
					if err != nil {
						return err
					}
					if p.deleted || p.value != nil || p.subject != subj || (label != 0 && p.label != label) || (f.preds != nil && !preds[p.predicate]) {
						continue
					}
					var q quad.Quad
					if q.Subject, err = value(p.subject); err == nil {
						if q.Predicate, err = value(p.predicate); err == nil {
							if q.Object, err = value(p.object); err == nil {
								q.Label, err = value(p.label)
							}
						}
					}
					if err != nil {
						return err
					}
					out = append(out, q)
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, q := range out {
		if err := fn(q); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// logEntry decodes the log entry of id.
func logEntry(log *bolt.Bucket, id uint64) (primitive, error) {
	b := log.Get(binary.BigEndian.AppendUint64(make([]byte, 0, 8), id))
	if b == nil {
		return primitive{}, fmt.Errorf("read store: no log entry for id %d", id)
	}
	p, err := decodePrimitive(b)
	if err == nil && p.id != id {
		err = errors.New("id does not match its key")
	}
	if err != nil {
		return primitive{}, fmt.Errorf("read store: log entry %d: %w", id, err)
	}
	return p, nil
}
