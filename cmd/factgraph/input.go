package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/store"
)

// openInput opens what a reading command works on: the facts files given, validated and
// loaded into a store in memory, or else the store at addr, read-only.
func openInput(ctx context.Context, addr string, files []string) (*store.Store, error) {
	if len(files) == 0 {
		return store.Open(ctx, addr, &store.OpenOptions{ReadOnly: true})
	}
	paths, skipped, err := ingest.Expand(files)
	if err != nil {
		return nil, err
	}
	warnSkipped(os.Stderr, skipped)
	loaded, err := ingest.Load(ctx, paths, nil)
	if err != nil {
		return nil, problemsError(err, false)
	}
	s, err := store.Open(ctx, "mem:", nil)
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

// warnSkipped says which files in the folders given were left out, and why.
func warnSkipped(w io.Writer, skipped []ingest.Skipped) {
	for _, s := range skipped {
		fmt.Fprintln(w, "factgraph: "+s.String())
	}
}
