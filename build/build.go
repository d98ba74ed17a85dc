// Package build makes a folder of everything factgraph can write from a set of facts files:
// the store, every registered export format of the full view, and a drawing of each view.
package build

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/render"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/sourcetext"
	"github.com/factgraph/factgraph/store"
)

// StoreName is the bolt store written into the output folder.
const StoreName = "factgraph.db"

// ManifestName is the file in the output folder that lists, a line each, the files the
// last build wrote there, relative to the folder: the next build removes those it does not
// write again, and never touches any other file.
const ManifestName = ".factgraph-build"

// Options says what to build.
type Options struct {
	Inputs []string // facts files, or folders meaning every *.yaml and *.yml under them
	OutDir string
	// Store, when set, is a store to ingest the inputs into and build from, as it is: what
	// it held before stays. Empty builds from a fresh store, OutDir/factgraph.db.
	Store string
	// Warnings, when set, is told of the files in folders left out (ingest.Skipped), a
	// line each.
	Warnings io.Writer
}

// Run validates the inputs, ingests them into a fresh store, and writes every registered
// format of the full view and an SVG of each view into OutDir, printing the path of each
// file written to report, one a line. Everything is written into a folder of its own inside
// OutDir first and moved into place only when all of it was written: a failed build leaves
// OutDir as it was. What an earlier build wrote and this one does not is removed, so that
// OutDir holds exactly what the inputs give.
func Run(ctx context.Context, opts Options, report io.Writer) error {
	files, skipped, err := ingest.Expand(opts.Inputs)
	if err != nil {
		return err
	}
	if opts.Warnings != nil {
		for _, s := range skipped {
			fmt.Fprintln(opts.Warnings, "factgraph: "+s.String())
		}
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	stage, err := os.MkdirTemp(opts.OutDir, ".factgraph-build-")
	if err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	defer os.RemoveAll(stage)
	written, err := write(ctx, opts, files, stage, report)
	if err != nil {
		return err
	}
	old, err := readManifest(opts.OutDir)
	if err != nil {
		return err
	}
	moved, err := moveInto(stage, opts.OutDir)
	if err != nil {
		return err
	}
	if err := removeStale(opts.OutDir, old, moved); err != nil {
		return err
	}
	if err := writeManifest(opts.OutDir, moved); err != nil {
		return err
	}
	for _, name := range written {
		fmt.Fprintln(report, filepath.Join(opts.OutDir, name))
	}
	return nil
}

// write builds into the folder stage and returns the names of what it wrote there, files
// and folders, in the order written.
func write(ctx context.Context, opts Options, files []string, stage string, notes io.Writer) ([]string, error) {
	var written []string
	dbPath := opts.Store
	if dbPath == "" {
		dbPath = filepath.Join(stage, StoreName)
		written = append(written, StoreName)
	}
	s, err := store.Open(ctx, dbPath, nil)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	loaded, err := ingest.Load(ctx, files, s)
	if err != nil {
		return nil, err
	}
	facts := ingest.AllFacts(loaded)
	if _, err := s.Ingest(ctx, facts); err != nil {
		return nil, err
	}
	texts := sourcetext.New()
	for _, f := range loaded {
		texts.Add(f.Facts.Source.ID, f.Path)
	}

	g, err := s.Load(ctx, store.LoadOptions{})
	if err != nil {
		return nil, err
	}
	full, err := export.BuildView(g, export.ViewOptions{View: export.ViewFull})
	if err != nil {
		return nil, err
	}
	// One layout for every format that draws the graph or carries its positions.
	if err := export.Lay(ctx, full); err != nil {
		return nil, err
	}
	if full.Unplaced != "" {
		fmt.Fprintf(notes, "note: %s\n", full.Unplaced)
	}
	for _, f := range export.Formats() {
		var name string
		switch {
		case f.Dir:
			name = "full-" + f.Name
			err = export.WriteGraph(f, full, filepath.Join(stage, name), nil)
		case f.FromStore():
			name = "factgraph" + f.Ext()
			_, err = export.Export(ctx, s, export.Options{Format: f.Name, Output: filepath.Join(stage, name)}, nil)
		case f.Page():
			// The page holds every view, not just the full one.
			name = "factgraph" + f.Ext()
			_, err = export.Export(ctx, s, export.Options{Format: f.Name, Output: filepath.Join(stage, name), Texts: texts}, nil)
		default:
			name = "full" + f.Ext()
			err = export.WriteGraph(f, full, filepath.Join(stage, name), nil)
		}
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Name, err)
		}
		written = append(written, name)
	}
	for _, view := range export.Views {
		name := view + ".svg"
		if err := render.ToFile(ctx, s, export.ViewOptions{View: view}, render.SVG, filepath.Join(stage, name)); err != nil {
			return nil, fmt.Errorf("draw the %s view: %w", view, err)
		}
		written = append(written, name)
	}
	return written, s.Close()
}
