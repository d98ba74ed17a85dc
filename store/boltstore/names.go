package boltstore

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// Names adds to found the ids of the parties, agreements, events and sources whose names,
// aliases or titles one source states as key, folded (graph.FoldName). It looks key up in
// the store's name index (nameindex.go); when that does not cover the store, it reads the
// parties, agreements, events and sources from the object-predicate-subject index of their
// kind, and their names, aliases and titles from the subject-predicate index, without the
// other quads of the store. ok is false when the store has neither.
func (rd *Reader) Names(key string, found map[string]bool) (ok bool, err error) {
	switch err := rd.db.namesFromIndex(key, found); {
	case err == nil:
		return true, nil
	case !errors.Is(err, errStaleNames):
		return false, fmt.Errorf("read store: %w", err)
	}
	ops, err := rd.db.boltIndexFor(quad.Object, quad.Predicate, quad.Subject)
	if err != nil {
		return false, err
	}
	sp, err := rd.db.boltIndexFor(quad.Subject, quad.Predicate)
	if err != nil || ops == nil || sp == nil {
		return false, err
	}
	return true, matchNames(rd.r, ops, sp, key, found)
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

// NamesWithPrefix returns the ids of the parties, agreements, events and sources with a
// name, alias or title that, folded (graph.FoldName), starts with prefix, which is folded
// already: at most max, each once, in the order of their names. ok is false when the
// store's name index does not cover it (a prefix cannot be looked up otherwise without
// reading every name).
func (rd *Reader) NamesWithPrefix(prefix string, max int) (ids []string, ok bool, err error) {
	ids, err = rd.db.namesWithPrefix(prefix, max)
	switch {
	case errors.Is(err, errStaleNames):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("read store: %w", err)
	}
	return ids, true, nil
}

// NameKeys calls fn with each name, alias and title of the name index, folded
// (graph.FoldName), and the id of the party, agreement, event or source it names, for
// those whose name or id is lo to hi runes long; ok is false when the index does not cover
// the store.
func (rd *Reader) NameKeys(lo, hi int, fn func(key, id string)) (ok bool, err error) {
	switch err := rd.db.nameKeys(lo, hi, fn); {
	case errors.Is(err, errStaleNames):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("read store: %w", err)
	}
	return true, nil
}

// ItemIDs calls fn with the id of each item that a source gives one of kinds, and that
// kind, once an item, where the id is lo to hi runes long, from the link index (its kind
// keys); ok is false when the index does not cover the store.
func (rd *Reader) ItemIDs(kinds []string, lo, hi int, fn func(id, kind string)) (ok bool, err error) {
	if rd.links == nil {
		return false, nil
	}
	want := make([][]byte, len(kinds))
	for i, k := range kinds {
		want[i] = []byte(k)
	}
	var last []byte
	c := rd.links.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		// subject 0x00 '=' kind 0x00 source
		i := bytes.IndexByte(k, 0)
		if i < 0 || i+2 >= len(k) || k[i+1] != linkKind || bytes.Equal(k[:i], last) {
			continue
		}
		kind, _, _ := bytes.Cut(k[i+2:], []byte{0})
		at := slices.IndexFunc(want, func(w []byte) bool { return bytes.Equal(w, kind) })
		if at < 0 {
			continue
		}
		last = append(last[:0], k[:i]...)
		if n := utf8.RuneCount(last); n >= lo && n <= hi {
			fn(string(last), kinds[at])
		}
	}
	return true, rd.ctx.Err()
}
