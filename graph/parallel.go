package graph

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"
)

// parallelMin is the fewest lookups worth a second goroutine (a variable for tests).
var parallelMin = 512

// linkReads runs read for i from 0 to n-1 on the walk's link index, which must cover the
// store (w.linkBucket). From parallelMin lookups on, it runs half of them on a second
// goroutine with a read transaction of its own: a path's frontier or a hub's neighbours
// are thousands of lookups that do not depend on one another. read must write to its
// own slot i only, and use the intern it is given.
func (w *walker) linkReads(n int, read func(b *bolt.Bucket, intern func([]byte) string, i int)) error {
	serial := func() {
		for i := 0; i < n; i++ {
			read(w.linkBucket, w.intern, i)
		}
	}
	if n < parallelMin {
		serial()
		return nil
	}
	tx, err := w.s.boltDB().Begin(false)
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer tx.Rollback()
	b := tx.Bucket(linkBucket)
	// Both transactions must see one state of the store; a writer in between would not.
	if b == nil || !bytes.Equal(tx.Bucket(metaBucketName).Get(linkIndexKey), w.br.tx.Bucket(metaBucketName).Get(linkIndexKey)) {
		serial()
		return nil
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
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := half; i < n; i++ {
			read(b, intern, i)
		}
	}()
	for i := 0; i < half; i++ {
		read(w.linkBucket, w.intern, i)
	}
	wg.Wait()
	return nil
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
		got[i].ends, got[i].kind, _ = lookupItem(b, ItemIRI(todo[i]), intern)
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
			if !e.out && refFields[quad.IRI(e.pred)] {
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
		kinds[i] = indexedKind(b, ItemIRI(todo[i]))
	})
	for i, id := range todo {
		w.kinds[id] = kinds[i]
	}
	return err
}

// readAheadMin is the fewest items worth reading ahead on two goroutines.
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
		iris = append(iris, ItemIRI(id))
		if _, ok := w.sources[id]; !ok && !strings.Contains(id, "/") {
			iris = append(iris, SourceIRI(id))
		}
	}
	if len(iris) < 2*readAheadMin {
		return nil
	}
	if err := w.viewBolt(func(*boltReader) error { return nil }); err != nil {
		return err
	}
	got := make([]*itemQuads, len(iris))
	errs := make([]error, 2)
	half := len(iris) / 2
	read := func(r *boltReader, from, to int, slot int) {
		for i := from; i < to && errs[slot] == nil; i++ {
			got[i], errs[slot] = r.itemQuads(ind, iris[i])
		}
	}
	tx, err := w.s.boltDB().Begin(false)
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer tx.Rollback()
	r2, err := newBoltReader(w.ctx, tx, nil)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		read(r2, half, len(iris), 1)
	}()
	read(w.br, 0, half, 0)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, iri := range iris {
		w.readAhead[iri] = got[i]
	}
	return nil
}

// itemQuads reads the quads whose subject is iri through the subject index ind, by source,
// as walker.read does.
func (r *boltReader) itemQuads(ind *boltIndex, iri quad.IRI) (*itemQuads, error) {
	it := &itemQuads{id: string(iri), bySource: map[string][]quad.Quad{}, kind: map[string]string{}}
	v := r.valueID(iri)
	if v == 0 {
		return it, nil
	}
	qs, err := r.collect(ind, []uint64{v}, r.sourceLabel)
	for _, q := range qs {
		src := strings.TrimPrefix(string(q.Label.(quad.IRI)), sourcePrefix)
		it.bySource[src] = append(it.bySource[src], q)
		if q.Predicate == pKind {
			if k, ok := q.Object.(quad.String); ok {
				it.kind[src] = string(k)
			}
		}
	}
	return it, err
}
