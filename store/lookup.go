package store

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// Lookup says what the store knows of id (a party, agreement, event, obligation, claim or
// counterclaim) from the quads whose subject is <id>, without loading the graph. The kind,
// type and name come from the first source, by id, that states them.
func (s *Store) Lookup(ctx context.Context, id string) (_ graph.ItemInfo, _ bool, err error) {
	found, err := s.LookupMany(ctx, []string{id})
	if err != nil {
		return graph.ItemInfo{}, false, err
	}
	info, ok := found[id]
	return info, ok, nil
}

// lookupBatch is how many ids LookupMany asks a PostgreSQL server about in one query (a
// variable for the tests).
var lookupBatch = 1000

// LookupMany is Lookup for each of ids: the ids the store holds, with what it knows of
// them. On PostgreSQL it asks about a thousand ids at a time (subjectsQuadsWhere): checking
// the ids of an article against the store with a read transaction each, a re-ingest of one
// article sent the server 457 statements in 49 transactions, against 88 in 8 (0.25 s and
// 0.22 s with the server on the same machine; a server across a network adds its round
// trip to each).
func (s *Store) LookupMany(ctx context.Context, ids []string) (_ map[string]graph.ItemInfo, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	found := map[string]graph.ItemInfo{}
	if empty, err := s.emptyStore(ctx); empty || err != nil {
		return found, err
	}
	filter := subjectFilter{preds: []quad.Value{model.Kind, model.Type, model.Name}}
	for len(ids) > 0 {
		batch := ids[:min(len(ids), lookupBatch)]
		ids = ids[len(batch):]
		subjects := make([]quad.Value, len(batch))
		bySubject := map[quad.Value]map[string]*itemSaid{}
		for i, id := range batch {
			subjects[i] = model.ItemIRI(id)
			bySubject[subjects[i]] = map[string]*itemSaid{}
		}
		err := s.subjectsQuadsWhere(ctx, subjects, filter, func(q quad.Quad) error {
			bySource := bySubject[q.Subject]
			l, ok := q.Label.(quad.IRI)
			if bySource == nil || !ok || !strings.HasPrefix(string(l), model.SourcePrefix) {
				return nil
			}
			v, ok := q.Object.(quad.String)
			if !ok {
				return nil
			}
			src := strings.TrimPrefix(string(l), model.SourcePrefix)
			sd := bySource[src]
			if sd == nil {
				sd = &itemSaid{}
				bySource[src] = sd
			}
			switch q.Predicate {
			case model.Kind:
				sd.kind = string(v)
			case model.Type:
				sd.typ = string(v)
			case model.Name:
				sd.name = string(v)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for i, id := range batch {
			if info, ok := itemInfo(id, bySubject[subjects[i]]); ok {
				found[id] = info
			}
		}
	}
	return found, nil
}

// itemSaid is what one source says of an item: its kind, type and name.
type itemSaid struct{ kind, typ, name string }

// itemInfo is what the sources bySource say of item id, as Lookup gives it; false when
// none states it.
func itemInfo(id string, bySource map[string]*itemSaid) (graph.ItemInfo, bool) {
	info := graph.ItemInfo{ID: id}
	for src, sd := range bySource {
		// A source that only has a relation edge from id does not state id.
		if sd.kind != "" {
			info.Sources = append(info.Sources, src)
		}
	}
	if len(info.Sources) == 0 {
		return graph.ItemInfo{}, false
	}
	sort.Strings(info.Sources)
	for _, src := range info.Sources {
		sd := bySource[src]
		if info.Kind == "" {
			info.Kind = sd.kind
		}
		if info.Type == "" {
			info.Type = sd.typ
		}
		if info.Name == "" {
			info.Name = sd.name
		}
	}
	switch info.Kind {
	case graph.KindParty, graph.KindAgreement:
	default:
		info.Type = ""
	}
	return info, true
}

// Has says whether the store holds the item id, as Lookup's second result does: from the
// link index, one key, where the index covers the store (Lookup reads the kind, type and
// name that every source gives: thousands of quads for a party that thousands of sources
// state), and through Lookup elsewhere.
func (s *Store) Has(ctx context.Context, id string) (_ bool, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	w, err := s.linkWalker(ctx, nil)
	if errors.Is(err, ErrNoLinkIndex) {
		_, ok, err := s.Lookup(ctx, id)
		return ok, err
	}
	if err != nil {
		return false, err
	}
	defer w.close()
	return w.isItem(id)
}

// emptyStore says whether s held no quad when first asked since its last write: checking
// the ids of a corpus against a new store asks about every one of them, a round trip to the
// server each on PostgreSQL, a read transaction each on bolt. (Writers that share a
// PostgreSQL store may fill it meanwhile; what they write is checked against what it held
// when their writes began. A bolt store open for writing is this process's alone; one
// opened to read may be written by another process, so it is asked every time.)
func (s *Store) emptyStore(ctx context.Context) (bool, error) {
	if s.empty != nil {
		return *s.empty, nil
	}
	var empty bool
	switch {
	case s.pg != nil:
		e, err := s.pg.Empty(ctx)
		if err != nil {
			return false, fmt.Errorf("read store %q: %w", s.Shown(), err)
		}
		empty = e
	case s.bolt != nil && !s.readOnly:
		e, err := s.bolt.Empty()
		if err != nil {
			return false, fmt.Errorf("read store %q: %w", s.Shown(), err)
		}
		empty = e
	default:
		return false, nil
	}
	s.empty = &empty
	return empty, nil
}
