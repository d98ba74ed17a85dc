package store

import (
	"context"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
)

// LoadGeneric is Load of every source through Cayley's quad iterator, for comparison.
func LoadGeneric(ctx context.Context, s *Store) (*graph.Graph, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	return s.loadAll(ctx, true)
}

// WriteNQuadsGeneric is WriteNQuads of every source through Cayley's quad iterator.
func WriteNQuadsGeneric(ctx context.Context, s *Store, w io.Writer) error {
	return s.writeNQuads(ctx, w, "", true)
}

// SyntheticFacts is the facts of synthetic article n (see syntheticFacts).
var SyntheticFacts = syntheticFacts

// AddForeignQuads writes quads straight into the store, as another tool using the same
// Cayley store might.
func AddForeignQuads(s *Store, quads []quad.Quad) error {
	deltas := make([]cgraph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	return s.apply(deltas)
}
