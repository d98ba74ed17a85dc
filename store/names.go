package store

import (
	"context"
	"errors"
	"runtime/debug"
	"slices"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
	"github.com/factgraph/factgraph/store/model"
)

// ErrNoNameIndex is returned by NameMatches on a store whose names it cannot look up
// without reading the whole store (a memory or PostgreSQL store): read the whole store with
// Load and resolve the name there instead.
var ErrNoNameIndex = errors.New("names cannot be looked up in this store without reading all of it; load the whole store instead")

// NameMatches returns the ids a reference may name, sorted: ref itself when the store holds
// an item or source with that id (an id wins over any name); else every item and source
// whose id, name, alias or title one source states as ref, ignoring case and runs of spaces
// (FoldName). The list may hold more than the matches of the merged graph (a name that a
// later source replaces), never fewer: read the ids whole and resolve ref on them.
//
// On a bolt store it looks the name up in the store's name index (nameindex.go); when that
// does not cover the store, it reads the parties, agreements, events and sources from the
// object-predicate-subject index of their kind, and their names, aliases and titles from the
// subject-predicate index, in one read transaction, without the other quads of the store.
// Elsewhere it returns ErrNoNameIndex for a ref that is not an id.
func (s *Store) NameMatches(ctx context.Context, ref string) (_ []string, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	w := newWalker(ctx, s, -1, nil)
	defer w.close()
	key := graph.FoldName(ref)
	if err := w.holdsAhead(ref, key); err != nil {
		return nil, err
	}
	if held, err := w.holds(ref); err != nil || held {
		if held {
			return []string{ref}, nil
		}
		return nil, err
	}
	if s.bolt == nil && s.pg == nil {
		return nil, ErrNoNameIndex
	}
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
	if err := w.fromNameIndex(func(br indexReader) (bool, error) { return br.Names(key, found) }); err != nil {
		return nil, err
	}
	return sortedKeys(found), nil
}

// fromNameIndex calls read with the walk's reader; it returns ErrNoNameIndex when read
// says the store's name index does not cover the store.
func (w *walker) fromNameIndex(read func(br indexReader) (bool, error)) error {
	br, err := w.reader()
	if err != nil {
		return err
	}
	ok, err := read(br)
	if err != nil {
		return err
	}
	if !ok {
		return ErrNoNameIndex
	}
	return w.readErr()
}

// holdsAhead reads what holds asks of the ids, on a server, in two requests for all of them
// where it would make two for each: their kinds, and unless the first is an item's id (which
// holds answers from its kind), the sources of the same ids. A name is looked up as written
// and folded, before the name index.
func (w *walker) holdsAhead(ids ...string) error {
	if _, err := w.reader(); err != nil {
		return err
	}
	p, ok := w.br.(preloader)
	if !ok {
		return nil
	}
	var items, sources []string
	for _, id := range ids {
		if id == "" || slices.Contains(items, id) {
			continue
		}
		items = append(items, id)
		if w.sourceToRead(id) {
			sources = append(sources, id)
		}
	}
	if len(items) == 0 {
		return nil
	}
	if err := w.prefetchKinds(items); err != nil {
		return err
	}
	if ok, err := w.isItem(items[0]); ok || err != nil {
		return err // an item's id: holds asks for no source
	}
	iris := make([]quad.IRI, len(sources))
	for i, id := range sources {
		iris[i] = model.SourceIRI(id)
	}
	return p.PreloadItems(iris)
}

// holds says whether the store holds an item or a source with the id.
func (w *walker) holds(id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	// Its kind alone: a hub's entries in the link index are thousands.
	if err := w.prefetchKinds([]string{id}); err != nil {
		return false, err
	}
	if ok, err := w.isItem(id); ok || err != nil {
		return ok, err
	}
	if err := w.source(id); err != nil {
		return false, err
	}
	return w.sources[id] != nil, nil
}

