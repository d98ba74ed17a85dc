package boltstore

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// The link index of a bolt store lists, under each item, the quads that may link it to
// another item (a reference field or a relation, under a source's label), both ways, the
// kind each source gives it and the date, so that a path search learns an item's links,
// and whether what they lead to is an item, and a query orders claims, from runs of keys
// instead of reading quads and values from the log (about 30 µs an item; a path across a
// corpus of 10,000 articles passes thousands). It is factgraph's own bucket beside
// Cayley's, with a key per quad and end, and empty values:
//
//	subject IRI 0x00 '>' predicate 0x00 object IRI 0x00 source id
//	object IRI 0x00 '<' predicate 0x00 subject IRI 0x00 source id
//	subject IRI 0x00 '=' kind 0x00 source id  (for "subject fg:kind kind" of an item)
//	subject IRI 0x00 '@' date 0x00 source id  (for "subject fg:date date", as written)
//
// A quad's keys are put when a write adds it and deleted when a write removes it, so the
// keys are exactly those of the live quads. The meta key linkIndexKey holds the store's
// horizon and size (storeState) when the index last covered every write, and the version
// of this layout; a store written by anything else no longer matches them, and walks then
// read the log as before, until the next write rebuilds the index.

var (
	linkBucket   = []byte("factgraph-links")
	linkIndexKey = []byte("factgraph-links")
)

// linkIndexVersion is the version of the link index's layout, the last byte of its
// stamp: an index of another layout is built again.
const linkIndexVersion = 1

// linkStamp is the stamp of a link index that covers the store in tx.
func linkStamp(tx *bolt.Tx) []byte { return append(storeState(tx), linkIndexVersion) }

// The ends under which the link index lists a quad (model.LinkOut ...).
const (
	linkOut  = model.LinkOut
	linkIn   = model.LinkIn
	linkKind = model.LinkKind
	linkDate = model.LinkDate
)

// linkEnds returns the ends under which q is listed (model.LinkEnds).
func linkEnds(q quad.Quad) []byte { return model.LinkEnds(q) }

// linkPredicate says whether quads of predicate p may be listed (model.LinkPredicate).
func linkPredicate(p quad.IRI) bool { return model.LinkPredicate(p) }

// appendLinkKey appends the key of q under its end at to b.
func appendLinkKey(b []byte, q quad.Quad, at byte) []byte {
	label := strings.TrimPrefix(string(q.Label.(quad.IRI)), model.SourcePrefix)
	switch at {
	case linkKind:
		return appendKeyOf(b, string(q.Subject.(quad.IRI)), at, string(q.Object.(quad.String)), "", label)
	case linkDate:
		return appendKeyOf(b, string(q.Subject.(quad.IRI)), at, string(q.Object.(quad.TypedString).Value), "", label)
	case linkIn:
		return appendKeyOf(b, string(q.Object.(quad.IRI)), at, string(q.Predicate.(quad.IRI)), string(q.Subject.(quad.IRI)), label)
	}
	return appendKeyOf(b, string(q.Subject.(quad.IRI)), at, string(q.Predicate.(quad.IRI)), string(q.Object.(quad.IRI)), label)
}

// appendKeyOf appends the key of the parts of a link index key to b: the item it is under,
// its end, the predicate (or the kind or date), the other end ("" for a kind or date) and
// the source id.
func appendKeyOf[T string | []byte](b []byte, item T, at byte, mid, other, source T) []byte {
	b = append(b, item...)
	b = append(b, 0, at)
	b = append(b, mid...)
	b = append(b, 0)
	if len(other) > 0 {
		b = append(b, other...)
		b = append(b, 0)
	}
	return append(b, source...)
}

// linkKeys returns the keys of q in the link index.
func linkKeys(q quad.Quad) [][]byte {
	var keys [][]byte
	for _, at := range linkEnds(q) {
		keys = append(keys, appendLinkKey(nil, q, at))
	}
	return keys
}

// linkIndexFresh says whether the link index covers every write of the store.
func linkIndexFresh(tx *bolt.Tx) bool {
	meta := tx.Bucket(metaBucketName)
	if meta == nil || tx.Bucket(linkBucket) == nil {
		return false
	}
	stamp := meta.Get(linkIndexKey)
	return stamp != nil && bytes.Equal(stamp, linkStamp(tx))
}

