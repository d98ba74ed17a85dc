package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// ErrNoNameIndex is returned by NameMatches on a store whose names it cannot look up
// without reading the whole store (a memory or PostgreSQL store): read the whole store with
// Load and resolve the name there instead.
var ErrNoNameIndex = errors.New("names cannot be looked up in this store without reading all of it; load the whole store instead")

// FoldName is how a reference is compared with ids, names, aliases and titles: lower case,
// runs of spaces as one space, no space at either end.
func FoldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// NameMatches returns the ids a reference may name, sorted: ref itself when the store holds
// an item or source with that id (an id wins over any name); else every item and source
// whose id, name, alias or title one source states as ref, ignoring case and runs of spaces
// (FoldName). The list may hold more than the matches of the merged graph (a name that a
// later source replaces), never fewer: read the ids whole and resolve ref on them.
//
// On a bolt store it reads the parties, agreements, events and sources from the
// object-predicate-subject index of their kind, and their names, aliases and titles from the
// subject-predicate index, in one read transaction, without the other quads of the store.
// Elsewhere it returns ErrNoNameIndex for a ref that is not an id.
func (s *Store) NameMatches(ctx context.Context, ref string) ([]string, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	w := newWalker(ctx, s, -1, nil)
	if held, err := w.holds(ref); err != nil || held {
		if held {
			return []string{ref}, nil
		}
		return nil, err
	}
	if s.pin == nil {
		return nil, ErrNoNameIndex
	}
	key := FoldName(ref)
	found := map[string]bool{}
	if key != ref {
		held, err := w.holds(key)
		if err != nil {
			return nil, err
		}
		if held {
			found[key] = true // ids are lower case: "Japan" names the id japan
		}
	}
	db, ok := s.pin.KV.(*hbolt.DB)
	if !ok {
		return nil, ErrNoNameIndex
	}
	// Bolt's own transaction: a hundred thousand reads, each without looking its bucket up.
	tx, err := db.DB().Begin(false)
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	defer tx.Rollback()
	opsIndex := kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
	spIndex := kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	r := &nameReader{ctx: ctx, values: map[uint64]quad.Value{},
		log: tx.Bucket(logBucket[0]), sp: tx.Bucket(spIndex.Key(nil)[0]), ops: tx.Bucket(opsIndex.Key(nil)[0])}
	if r.log == nil || r.sp == nil || r.ops == nil {
		return nil, errors.New("read store: the store lacks the indexes of a factgraph store; is it one?")
	}
	kinds := []struct {
		kind  string
		preds []quad.IRI
		all   []bool // read every source's value, not just one
	}{
		// Every source that states a party or agreement gives it the same name (the
		// validator checks it); aliases add up across sources, and so may event names.
		{KindParty, []quad.IRI{pName, pAlias}, []bool{false, true}},
		{KindAgreement, []quad.IRI{pName}, []bool{false}},
		{KindEvent, []quad.IRI{pName}, []bool{true}},
		{KindSource, []quad.IRI{pTitle}, []bool{true}},
	}
	for _, k := range kinds {
		kindRef, err := s.valueID(quad.String(k.kind))
		if err != nil || kindRef == 0 {
			if err != nil {
				return nil, err
			}
			continue
		}
		kindPred, err := s.valueID(pKind)
		if err != nil || kindPred == 0 {
			return nil, err
		}
		preds := make([]uint64, len(k.preds))
		for i, p := range k.preds {
			if preds[i], err = s.valueID(p); err != nil {
				return nil, err
			}
		}
		prefix := opsIndex.Key([]uint64{kindRef, kindPred})[1]
		var subjects []uint64
		c := r.ops.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) == 24 {
				subjects = append(subjects, binary.BigEndian.Uint64(k[16:]))
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, sub := range subjects {
			match := false
			for i, p := range preds {
				if p == 0 || match {
					continue
				}
				if match, err = r.anyObject(spIndex.Key([]uint64{sub, p})[1], k.all[i], func(v quad.Value) bool {
					t, ok := v.(quad.String)
					return ok && len(t) >= len(key) && FoldName(string(t)) == key
				}); err != nil {
					return nil, err
				}
			}
			if !match {
				continue
			}
			v, err := r.value(sub)
			if err != nil {
				return nil, err
			}
			iri, _ := v.(quad.IRI)
			id := string(iri)
			if k.kind == KindSource {
				id = strings.TrimPrefix(id, sourcePrefix)
			}
			found[id] = true
		}
	}
	return sortedKeys(found), nil
}

// holds says whether the store holds an item or a source with the id.
func (w *walker) holds(id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	if ok, err := w.isItem(id); ok || err != nil {
		return ok, err
	}
	if err := w.source(id); err != nil {
		return false, err
	}
	return w.sources[id] != nil, nil
}

// valueID returns the id of v in a key-value store, 0 when the store does not hold it.
func (s *Store) valueID(v quad.Value) (uint64, error) {
	ref, err := s.qs.ValueOf(v)
	if err != nil {
		return 0, fmt.Errorf("read store: %w", err)
	}
	if ref == nil {
		return 0, nil
	}
	i, ok := ref.(kv.Int64Value)
	if !ok {
		return 0, fmt.Errorf("read store: unexpected value reference %T", ref)
	}
	return uint64(i), nil
}

// nameReader reads index entries and log entries of a bolt store in one transaction,
// decoding each value once.
type nameReader struct {
	ctx          context.Context
	log, sp, ops *bolt.Bucket
	values       map[uint64]quad.Value
	key          [8]byte
}

func (r *nameReader) entry(id uint64) (primitive, error) {
	binary.BigEndian.PutUint64(r.key[:], id)
	b := r.log.Get(r.key[:])
	if b == nil {
		return primitive{}, fmt.Errorf("read store: entry %d of the log is missing; is it a factgraph store?", id)
	}
	return decodePrimitive(b)
}

func (r *nameReader) value(id uint64) (quad.Value, error) {
	if v, ok := r.values[id]; ok {
		return v, nil
	}
	p, err := r.entry(id)
	if err != nil {
		return nil, err
	}
	v, err := pquads.UnmarshalValue(p.value)
	if err != nil {
		return nil, fmt.Errorf("read store: value %d: %w", id, err)
	}
	r.values[id] = v
	return v, nil
}

// anyObject says whether the object of a live quad with a source's label, among those the
// index entry key lists, satisfies ok: of the first such quad only unless all is set.
func (r *nameReader) anyObject(key []byte, all bool, ok func(quad.Value) bool) (bool, error) {
	list := r.sp.Get(key)
	seen := map[uint64]bool{}
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return false, errors.New("read store: an index entry is damaged; is it a factgraph store?")
		}
		list = list[n:]
		p, err := r.entry(id)
		if err != nil {
			return false, err
		}
		if p.deleted || p.label == 0 || seen[p.object] {
			continue
		}
		l, err := r.value(p.label)
		if err != nil {
			return false, err
		}
		if iri, isIRI := l.(quad.IRI); !isIRI || !strings.HasPrefix(string(iri), sourcePrefix) {
			continue
		}
		seen[p.object] = true
		v, err := r.value(p.object)
		if err != nil {
			return false, err
		}
		if ok(v) {
			return true, nil
		}
		if !all {
			return false, nil
		}
	}
	return false, r.ctx.Err()
}
