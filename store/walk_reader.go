package store

import (
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/boltstore"
	"github.com/factgraph/factgraph/store/model"
)

// The readers a walk reads through: a bolt store's buckets or a PostgreSQL store's tables,
// opened on first use and closed with the walk.

// indexReader is what a walk reads through a bolt store's buckets (boltstore.Reader) or a
// PostgreSQL store's tables (pgstore.Reader): the quads of a subject or object through
// the store's indexes, and names, links and kinds through factgraph's own indexes. The link
// methods answer nothing unless HasLinks. Err is the first error of a method that returns
// none.
type indexReader interface {
	Close()
	Err() error
	HasLinks() bool
	HasIndex(dirs ...quad.Direction) (bool, error)
	Quads(dirs []quad.Direction, lead ...quad.Value) ([]quad.Quad, bool, error)
	First(s, p quad.Value) (quad.Value, bool, error)
	LinkQuads(v quad.Value) (out, in []quad.Quad, ok bool, err error)
	ItemLinks(item quad.IRI) (ends []model.LinkEnd, kind, date string)
	Incoming(item quad.IRI, preds []quad.IRI) []model.LinkEnd
	Kind(item quad.IRI) string
	FirstLinked(item, p quad.IRI) string
	Names(key string, found map[string]bool) (bool, error)
	NamesWithPrefix(prefix string, max int) ([]string, bool, error)
	NameKeys(lo, hi int, fn func(key, id string)) (bool, error)
	ItemIDs(kinds []string, lo, hi int, fn func(id, kind string)) (bool, error)
}

// preloader is a reader that reads the links of many items, or the quads of many subjects,
// in one request (pgstore.Reader): a round trip to a server costs more than the read.
type preloader interface {
	Preload(items []quad.IRI) error
	PreloadItems(iris []quad.IRI) error
	PreloadFirst(subjects []quad.IRI, preds []quad.IRI) error
	PreloadQuadsWith(subjects []quad.IRI, preds []quad.IRI) error
}

// reader returns the walk's reader of a bolt or PostgreSQL store, opening its read
// transaction on first use; nil on other stores.
func (w *walker) reader() (indexReader, error) {
	if w.br == nil && w.s.bolt != nil {
		br, err := w.s.bolt.Begin(w.ctx)
		if err != nil {
			return nil, err
		}
		w.br = br
	}
	if w.br == nil && w.s.pg != nil {
		br, done, err := w.s.pgReader(w.ctx)
		if err != nil {
			return nil, err
		}
		w.br, w.done = br, done
	}
	return w.br, nil
}

// split runs part over the indexes 0 to n-1 with the walk's reader: on a bolt store half
// of them on a second goroutine from min on (boltstore.Reader.Split).
func (w *walker) split(n, min int, part func(r indexReader, from, to int) error) error {
	if b, ok := w.br.(*boltstore.Reader); ok {
		return b.Split(n, min, func(r *boltstore.Reader, from, to int) error { return part(r, from, to) })
	}
	return part(w.br, 0, n)
}

// preload reads the links of items ahead, in one request, on a store whose reader can.
func (w *walker) preload(items []string) error {
	p, ok := w.br.(preloader)
	if !ok || len(items) == 0 {
		return nil
	}
	iris := make([]quad.IRI, len(items))
	for i, id := range items {
		iris[i] = model.ItemIRI(id)
	}
	return p.Preload(iris)
}

// preloadNames reads ahead, in two requests, what reading the items ids for their names
// reads (name, brief): their kinds, types and names, and the sources of the same ids, on a
// store whose reader can; the quads of the subjects more come in the second request too.
func (w *walker) preloadNames(ids []string, more ...quad.IRI) error {
	if _, err := w.reader(); err != nil {
		return err
	}
	p, ok := w.br.(preloader)
	if !ok {
		return nil
	}
	var subjects, sources []quad.IRI
	for _, id := range ids {
		if _, ok := w.items[id]; ok {
			continue
		}
		if _, ok := w.names[id]; ok {
			continue // read for its name already: name asks nothing
		}
		subjects = append(subjects, model.ItemIRI(id))
		if w.sourceToRead(id) {
			sources = append(sources, model.SourceIRI(id))
		}
	}
	if len(subjects) > 0 {
		if err := p.PreloadFirst(subjects, []quad.IRI{model.Kind, model.Type, model.Name}); err != nil {
			return err
		}
	}
	return p.PreloadItems(append(sources, more...))
}

// readErr is the first error the walk's reader met in a method that returns none.
func (w *walker) readErr() error {
	if w.br == nil {
		return nil
	}
	return w.br.Err()
}

// linkIndex returns the walk's reader when the store's link index covers it, else nil.
func (w *walker) linkIndex() (indexReader, error) {
	br, err := w.reader()
	if err != nil || br == nil || !br.HasLinks() {
		return nil, err
	}
	return br, nil
}

// indexed says whether the store reads a subject's or object's quads by predicate through
// its indexes (a key-value store), so that reading one field of an item costs less than
// reading the item.
func (w *walker) indexed() bool {
	_, ok := w.s.qs.(*kv.QuadStore)
	return ok || w.s.pg != nil
}

// close ends the walk's read transaction, if it opened one.
func (w *walker) close() {
	if w.done != nil {
		w.done() // a snapshot's reader stays open
	} else if w.br != nil {
		w.br.Close()
	}
	w.br, w.done = nil, nil
}
