package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

// factsFiles expands the paths a user gave: a file stands for itself, a folder for every
// *.yaml and *.yml file below it, in name order.
func factsFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %q: %w", p, errors.Unwrap(err))
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cannot read folder %q: %w", p, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("no facts files (*.yaml, *.yml) in folder %q", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// openInput opens what a reading command works on: the facts files given, validated and
// loaded into a store in memory, or else the store at addr, read-only.
func openInput(ctx context.Context, addr string, files []string) (*graph.Store, error) {
	if len(files) == 0 {
		return graph.Open(ctx, addr, &graph.OpenOptions{ReadOnly: true})
	}
	paths, err := factsFiles(files)
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