// NamesWithPrefix returns the ids of the parties, agreements, events and sources with a
// name, alias or title that starts with prefix, ignoring case and runs of spaces
// (FoldName): at most max, each once, in the order of their names, for suggestions as one
// types. Like NameMatches it may list ids that a later source renamed, or that are gone:
// read them before showing them. It returns ErrNoNameIndex on a store without a name index
// that covers it (a memory store, or a store written by another program).
func (s *Store) NamesWithPrefix(ctx context.Context, prefix string, max int) (_ []string, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	if s.bolt == nil && s.pg == nil {
		return nil, ErrNoNameIndex
	}
	key := graph.FoldName(prefix)
	if key == "" || max <= 0 {
		return nil, nil
	}
	w := newWalker(ctx, s, -1, nil)
	defer w.close()
	var ids []string
	err = w.fromNameIndex(func(br indexReader) (ok bool, err error) {
		ids, ok, err = br.NamesWithPrefix(key, max)
		return ok, err
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// NamedNear returns the ids of the parties, agreements, events and sources whose id, or
// name, alias or title, folded (FoldName), is at most max edits from ref folded
// (suggest.Distance), sorted, from the name index: every item of those kinds that a
// suggestion for a mistyped ref may name. Like NameMatches it may list ids that a later
// source renamed: read them for their names (AroundOptions.Named) and compare the names
// there. UnnamedNear finds the obligations and assertions. It returns ErrNoNameIndex on a
// store without a name index that covers it.
func (s *Store) NamedNear(ctx context.Context, ref string, max int) ([]string, error) {
	return s.near(ctx, ref, max, func(br indexReader, lo, hi int, near func(string) bool, found map[string]bool) (bool, error) {
		return br.NameKeys(lo, hi, func(name, id string) {
			if !found[id] && (near(name) || near(graph.FoldName(id))) {
				found[id] = true
			}
		})
	})
}

// UnnamedNear returns, of each kind of item without names (obligations, claims and
// counterclaims), the item whose id, folded, is the fewest edits from ref folded, at most
// max (suggest.Distance), the smallest id of those as close; sorted, from the kinds in the
// link index. Within a kind no other can be the closer suggestion: an id is its only key.
// It returns ErrNoNameIndex on a store without a link index that covers it.
func (s *Store) UnnamedNear(ctx context.Context, ref string, max int) ([]string, error) {
	type best struct {
		id string
		d  int
	}
	bests := map[string]best{}
	key := graph.FoldName(ref)
	_, err := s.near(ctx, ref, max, func(br indexReader, lo, hi int, near func(string) bool, found map[string]bool) (bool, error) {
		return br.ItemIDs(unnamedKinds, lo, hi, func(id, kind string) {
			f := graph.FoldName(id)
			if !near(f) {
				return
			}
			d := suggest.Distance(key, f, max)
			if b, ok := bests[kind]; !ok || d < b.d || d == b.d && id < b.id {
				bests[kind] = best{id, d}
			}
		})
	})
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	for _, b := range bests {
		found[b.id] = true
	}
	return sortedKeys(found), nil
}

// near is NamedNear and UnnamedNear: read adds to found the ids whose keys are near ref,
// given those that are lo to hi runes long.
func (s *Store) near(ctx context.Context, ref string, max int, read func(br indexReader, lo, hi int, near func(string) bool, found map[string]bool) (bool, error)) (_ []string, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	if s.bolt == nil && s.pg == nil {
		return nil, ErrNoNameIndex
	}
	key := graph.FoldName(ref)
	n := utf8.RuneCountInString(key)
	w := newWalker(ctx, s, -1, nil)
	defer w.close()
	near := suggest.NewNear(key, max)
	found := map[string]bool{}
	err = w.fromNameIndex(func(br indexReader) (bool, error) { return read(br, n-max, n+max, near.Is, found) })
	if err != nil {
		return nil, err
	}
	return sortedKeys(found), nil
}

// unnamedKinds are the kinds of item that have no names: only their ids name them.
var unnamedKinds = []string{graph.KindObligation, graph.KindClaim, graph.KindCounterclaim}
