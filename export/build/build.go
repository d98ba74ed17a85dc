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
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

// StoreName is the bolt store written into the output folder.
const StoreName = "factgraph.db"

// Options says what to build.
type Options struct {
	Inputs []string // facts files, or folders meaning every *.yaml and *.yml under them
	OutDir string
}

// Run validates the inputs, ingests them into OutDir/factgraph.db, and writes every
// registered format of the full view and an SVG of each view into OutDir, printing the path
// of each file written to report, one a line.
func Run(ctx context.Context, opts Options, report io.Writer) error {
	files, err := ingest.Expand(opts.Inputs)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	dbPath := filepath.Join(opts.OutDir, StoreName)
	s, err := graph.Open(ctx, dbPath, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	loaded, err := ingest.Load(ctx, files, s)
	if err != nil {
		return err
	}
	facts := ingest.AllFacts(loaded)
	if _, err := s.Ingest(ctx, facts); err != nil {
		return err
	}
	fmt.Fprintln(report, dbPath)

	g, err := s.Load(ctx, graph.LoadOptions{})
	if err != nil {
		return err
	}
	full, err := export.BuildView(g, export.ViewOptions{View: export.ViewFull})
	if err != nil {
		return err
	}
	// One layout for every format that draws the graph or carries its positions.
	if err := export.Lay(ctx, full); err != nil {
		return err
	}
	if full.Unplaced != "" {
		fmt.Fprintf(report, "note: %s\n", full.Unplaced)
	}
	for _, f := range export.Formats() {
		var out string
		switch {
		case f.Dir:
			out = filepath.Join(opts.OutDir, "full-"+f.Name)
			err = export.WriteGraph(f, full, out, nil)
		case f.FromStore():
			out = filepath.Join(opts.OutDir, "factgraph"+f.Ext())
			_, err = export.Export(ctx, s, export.Options{Format: f.Name, Output: out}, nil)
		default:
			out = filepath.Join(opts.OutDir, "full"+f.Ext())
			err = export.WriteGraph(f, full, out, nil)
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
		fmt.Fprintln(report, out)
	}
	for _, view := range export.Views {
		out := filepath.Join(opts.OutDir, view+".svg")
		if err := render.ToFile(ctx, s, export.ViewOptions{View: view}, render.SVG, out); err != nil {
			return fmt.Errorf("draw the %s view: %w", view, err)
		}
		fmt.Fprintln(report, out)
	}
	return nil
}
