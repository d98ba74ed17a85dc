package store

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// parallelMin is the fewest link index lookups worth a second goroutine (a variable for
// tests).
var parallelMin = 512

// split runs part over the indexes 0 to n-1 of a walk of a bolt store: on the walk's own
// read transaction and reader, and from min on, half of them on a second goroutine with a
// read transaction and reader of its own, when it sees the store in the same state. A
// path's frontier, a hub's neighbours or the items a query lists are thousands of reads
// that do not depend on one another. part must write only to the slots from to to-1 of
// what it fills, and intern strings with the function it is given.
func (w *walker) split(n, min int, part func(tx *bolt.Tx, r *boltReader, intern func([]byte) string, from, to int) error) error {
	if err := w.viewBolt(func(*boltReader) error { return nil }); err != nil {
		return err
	}
	if n < min {
		return part(w.br.tx, w.br, w.intern, 0, n)
	}
	tx, err := w.s.boltDB().Begin(false)
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer tx.Rollback()
	if !bytes.Equal(storeState(tx), storeState(w.br.tx)) { // a write came in between
		return part(w.br.tx, w.br, w.intern, 0, n)
	}
	r, err := newBoltReader(w.ctx, tx, nil)
	if err != nil {
		return err
	}
	strs := map[string]string{}
	intern := func(k []byte) string {
		if s, ok := strs[string(k)]; ok {
			return s
		}
		s := string(k)
		strs[s] = s
		return s
	}
	half := n / 2
	var wg sync.WaitGroup
	var err2 error
	wg.Add(1)
	go func() {
		defer wg.Done()
		err2 = part(tx, r, intern, half, n)
	}()
	err1 := part(w.br.tx, w.br, w.intern, 0, half)
	wg.Wait()
	return errors.Join(err1, err2)
}

// linkReads runs read for i from 0 to n-1 on the walk's link index, which must cover the
// store (w.linkBucket), on two goroutines from parallelMin lookups on (split).
func (w *walker) linkReads(n int, read func(b *bolt.Bucket, intern func([]byte) string, i int)) error {
	return w.split(n, parallelMin, func(tx *bolt.Tx, _ *boltReader, intern func([]byte) string, from, to int) error {
		b := tx.Bucket(linkBucket)
		for i := from; i < to; i++ {
			read(b, intern, i)
		}
		return nil
	})
}

// itemLinks is what the link index lists under an item: the ends of its links and its
// kind.
type itemLinks struct {
	ends []linkEnd
	kind string
}

// prefetchLinks reads from the link index, when the walk has one, the links of the items
// ids that it has not read yet, and the kinds of the items they lead to, for links.
func (w *walker) prefetchLinks(ids []string) error {
	if err := w.viewLinks(); err != nil || w.linkBucket == nil {
		return err
	}
	var todo []string
	for _, id := range ids {
		if _, ok := w.linkCache[id]; !ok {
			if _, ok := w.ends[id]; !ok {
				todo = append(todo, id)
			}
		}
	}
	got := make([]itemLinks, len(todo))
	err := w.linkReads(len(todo), func(b *bolt.Bucket, intern func([]byte) string, i int) {
		got[i].ends, got[i].kind, _ = lookupItem(b, model.ItemIRI(todo[i]), intern)
	})
	if err != nil {
		return err
	}
	var targets []string
	seen := map[string]bool{}
	for i, id := range todo {
		w.ends[id] = got[i]
		w.kinds[id] = got[i].kind
		for _, e := range got[i].ends {
			// links checks where the item's own fields and relations lead, not the
			// subject of a reference to it (an item).
			if !e.out && model.IsRef(quad.IRI(e.pred)) {
				continue
			}
			if _, known := w.kinds[e.other]; !known && !seen[e.other] {
				seen[e.other] = true
				targets = append(targets, e.other)
			}
		}
	}
	return w.prefetchKinds(targets)
}

// prefetchKinds reads the kinds of the items ids from the link index, when the walk has
// one, into w.kinds.
func (w *walker) prefetchKinds(ids []string) error {
	if err := w.viewLinks(); err != nil || w.linkBucket == nil {
		return err
	}
	var todo []string
	for _, id := range ids {
		if _, ok := w.kinds[id]; !ok {
			todo = append(todo, id)
		}
	}
	kinds := make([]string, len(todo))
	err := w.linkReads(len(todo), func(b *bolt.Bucket, _ func([]byte) string, i int) {
		kinds[i] = indexedKind(b, model.ItemIRI(todo[i]))
	})
	for i, id := range todo {
		w.kinds[id] = kinds[i]
	}
	return err
}

// readAheadMin is the fewest items worth reading ahead on two goroutines (a variable for
// tests).
var readAheadMin = 64

// prefetchItems reads the items ids whole, and the sources that share their ids, ahead of
// item, half of them on a second goroutine with a read transaction of its own, when the
// store is bolt and they are enough to be worth it: the items a query lists or a thread
// holds are hundreds of reads that do not depend on one another.
func (w *walker) prefetchItems(ids []string) error {
	ind, err := w.s.boltIndexFor(quad.Subject)
	if err != nil || ind == nil {
		return err
	}
	var iris []quad.IRI
	for _, id := range ids {
		if _, ok := w.items[id]; ok {
			continue
		}
		iris = append(iris, model.ItemIRI(id))
		if _, ok := w.sources[id]; !ok && !strings.Contains(id, "/") {
			iris = append(iris, model.SourceIRI(id))
		}
	}
	if len(iris) < 2*readAheadMin {
		return nil
	}
	got := make([]*itemQuads, len(iris))
	err = w.split(len(iris), 0, func(_ *bolt.Tx, r *boltReader, _ func([]byte) string, from, to int) error {
		for i := from; i < to; i++ {
			var err error
			if got[i], err = r.itemQuads(ind, iris[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, iri := range iris {
		w.readAhead[iri] = got[i]
	}
	return nil
}

// itemQuads reads the quads whose subject is iri through the subject index ind, as
// walker.read does.
func (r *boltReader) itemQuads(ind *boltIndex, iri quad.IRI) (*itemQuads, error) {
	it := newItemQuads(iri)
	v := r.valueID(iri)
	if v == 0 {
		return it, nil
	}
	qs, err := r.collect(ind, []uint64{v}, r.sourceLabel)
	for _, q := range qs {
		it.add(q, strings.TrimPrefix(string(q.Label.(quad.IRI)), model.SourcePrefix))
	}
	return it, err
}