// lookupItem returns what the link index lists under item, read with its cursor c (the
// index covers the store): the ends of its link quads, each once however many sources
// state it, appended to ends; its kind as one source gives it ("" when none gives it an
// item's kind); and its date as one source writes it ("" when none does). intern turns a
// key's bytes into a string, so that a walk holds each id once.
func lookupItem(c *bolt.Cursor, item quad.IRI, intern func([]byte) string, ends []model.LinkEnd) (_ []model.LinkEnd, kind, date string) {
	scanLinkKeys(c, item, nil, func(at byte, mid, other []byte) {
		switch at {
		case linkKind:
			if kind == "" {
				kind = intern(mid)
			}
		case linkDate:
			if date == "" {
				date = string(mid)
			}
		case linkOut, linkIn:
			ends = append(ends, model.LinkEnd{Pred: intern(mid), Other: intern(other), Out: at == linkOut})
		}
	})
	return ends, kind, date
}

// lookupIncoming returns the ends of the link quads whose object is item, from c, a cursor
// of a fresh index, each once: those of the predicates preds, or of any when preds is nil.
func lookupIncoming(c *bolt.Cursor, item quad.IRI, preds []quad.IRI, intern func([]byte) string) []model.LinkEnd {
	var ends []model.LinkEnd
	add := func(_ byte, pred, other []byte) {
		ends = append(ends, model.LinkEnd{Pred: intern(pred), Other: intern(other)})
	}
	if preds == nil {
		scanLinkKeys(c, item, []byte{linkIn}, add)
	}
	for _, p := range preds {
		scanLinkKeys(c, item, append(append([]byte{linkIn}, p...), 0), add)
	}
	return ends
}

// scanLinkKeys calls fn with the end, the predicate (or kind or date) and the other end
// (nil for a kind or date) of each key under item that starts with from after the item,
// read with the index's cursor c, once for each but the source: a link that several
// sources state is one link.
func scanLinkKeys(c *bolt.Cursor, item quad.IRI, from []byte, fn func(at byte, mid, other []byte)) {
	prefix := append(append([]byte(item), 0), from...)
	start := len(item) + 1
	var last []byte // the last key but its source
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		rest := k[start:]
		if len(rest) < 2 {
			continue
		}
		at := rest[0]
		mid, more, ok := bytes.Cut(rest[1:], []byte{0})
		if !ok {
			continue
		}
		var other []byte
		if at == linkOut || at == linkIn {
			if other, _, ok = bytes.Cut(more, []byte{0}); !ok {
				continue
			}
		}
		head := k[:len(k)-len(more)+len(other)]
		if bytes.Equal(head, last) {
			continue
		}
		last = head
		fn(at, mid, other)
	}
}

// indexedKind returns the kind one source gives item, from c, a cursor of a fresh
// index; "" when no source gives it an item's kind.
func indexedKind(c *bolt.Cursor, item quad.IRI) string {
	prefix := append(append([]byte(item), 0), linkKind)
	k, _ := c.Seek(prefix)
	if !bytes.HasPrefix(k, prefix) {
		return ""
	}
	kind, _, _ := bytes.Cut(k[len(prefix):], []byte{0})
	return string(kind)
}

// firstLinked returns what item refers to through the field p, from c, a cursor of a
// fresh index (as one source gives it), or "".
func firstLinked(c *bolt.Cursor, item, p quad.IRI) string {
	prefix := append(append(append([]byte(item), 0, linkOut), p...), 0)
	k, _ := c.Seek(prefix)
	if !bytes.HasPrefix(k, prefix) {
		return ""
	}
	to, _, _ := bytes.Cut(k[len(prefix):], []byte{0})
	return string(to)
}

