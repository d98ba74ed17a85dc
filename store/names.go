package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
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
func (s *Store) NameMatches(ctx context.Context, ref string) ([]string, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	w := newWalker(ctx, s, -1, nil)
	defer w.close()
	if held, err := w.holds(ref); err != nil || held {
		if held {
			return []string{ref}, nil
		}
		return nil, err
	}
	if s.pin == nil {
		return nil, ErrNoNameIndex
	}
	key := graph.FoldName(ref)
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
	switch err := s.namesFromIndex(key, found); {
	case err == nil:
		return sortedKeys(found), nil
	case !errors.Is(err, errStaleNames):
		return nil, fmt.Errorf("read store: %w", err)
	}
	ops, err := s.boltIndexFor(quad.Object, quad.Predicate, quad.Subject)
	if err != nil {
		return nil, err
	}
	sp, err := s.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil {
		return nil, err
	}
	if ops == nil || sp == nil {
		return nil, ErrNoNameIndex
	}
	err = w.viewBolt(func(r *boltReader) error {
		return matchNames(r, ops, sp, key, found)
	})
	if err != nil {
		return nil, err
	}
	return sortedKeys(found), nil
}

// matchNames adds to found the parties, agreements, events and sources whose names,
// aliases or titles fold to key, reading their kind from the object-predicate-subject
// index ops and their names from the subject-predicate index sp.
func matchNames(r *boltReader, ops, sp *boltIndex, key string, found map[string]bool) error {
	kinds := []struct {
		kind  string
		preds []quad.IRI
		all   []bool // read every source's value, not just one
	}{
		// Every source that states a party or agreement gives it the same name (the
		// validator checks it); aliases add up across sources, and so may event names.
		{graph.KindParty, []quad.IRI{model.Name, model.Alias}, []bool{false, true}},
		{graph.KindAgreement, []quad.IRI{model.Name}, []bool{false}},
		{graph.KindEvent, []quad.IRI{model.Name}, []bool{true}},
		{graph.KindSource, []quad.IRI{model.Title}, []bool{true}},
	}
	for _, k := range kinds {
		subjects, err := r.kindSubjects(ops, k.kind)
		if err != nil {
			return err
		}
		preds := make([]uint64, len(k.preds))
		for i, p := range k.preds {
			preds[i] = r.valueID(p)
		}
		for _, sub := range subjects {
			match := false
			for i, p := range preds {
				if p == 0 || match {
					continue
				}
				var err error
				if match, err = r.anyObject(sp, sub, p, k.all[i], func(v quad.Value) bool {
					t, ok := v.(quad.String)
					return ok && len(t) >= len(key) && graph.FoldName(string(t)) == key
				}); err != nil {
					return err
				}
			}
			if !match {
				continue
			}
			v, err := r.value(sub)
			if err != nil {
				return err
			}
			iri, _ := v.(quad.IRI)
			id := string(iri)
			if k.kind == graph.KindSource {
				id = strings.TrimPrefix(id, model.SourcePrefix)
			}
			found[id] = true
		}
	}
	return nil
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

// anyObject says whether the object of a live quad of subject sub and predicate pred with
// a source's label satisfies ok: of the first such quad only unless all is set.
func (r *boltReader) anyObject(sp *boltIndex, sub, pred uint64, all bool, ok func(quad.Value) bool) (bool, error) {
	seen := map[uint64]bool{}
	matched := false
	errDone := errors.New("done")
	err := r.scan(sp, []uint64{sub, pred}, func(p primitive) error {
		if seen[p.object] {
			return nil
		}
		if src, err := r.sourceLabel(p); !src || err != nil {
			return err
		}
		seen[p.object] = true
		v, err := r.value(p.object)
		if err != nil {
			return err
		}
		if ok(v) {
			matched = true
			return errDone
		}
		if !all {
			return errDone
		}
		return nil
	})
	if err != nil && err != errDone {
		return false, err
	}
	return matched, nil
}
