package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"

	"github.com/factgraph/factgraph/store/model"
)

// Reader reads a bolt store in one read transaction, for the whole of a walk: a walk
// reads thousands of index entries, and each transaction of its own costs a transaction
// and the lookup of every bucket it reads. Values are decoded once, and strings interned
// once, per Reader. Close ends the transaction.
type Reader struct {
	ctx   context.Context
	db    *DB
	r     *boltReader
	links *bolt.Bucket // the link index; nil when it does not cover the store
	// cursor reads the link index: one cursor for the Reader's searches of it, which bolt
	// would otherwise allocate, with the path it keeps, for each.
	cursor *bolt.Cursor
	// ends is EachLinkEnd's cursor of the link index.
	ends *bolt.Cursor
	// scratch is where ItemLinks gathers ends before it copies them out.
	scratch []model.LinkEnd
	strs    map[string]string
}

// Begin opens a Reader.
func (s *DB) Begin(ctx context.Context) (*Reader, error) {
	return s.begin(ctx, map[uint64]quad.Value{})
}

func (s *DB) begin(ctx context.Context, values map[uint64]quad.Value) (*Reader, error) {
	tx, err := s.boltDB().Begin(false)
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	r, err := newBoltReader(ctx, tx, values)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	rd := &Reader{ctx: ctx, db: s, r: r, strs: map[string]string{}}
	if linkIndexFresh(tx) {
		rd.links = tx.Bucket(linkBucket)
		rd.cursor = rd.links.Cursor()
	}
	return rd, nil
}

// Close ends the Reader's transaction.
func (rd *Reader) Close() {
	if rd.r != nil {
		rd.r.tx.Rollback()
		rd.r, rd.links, rd.cursor, rd.ends = nil, nil, nil, nil
	}
}

// Intern returns b as a string, the same string for the same bytes throughout the Reader.
func (rd *Reader) Intern(b []byte) string {
	if s, ok := rd.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	rd.strs[s] = s
	return s
}

// HasLinks says whether the store's link index covers every write, so that the link
// methods (ItemLinks, Incoming, Kind, FirstLinked) answer; they answer nothing otherwise.
func (rd *Reader) HasLinks() bool { return rd.links != nil }

// HasIndex says whether the store has a quad index whose entries start with dirs.
func (rd *Reader) HasIndex(dirs ...quad.Direction) (bool, error) {
	ind, err := rd.db.boltIndexFor(dirs...)
	return ind != nil, err
}

// Quads returns the live quads with a source's label that have the values lead in the
// directions dirs, through the index whose entries start with dirs; ok is false when the
// store has no such index.
func (rd *Reader) Quads(dirs []quad.Direction, lead ...quad.Value) (out []quad.Quad, ok bool, err error) {
	ind, err := rd.db.boltIndexFor(dirs...)
	if err != nil || ind == nil {
		return nil, false, err
	}
	ids := make([]uint64, len(lead))
	for i, v := range lead {
		if ids[i] = rd.r.valueID(v); ids[i] == 0 {
			return nil, true, nil
		}
	}
	out, err = rd.r.collect(ind, ids, rd.r.sourceLabel)
	if err == nil {
		err = rd.ctx.Err()
	}
	return out, true, err
}

// First returns the object of the first live quad of subject s and predicate p that has a
// source's label, nil when there is none; ok is false when the store has no
// subject-predicate index. Cayley's iterator fetches the quads of an index entry a hundred
// at a time, and a party that hundreds of sources state has hundreds.
func (rd *Reader) First(s, p quad.Value) (found quad.Value, ok bool, err error) {
	ind, err := rd.db.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil || ind == nil {
		return nil, false, err
	}
	r := rd.r
	ids := []uint64{r.valueID(s), r.valueID(p)}
	if ids[0] == 0 || ids[1] == 0 {
		return nil, true, nil
	}
	errFound := errors.New("found")
	err = r.scan(ind, ids, func(pr primitive) error {
		if ok, err := r.sourceLabel(pr); !ok || err != nil {
			return err
		}
		v, err := r.value(pr.object)
		if err != nil {
			return err
		}
		found = v
		return errFound
	})
	if err != nil && err != errFound {
		return nil, true, err
	}
	return found, true, nil
}

// QuadsWith returns the live quads with a source's label whose subject is s and whose
// predicate is one of preds, picked by the predicate in the keys of the subject-predicate
// index: the item's other quads are not read from the log. ok is false when the store has
// no such index.
func (rd *Reader) QuadsWith(s quad.Value, preds []quad.IRI) (out []quad.Quad, ok bool, err error) {
	sp, err := rd.db.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil || sp == nil {
		return nil, false, err
	}
	r := rd.r
	id := r.valueID(s)
	if id == 0 {
		return nil, true, nil
	}
	var want [4]uint64
	ids := want[:0]
	for _, p := range preds {
		if pid := r.valueID(p); pid != 0 {
			ids = append(ids, pid)
		}
	}
	if len(ids) == 0 {
		return nil, true, nil
	}
	keep := func(key []byte) (bool, error) {
		return len(key) >= 16 && slices.Contains(ids, binary.BigEndian.Uint64(key[8:16])), nil
	}
	out, err = r.collectKeys(sp, []uint64{id}, keep, r.sourceLabel)
	if err == nil {
		err = rd.ctx.Err()
	}
	return out, true, err
}