// updateLinks brings the link index up to date in tx (see UpdateIndexes): the keys of
// the quads the deltas add are put and those of the quads they remove are deleted.
func updateLinks(s *DB, tx *bolt.Tx, before []byte, deltas []cgraph.Delta) error {
	meta := tx.Bucket(metaBucketName)
	if stamp := meta.Get(linkIndexKey); stamp == nil || !bytes.Equal(stamp, append(before, linkIndexVersion)) || tx.Bucket(linkBucket) == nil {
		return rebuildLinks(s, tx)
	}
	b := tx.Bucket(linkBucket)
	var put, del [][]byte
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			put = append(put, linkKeys(d.Quad)...)
		} else {
			del = append(del, linkKeys(d.Quad)...)
		}
	}
	slices.SortFunc(del, bytes.Compare)
	for _, k := range del {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	slices.SortFunc(put, bytes.Compare)
	for _, k := range put {
		if err := b.Put(k, []byte{}); err != nil {
			return err
		}
	}
	return meta.Put(linkIndexKey, linkStamp(tx))
}

// rebuildLinks builds the link index again from every live quad of the store, in tx.
func rebuildLinks(s *DB, tx *bolt.Tx) error {
	if tx.Bucket(linkBucket) != nil {
		if err := tx.DeleteBucket(linkBucket); err != nil {
			return err
		}
	}
	r, err := newBoltReader(context.Background(), tx, nil)
	if err != nil {
		return err
	}
	var keys bulkLinks
	err = r.log.ForEach(func(_, v []byte) error {
		p, err := decodePrimitive(v)
		if err != nil {
			return fmt.Errorf("read store: an entry of the log: %w", err)
		}
		if p.deleted || p.value != nil || p.label == 0 {
			return nil
		}
		// Most quads are dropped by their predicate, without decoding the rest.
		pv, err := r.value(p.predicate)
		if err != nil {
			return err
		}
		if pred, ok := pv.(quad.IRI); !ok || !linkPredicate(pred) {
			return nil
		}
		q, err := r.quad(p)
		if err != nil {
			return err
		}
		keys.add(q)
		return nil
	})
	if err != nil {
		return err
	}
	b, err := tx.CreateBucket(linkBucket)
	if err != nil {
		return err
	}
	if err := keys.each(func(k []byte) error { return b.Put(k, []byte{}) }); err != nil {
		return err
	}
	return tx.Bucket(metaBucketName).Put(linkIndexKey, linkStamp(tx))
}

// bulkLinks collects the keys of a rebuild in one arena: a store of 10,000 articles has
// about two and a half million.
type bulkLinks struct {
	arena []byte
	keys  []uint64 // start<<16 | length in arena
}

func (l *bulkLinks) add(q quad.Quad) {
	for _, at := range linkEnds(q) {
		start := len(l.arena)
		l.arena = appendLinkKey(l.arena, q, at)
		if n := len(l.arena) - start; n < 1<<16 {
			l.keys = append(l.keys, uint64(start)<<16|uint64(n))
		} else {
			l.arena = l.arena[:start] // a key bolt could not hold anyway
		}
	}
}

func (l *bulkLinks) key(k uint64) []byte {
	start, n := k>>16, k&(1<<16-1)
	return l.arena[start : start+n]
}

// each calls fn with each key once, in order.
func (l *bulkLinks) each(fn func(k []byte) error) error {
	slices.SortFunc(l.keys, func(a, b uint64) int { return bytes.Compare(l.key(a), l.key(b)) })
	var last []byte
	for _, k := range l.keys {
		key := l.key(k)
		if last != nil && bytes.Equal(key, last) {
			continue
		}
		last = key
		if err := fn(key); err != nil {
			return err
		}
	}
	return nil
}

// bulkLink is a key of the link index in a bulk load: the nodes of the item it is under,
// of the predicate (or the kind, for linkKind), of the other end (-1 for linkKind) and of
// the label, and its end. A load of 10,000 articles makes about two and a half million;
// kept as nodes they take 20 bytes each instead of about 60.
type bulkLink struct {
	from, mid, other, label int32
	at                      byte
}

// newBulkLink is the key under end at of the quad whose nodes are dirs.
func newBulkLink(dirs [4]int32, at byte) bulkLink {
	switch at {
	case linkIn:
		return bulkLink{from: dirs[2], mid: dirs[1], other: dirs[0], label: dirs[3], at: at}
	case linkKind, linkDate:
		return bulkLink{from: dirs[0], mid: dirs[2], other: -1, label: dirs[3], at: at}
	}
	return bulkLink{from: dirs[0], mid: dirs[1], other: dirs[2], label: dirs[3], at: at}
}

