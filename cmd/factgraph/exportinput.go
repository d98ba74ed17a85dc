package main

import (
	"context"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

// loadInput opens what export and render read: the facts files given, validated and loaded
// into a memory store, or else the store at storeAddr, read only.
func loadInput(ctx context.Context, storeAddr string, files []string) (*graph.Store, error) {
	if len(files) == 0 {
		return graph.Open(ctx, storeAddr, &graph.OpenOptions{ReadOnly: true})
	}
	loaded, err := ingest.Load(ctx, files, nil)
	if err != nil {
		return nil, err
	}
	s, err := graph.Open(ctx, "mem:", nil)
	if err != nil {
		return nil, err
	}
	facts := make([]*graph.Facts, len(loaded))
	for i, f := range loaded {
		facts[i] = f.Facts
	}
	if _, err := s.Ingest(ctx, facts); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}
