package boltstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// The name index of a bolt store finds the items and sources a name, alias or title
// names without looking at every named item (about 70,000 in a store of 10,000 articles).
// It is factgraph's own bucket beside Cayley's: a key per name and subject,
//
//	FoldName(name) 0x00 subject IRI
//
// for every name, alias and title a write added, under a source's label. Removals leave
// their keys: NameMatches may answer more ids than a name matches (the caller reads them
// and resolves the name on them), never fewer. The meta key nameIndexKey holds the store's
// horizon and size when the index last covered every write; a store written by anything
// else (another program, a factgraph without the index, a write cut off between its
// commit and the index's) no longer matches them, and NameMatches then looks at every
// named item instead, until the next write rebuilds the index.

var (
	nameBucket   = []byte("factgraph-names")
	nameIndexKey = []byte("factgraph-names")
	// namePreds are the predicates whose objects are names.
	namePreds = []quad.Value{model.Name, model.Alias, model.Title}
)

// nameKey is the index key of name for subject.
func nameKey(name string, subject quad.IRI) []byte {
	k := append([]byte(graph.FoldName(name)), 0)
	return append(k, subject...)
}

// isNameQuad says whether q states a name, alias or title under a source's label
// (model.NameQuad).
func isNameQuad(q quad.Quad) (string, quad.IRI, bool) { return model.NameQuad(q) }

// storeState is a bolt store's horizon and size: any write changes one of them (an
// addition gives out ids, a removal lowers the size).
func storeState(tx *bolt.Tx) []byte {
	meta := tx.Bucket(metaBucketName)
	state := make([]byte, 16)
	if meta == nil {
		return state
	}
	copy(state[:8], meta.Get([]byte("horizon")))
	copy(state[8:], meta.Get([]byte("size")))
	return state
}

// nameIndexFresh says whether the name index covers every write of the store.
func nameIndexFresh(tx *bolt.Tx) bool {
	meta := tx.Bucket(metaBucketName)
	if meta == nil || tx.Bucket(nameBucket) == nil {
		return false
	}
	stamp := meta.Get(nameIndexKey)
	return stamp != nil && bytes.Equal(stamp, storeState(tx))
}

// lookupNames adds to found the ids of the subjects the fresh index lists under key.
func lookupNames(tx *bolt.Tx, key string, found map[string]bool) {
	prefix := append([]byte(key), 0)
	c := tx.Bucket(nameBucket).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		found[strings.TrimPrefix(string(k[len(prefix):]), model.SourcePrefix)] = true
	}
}

// putNames adds keys to the index and stamps it with the store's state, in tx.
func putNames(tx *bolt.Tx, keys [][]byte) error {
	b, err := tx.CreateBucketIfNotExists(nameBucket)
	if err != nil {
		return err
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, k := range keys {
		if err := b.Put(k, []byte{}); err != nil {
			return err
		}
	}
	return tx.Bucket(metaBucketName).Put(nameIndexKey, storeState(tx))
}

// State is the state of the store (its horizon and size) that its indexes record when
// they cover it: pass it to UpdateIndexes after a write.
func (s *DB) State() []byte {
	db := s.boltDB()
	if db == nil {
		return nil
	}
	var state []byte
	if err := db.View(func(tx *bolt.Tx) error {
		state = storeState(tx)
		return nil
	}); err != nil {
		return nil
	}
	return state
}

// UpdateIndexes brings factgraph's indexes of a bolt store, names and links, up to date
// after a write that applied deltas and found the store in state before (storeState), in
// one transaction: an index that covered the store then takes the keys of the deltas;
// another is built again from the store. Errors leave the indexes stale, which costs
// lookups and walks time, not answers.
func (s *DB) UpdateIndexes(before []byte, deltas []cgraph.Delta) error {
	db := s.boltDB()
	if db == nil || s.readOnly {
		return nil
	}
	return db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(metaBucketName) == nil {
			return errNotFactgraph
		}
		if err := updateNames(s, tx, before, deltas); err != nil {
			return err
		}
		return updateLinks(s, tx, before, deltas)
	})
}