// sortLinks sorts the link index's keys of the load into key order. A key's order is that
// of the ranks of its nodes' texts: each text ends where a 0x00 follows, and the value key of a node (appendValueKey) is its kind's letter and then its
// text, so nodes of one kind sort by value key as their texts do; the label "source/ID"
// sorts as ID does. (A date's value key starts with its type: two dates of one item, in
// two types, may come in another order, which costs bolt a little room, not a key.)
func (l *bulkLoader) sortLinks() {
	rank := make([]int32, len(l.nodes))
	var used []int32
	for _, k := range l.links {
		for _, n := range [4]int32{k.from, k.mid, k.other, k.label} {
			if n >= 0 && rank[n] == 0 {
				rank[n] = -1
				used = append(used, n)
			}
		}
	}
	slices.SortFunc(used, func(a, b int32) int {
		return bytes.Compare(l.valueKey(a), l.valueKey(b))
	})
	for i, n := range used {
		rank[n] = int32(i)
	}
	r := func(n int32) int32 {
		if n < 0 {
			return -1
		}
		return rank[n]
	}
	slices.SortFunc(l.links, func(a, b bulkLink) int {
		if c := cmp.Compare(r(a.from), r(b.from)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.at, b.at); c != 0 {
			return c
		}
		if c := cmp.Compare(r(a.mid), r(b.mid)); c != 0 {
			return c
		}
		if c := cmp.Compare(r(a.other), r(b.other)); c != 0 {
			return c
		}
		return cmp.Compare(r(a.label), r(b.label))
	})
}

// valueKey is the value key (appendValueKey) of node n.
func (l *bulkLoader) valueKey(n int32) []byte {
	nd := &l.nodes[n]
	return l.keys[nd.keyChunk][nd.keyOff : nd.keyOff+nd.keyLen]
}

// sendLinks sends the keys of the link index, sorted by sortLinks, in runs of keyRunLen,
// then nil; false if done was closed first.
func (l *bulkLoader) sendLinks(ch chan<- *keyRun, done <-chan struct{}) bool {
	text := func(n int32) []byte {
		key := l.valueKey(n)
		if key[0] == 'T' { // a typed string: the length of its type, its type, its text
			n, k := binary.Uvarint(key[1:])
			return key[1+k+int(n):]
		}
		return key[1:]
	}
	r := &keyRun{}
	for i, k := range l.links {
		if i > 0 && k == l.links[i-1] {
			continue
		}
		var other []byte
		if k.other >= 0 {
			other = text(k.other)
		}
		r.keys = appendKeyOf(r.keys, text(k.from), k.at, text(k.mid), other, bytes.TrimPrefix(text(k.label), []byte(model.SourcePrefix)))
		r.ends = append(r.ends, len(r.keys))
		if len(r.ends) == keyRunLen {
			if !sendRun(ch, r, done) {
				return false
			}
			r = &keyRun{}
		}
	}
	if len(r.ends) > 0 && !sendRun(ch, r, done) {
		return false
	}
	return sendRun(ch, nil, done)
}

// writeLinks writes the link index of the load from the runs of sendLinks, in
// transactions of their own.
func (l *bulkLoader) writeLinks(runs <-chan *keyRun) error {
	w := l.writer()
	for r := range runs {
		if r == nil {
			break
		}
		start := 0
		for _, end := range r.ends {
			if err := w.put(linkBucket, r.keys[start:end], []byte{}); err != nil {
				return fmt.Errorf("write the link index: %w", err)
			}
			start = end
		}
	}
	if err := w.commit(); err != nil {
		return fmt.Errorf("write the link index: %w", err)
	}
	return nil
}

// stampLinks marks the link index as covering the store, in tx, the load's last
// transaction.
func stampLinks(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(linkBucket); err != nil {
		return err
	}
	return tx.Bucket(metaBucketName).Put(linkIndexKey, linkStamp(tx))
}
