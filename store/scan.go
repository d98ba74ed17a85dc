package store

import (
	"context"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// readTable reads every quad of the store. A bolt or PostgreSQL store is read in bulk; a
// memory store, and any store when generic is set, through Cayley's quad iterator.
func (s *Store) readTable(ctx context.Context, generic bool) (*model.Table, error) {
	switch {
	case generic:
	case s.backend != nil:
		return s.backend.ReadAll(ctx)
	}
	t := &model.Table{Values: []quad.Value{nil}}
	index := map[quad.Value]uint32{}
	intern := func(v quad.Value) uint32 {
		if v == nil {
			return 0
		}
		i, ok := index[v]
		if !ok {
			i = uint32(len(t.Values))
			index[v] = i
			t.Values = append(t.Values, v)
		}
		return i
	}
	err := s.allQuads(ctx, func(q quad.Quad) error {
		t.Quads = append(t.Quads, [4]uint32{intern(q.Subject), intern(q.Predicate), intern(q.Object), intern(q.Label)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}