// updateNames brings the name index up to date in tx (see UpdateIndexes): the names the
// deltas add are added.
func updateNames(s *DB, tx *bolt.Tx, before []byte, deltas []cgraph.Delta) error {
	if stamp := tx.Bucket(metaBucketName).Get(nameIndexKey); stamp == nil || !bytes.Equal(stamp, before) || tx.Bucket(nameBucket) == nil {
		return rebuildNames(s, tx)
	}
	var keys [][]byte
	for _, d := range deltas {
		if d.Action != cgraph.Add {
			continue
		}
		if name, subj, ok := isNameQuad(d.Quad); ok {
			keys = append(keys, nameKey(name, subj))
		}
	}
	return putNames(tx, keys)
}

// rebuildNames builds the name index again from every live name, alias and title of the
// parties, agreements, events and sources of the store, in tx.
func rebuildNames(s *DB, tx *bolt.Tx) error {
	if tx.Bucket(nameBucket) != nil {
		if err := tx.DeleteBucket(nameBucket); err != nil {
			return err
		}
	}
	ops, err := s.boltIndexFor(quad.Object, quad.Predicate, quad.Subject)
	if err != nil {
		return err
	}
	sp, err := s.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil {
		return err
	}
	if ops == nil || sp == nil {
		return errNotFactgraph
	}
	r, err := newBoltReader(context.Background(), tx, nil)
	if err != nil {
		return err
	}
	var keys [][]byte
	for _, kind := range []string{graph.KindParty, graph.KindAgreement, graph.KindEvent, graph.KindSource} {
		subjects, err := r.kindSubjects(ops, kind)
		if err != nil {
			return err
		}
		for _, sub := range subjects {
			for _, p := range namePreds {
				pid := r.valueID(p)
				if pid == 0 {
					continue
				}
				qs, err := r.collect(sp, []uint64{sub, pid}, r.sourceLabel)
				if err != nil {
					return err
				}
				for _, q := range qs {
					if name, subj, ok := isNameQuad(q); ok {
						keys = append(keys, nameKey(name, subj))
					}
				}
			}
		}
	}
	return putNames(tx, keys)
}

// errStaleNames is what a lookup that needs a fresh index finds instead.
var errStaleNames = errors.New("the name index does not cover the store")

// namesFromIndex adds to found the ids whose names fold to key, from the index of the
// bolt store s, or returns errStaleNames.
func (s *DB) namesFromIndex(key string, found map[string]bool) error {
	return s.boltDB().View(func(tx *bolt.Tx) error {
		if !nameIndexFresh(tx) {
			return errStaleNames
		}
		lookupNames(tx, key, found)
		return nil
	})
}

// bulkNames collects the index keys of a bulk load.
type bulkNames struct{ keys [][]byte }

func (n *bulkNames) add(q quad.Quad) {
	if name, subj, ok := isNameQuad(q); ok {
		n.keys = append(n.keys, nameKey(name, subj))
	}
}

// write puts the keys and stamps the index in tx, the load's last transaction.
func (n *bulkNames) write(tx *bolt.Tx) error {
	if err := putNames(tx, n.keys); err != nil {
		return fmt.Errorf("write the name index: %w", err)
	}
	return nil
}

// namesWithPrefix returns, from the fresh index, the subjects of the names, aliases and
// titles that start with the folded prefix, each once, in the order of the names, at most
// max of them; errStaleNames when the index does not cover the store.
func (s *DB) namesWithPrefix(prefix string, max int) ([]string, error) {
	var out []string
	err := s.boltDB().View(func(tx *bolt.Tx) error {
		if !nameIndexFresh(tx) {
			return errStaleNames
		}
		seen := map[string]bool{}
		p := []byte(prefix)
		c := tx.Bucket(nameBucket).Cursor()
		for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(out) < max; k, _ = c.Next() {
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				continue
			}
			id := strings.TrimPrefix(string(k[i+1:]), model.SourcePrefix)
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
		return nil
	})
	return out, err
}

// nameKeys calls fn with each folded name of the fresh index and the id it names (a
// source's without its prefix) where the name or the id is lo to hi runes long.
func (s *DB) nameKeys(lo, hi int, fn func(key, id string)) error {
	in := func(b []byte) bool { n := utf8.RuneCount(b); return n >= lo && n <= hi }
	return s.boltDB().View(func(tx *bolt.Tx) error {
		if !nameIndexFresh(tx) {
			return errStaleNames
		}
		c := tx.Bucket(nameBucket).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				continue
			}
			name, id := k[:i], bytes.TrimPrefix(k[i+1:], []byte(model.SourcePrefix))
			if in(name) || in(id) {
				fn(string(name), string(id))
			}
		}
		return nil
	})
}
