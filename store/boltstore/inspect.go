package boltstore

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// What checks of the bulk load and of factgraph's indexes compare: the layout of a store,
// the keys an index holds against those its quads should give, and ways to put a store in
// the states that other programs or older versions leave behind.

// Layout describes every key and value of a bolt store's Cayley layout with ids replaced by
// what they name, one sorted line each, so that two stores that hold the same data in
// different ids describe the same.
func (s *DB) Layout() (string, error) {
	var lines []string
	err := s.boltDB().View(func(tx *bolt.Tx) error {
		logB := tx.Bucket(logBucketName)
		names := map[uint64]string{}
		var prims []primitive
		if logB != nil {
			if err := logB.ForEach(func(k, v []byte) error {
				p, err := decodePrimitive(v)
				if err != nil {
					return err
				}
				if p.id != binary.BigEndian.Uint64(k) {
					return fmt.Errorf("log key %x holds id %d", k, p.id)
				}
				if p.value != nil {
					val, err := pquads.UnmarshalValue(p.value)
					if err != nil {
						return err
					}
					names[p.id] = val.String()
				}
				p.value = slices.Clone(p.value)
				prims = append(prims, p)
				return nil
			}); err != nil {
				return err
			}
		}
		name := func(id uint64) string {
			if id == 0 {
				return "-"
			}
			if n, ok := names[id]; ok {
				return n
			}
			return "?" // a value removed with its last quad; ids differ between stores
		}
		quadName := map[uint64]string{}
		for _, p := range prims {
			if p.value != nil {
				lines = append(lines, "log value "+names[p.id])
				continue
			}
			q := fmt.Sprintf("%s %s %s %s", name(p.subject), name(p.predicate), name(p.object), name(p.label))
			if p.deleted {
				q += " (deleted)"
			}
			quadName[p.id] = q
			lines = append(lines, "log quad "+q)
		}
		return tx.ForEach(func(bname []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				switch {
				case string(bname) == "meta":
					switch string(k) {
					case "horizon", "size", "version":
						lines = append(lines, fmt.Sprintf("meta %s %d", k, binary.LittleEndian.Uint64(v)))
					default:
						lines = append(lines, fmt.Sprintf("meta %s %s", k, v))
					}
				case string(bname) == "log":
				case string(bname) == string(nameBucket):
					lines = append(lines, fmt.Sprintf("name %q", k))
				case string(bname) == string(linkBucket):
					lines = append(lines, fmt.Sprintf("link %q", k))
				case len(bname) == 3 && (bname[0] == 'v' || bname[0] == 'n'):
					n, _ := binary.Uvarint(v)
					if bname[0] == 'v' {
						lines = append(lines, fmt.Sprintf("value %x -> %s", k, name(n)))
					} else {
						lines = append(lines, fmt.Sprintf("refs %x = %d", k, n))
					}
				default:
					var ids, quads []string
					for i := 0; i+8 <= len(k); i += 8 {
						ids = append(ids, name(binary.BigEndian.Uint64(k[i:])))
					}
					for len(v) > 0 {
						id, n := binary.Uvarint(v)
						if n <= 0 {
							return fmt.Errorf("bad index list in %q", bname)
						}
						quads = append(quads, quadName[id])
						v = v[n:]
					}
					slices.Sort(quads)
					lines = append(lines, fmt.Sprintf("index %s %s -> %s", bname, strings.Join(ids, " "), strings.Join(quads, " | ")))
				}
				return nil
			})
		})
	})
	if err != nil {
		return "", err
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n"), nil
}

// MarkLoading marks the store as a first bulk load that did not finish leaves it.
func (s *DB) MarkLoading() error {
	return s.boltDB().Update(func(tx *bolt.Tx) error {
		return tx.Bucket(metaBucketName).Put(loadingKey, []byte{1})
	})
}

// LinkKeys returns the keys the link index holds for the quad q.
func LinkKeys(q quad.Quad) []string {
	var out []string
	for _, k := range linkKeys(q) {
		out = append(out, string(k))
	}
	return out
}

// NameOf returns the name, alias or title that q states under a source's label.
func NameOf(q quad.Quad) (string, bool) {
	name, _, ok := isNameQuad(q)
	return name, ok
}

// Index names one of factgraph's indexes of a bolt store.
type Index int

// The indexes.
const (
	NameIndex Index = iota
	LinkIndex
)

func (ix Index) bucketAndKey() ([]byte, []byte, func(*bolt.Tx) bool) {
	if ix == NameIndex {
		return nameBucket, nameIndexKey, nameIndexFresh
	}
	return linkBucket, linkIndexKey, linkIndexFresh
}

// Fresh says whether the index covers every write of the store.
func (s *DB) Fresh(ix Index) (bool, error) {
	_, _, fresh := ix.bucketAndKey()
	var ok bool
	err := s.boltDB().View(func(tx *bolt.Tx) error {
		ok = fresh(tx)
		return nil
	})
	return ok, err
}

// Keys returns the keys the index holds, in order.
func (s *DB) Keys(ix Index) ([]string, error) {
	bucket, _, _ := ix.bucketAndKey()
	var keys []string
	err := s.boltDB().View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	return keys, err
}

// Drop deletes the index and its stamp, as a store that an older version wrote lacks it.
func (s *DB) Drop(ix Index) error {
	bucket, key, _ := ix.bucketAndKey()
	return s.boltDB().Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucket); err != nil {
			return err
		}
		return tx.Bucket(metaBucketName).Delete(key)
	})
}

// ScanNames is Names without the name index: it looks at every named item.
func (rd *Reader) ScanNames(key string, found map[string]bool) error {
	ops, err := rd.db.boltIndexFor(quad.Object, quad.Predicate, quad.Subject)
	if err != nil {
		return err
	}
	sp, err := rd.db.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil {
		return err
	}
	return matchNames(rd.r, ops, sp, key, found)
}

// IgnoreLinks makes the Reader read links from the log, as if the link index did not
// cover the store.
func (rd *Reader) IgnoreLinks() { rd.links = nil }