// LinkQuads returns the live quads with a source's label, whose subject (out) or object
// (in) is v, and whose predicate is a reference field or a relation type. It picks them
// by the predicate in the index keys: a claim's text and quote are never read from the
// log, let alone decoded. ok is false when the store lacks the subject-predicate or
// object-predicate index.
func (rd *Reader) LinkQuads(v quad.Value) (out, in []quad.Quad, ok bool, err error) {
	sp, err := rd.db.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil || sp == nil {
		return nil, nil, false, err
	}
	ops, err := rd.db.boltIndexFor(quad.Object, quad.Predicate)
	if err != nil || ops == nil {
		return nil, nil, false, err
	}
	r := rd.r
	id := r.valueID(v)
	if id == 0 {
		return nil, nil, true, nil
	}
	// Both indexes have the predicate second in their keys.
	linkPred := func(key []byte) (bool, error) {
		if len(key) < 16 {
			return false, nil
		}
		pv, err := r.value(binary.BigEndian.Uint64(key[8:16]))
		p, ok := pv.(quad.IRI)
		return ok && (model.IsRef(p) || model.IsRelationType(p)), err
	}
	if out, err = r.collectKeys(sp, []uint64{id}, linkPred, r.sourceLabel); err != nil {
		return nil, nil, true, err
	}
	in, err = r.collectKeys(ops, []uint64{id}, linkPred, r.sourceLabel)
	return out, in, true, err
}

// ItemLinks returns what the link index lists under item: the ends of its links, the
// kind one source gives it and its date ("" for none).
func (rd *Reader) ItemLinks(item quad.IRI) (ends []model.LinkEnd, kind, date string) {
	if rd.links == nil {
		return nil, "", ""
	}
	ends, kind, date = lookupItem(rd.cursor, item, rd.Intern, rd.scratch[:0])
	rd.scratch = ends[:0]
	// A copy of the size it needs: a hub's ends, grown by doubling, were a fifth of what a
	// path search allocated.
	return slices.Clone(ends), kind, date
}

// EachLinkEnd calls fn with each end of item's links that the link index lists, each once
// however many sources state it: whether item is its subject (out), the predicate and the
// other end, as bytes good only until fn returns. Nothing is decoded or kept: a search for
// where two balls meet looks through thousands of items' ends for a few. It reads with a
// cursor of its own, so that fn may use the Reader's other methods.
func (rd *Reader) EachLinkEnd(item quad.IRI, fn func(out bool, pred, other []byte)) {
	if rd.links == nil {
		return
	}
	if rd.ends == nil {
		rd.ends = rd.links.Cursor()
	}
	scanLinkKeys(rd.ends, item, nil, func(at byte, mid, other []byte) {
		if at == linkOut || at == linkIn {
			fn(at == linkOut, mid, other)
		}
	})
}

// Incoming returns the ends of the links to item whose predicate is one of preds (every
// link when preds is nil), from the link index.
func (rd *Reader) Incoming(item quad.IRI, preds []quad.IRI) []model.LinkEnd {
	if rd.links == nil {
		return nil
	}
	return lookupIncoming(rd.cursor, item, preds, rd.Intern)
}

// Kind returns the kind one source gives item, from the link index; "" for none.
func (rd *Reader) Kind(item quad.IRI) string {
	if rd.links == nil {
		return ""
	}
	return indexedKind(rd.cursor, item)
}

// FirstLinked returns the item that item refers to through the field p, from the link
// index; "" for none.
func (rd *Reader) FirstLinked(item, p quad.IRI) string {
	if rd.links == nil {
		return ""
	}
	return firstLinked(rd.cursor, item, p)
}

// Split runs part over the indexes 0 to n-1: on rd itself, and from min on, half of them
// on a second goroutine with a Reader of its own, when that sees the store in the same
// state. A path's frontier, a hub's neighbours or the items a query lists are thousands of
// reads that do not depend on one another. part must write only to the slots from to to-1
// of what it fills, and read only through the Reader it is given.
func (rd *Reader) Split(n, min int, part func(r *Reader, from, to int) error) error {
	if n < min {
		return part(rd, 0, n)
	}
	other, err := rd.db.begin(rd.ctx, nil)
	if err != nil {
		return err
	}
	defer other.Close()
	if !bytes.Equal(storeState(other.r.tx), storeState(rd.r.tx)) { // a write came in between
		return part(rd, 0, n)
	}
	if rd.links == nil {
		other.links = nil
	}
	half := n / 2
	var wg sync.WaitGroup
	var err2 error
	wg.Add(1)
	go func() {
		defer wg.Done()
		// A damaged file makes bolt panic, or fault on its map, here as on rd's goroutine,
		// where the store turns it into an error (store.recoverDamage).
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if r := recover(); r != nil {
				err2 = rd.db.Damaged(fmt.Sprint(r))
			}
		}()
		err2 = part(other, half, n)
	}()
	err1 := part(rd, 0, half)
	wg.Wait()
	return errors.Join(err1, err2)
}

// Err is nil: a bolt read that fails panics (a damaged file), and the store turns that
// into an error.
func (rd *Reader) Err() error { return nil }
