package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/sourcetext"
	"github.com/factgraph/factgraph/store"
)

// openInput opens what a reading command works on: the facts files given, validated and
// loaded into a store in memory, or else the store at addr, read-only.
func openInput(ctx context.Context, addr string, files []string) (*store.Store, error) {
	s, _, err := openInputTexts(ctx, addr, files)
	return s, err
}

// openInputTexts is openInput that also finds the source texts of the facts files given,
// next to each file (nil when none is given).
func openInputTexts(ctx context.Context, addr string, files []string) (*store.Store, *sourcetext.Files, error) {
	if len(files) == 0 {
		s, err := openToRead(ctx, addr)
		return s, nil, err
	}
	paths, skipped, err := ingest.Expand(files)
	if err != nil {
		return nil, nil, err
	}
	warnSkipped(os.Stderr, skipped)
	loaded, err := ingest.Load(ctx, paths, nil)
	if err != nil {
		return nil, nil, problemsError(err, false)
	}
	s, err := store.Open(ctx, "mem:", nil)
	if err != nil {
		return nil, nil, err
	}
	facts := ingest.AllFacts(loaded)
	if _, err := s.Ingest(ctx, facts); err != nil {
		s.Close()
		return nil, nil, err
	}
	texts := sourcetext.New()
	for _, f := range loaded {
		texts.Add(f.Facts.Source.ID, f.Path)
	}
	return s, texts, nil
}

// warnSkipped says which files in the folders given were left out, and why.
func warnSkipped(w io.Writer, skipped []ingest.Skipped) {
	for _, s := range skipped {
		fmt.Fprintln(w, "factgraph: "+s.String())
	}
}
