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
	"github.com/factgraph/factgraph/store/pgstore"
)

// Lookup says what the store knows of id (a party, agreement, event, obligation, claim or
// counterclaim) from the quads whose subject is <id>, without loading the graph. The kind,
// type and name come from the first source, by id, that states them.
func (s *Store) Lookup(ctx context.Context, id string) (_ graph.ItemInfo, _ bool, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return graph.ItemInfo{}, false, err
	}
	if empty, err := s.emptyStore(ctx); empty || err != nil {
		return graph.ItemInfo{}, false, err
	}
	type said struct{ kind, typ, name string }
	bySource := make(map[string]*said)
	filter := subjectFilter{preds: []quad.Value{model.Kind, model.Type, model.Name}}
	err = s.subjectQuadsWhere(ctx, model.ItemIRI(id), filter, func(q quad.Quad) error {
		l, ok := q.Label.(quad.IRI)
		if !ok || !strings.HasPrefix(string(l), model.SourcePrefix) {
			return nil
		}
		v, ok := q.Object.(quad.String)
		if !ok {
			return nil
		}
		src := strings.TrimPrefix(string(l), model.SourcePrefix)
		sd := bySource[src]
		if sd == nil {
			sd = &said{}
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
		return graph.ItemInfo{}, false, err
	}
	info := graph.ItemInfo{ID: id}
	for src, sd := range bySource {
		// A source that only has a relation edge from id does not state id.
		if sd.kind != "" {
			info.Sources = append(info.Sources, src)
		}
	}
	if len(info.Sources) == 0 {
		return graph.ItemInfo{}, false, nil
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
	return info, true, nil
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
			return false, fmt.Errorf("read store %q: %w", pgstore.Redact(s.addr), err)
		}
		empty = e
	case s.bolt != nil && !s.readOnly:
		e, err := s.bolt.Empty()
		if err != nil {
			return false, fmt.Errorf("read store %q: %w", s.addr, err)
		}
		empty = e
	default:
		return false, nil
	}
	s.empty = &empty
	return empty, nil
}
