package main

import (
	"context"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

// openInput opens what a reading command works on: the facts files given, validated and
// loaded into a store in memory, or else the store at addr, read-only.
func openInput(ctx context.Context, addr string, files []string) (*graph.Store, error) {
	if len(files) == 0 {
		return graph.Open(ctx, addr, &graph.OpenOptions{ReadOnly: true})
	}
	paths, err := ingest.Expand(files)
	if err != nil {
		return nil, err
	}
	loaded, err := ingest.Load(ctx, paths, nil)
	if err != nil {
		return nil, problemsError(err, false)
	}
	s, err := graph.Open(ctx, "mem:", nil)
	if err != nil {
		return nil, err
	}
	facts := ingest.AllFacts(loaded)
	if _, err := s.Ingest(ctx, facts); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}
