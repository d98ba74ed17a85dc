package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/heap"
	"github.com/factgraph/factgraph/internal/safefile"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/pgstore"
)

type ingestOptions struct {
	Store string
	Files []string
	Quiet bool
}

func ingestCommand() *cli.Command {
	var opts ingestOptions
	return &cli.Command{
		Name:      "ingest",
		Usage:     "validate facts files and store them, replacing what their sources said before",
		ArgsUsage: "FILE|DIR...",
		Description: `Validates the files together (references may point into each other and into the store),
then stores each file's facts under its source id. A source already in the store is replaced,
whole, by what the file says now; nothing else is touched. If any file has a problem, nothing
is stored; if the write fails, what it wrote is undone (see docs/model.md). N-Quads files
(*.nq) written by "factgraph export --format nquads" are loaded as they are, after the same
checks as a facts file (but for quotes, which they carry without the source's text), in the
same write as the facts files.

Example:
   factgraph ingest samples/japan-us-security-treaty/facts.yaml
   factgraph ingest --store corpus.db articles/`,
		Flags: []cli.Flag{storeFlag(&opts.Store), quietFlag(&opts.Quiet)},
		Action: func(c *cli.Context) error {
			opts.Files = c.Args().Slice()
			if len(opts.Files) == 0 {
				return usagef("ingest needs at least one facts file; see factgraph ingest --help")
			}
			return runIngest(c.Context, c.App.Writer, c.App.ErrWriter, opts)
		},
	}
}

func runIngest(ctx context.Context, w, stderr io.Writer, opts ingestOptions) error {
	defer heap.Ingest()()
	var yamls, nquads []string
	for _, f := range opts.Files {
		if strings.HasSuffix(f, ".nq") || strings.HasSuffix(f, ".nquads") {
			nquads = append(nquads, f)
		} else {
			yamls = append(yamls, f)
		}
	}
	paths, skipped, err := ingest.Expand(yamls)
	if err != nil {
		return err
	}
	warnSkipped(stderr, skipped)
	// N-Quads files are read whole before anything is written, so that a bad one stores
	// nothing, and go into the same write as the facts files.
	var imported []store.Imported
	for _, path := range nquads {
		srcs, err := readNQuadsFile(ctx, path)
		if err != nil {
			return err
		}
		imported = append(imported, srcs...)
	}
	s, err := store.Open(ctx, opts.Store, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	// Imported sources pass the checks of a facts file, with the files.
	checks := make([]ingest.Imported, len(imported))
	for i, im := range imported {
		checks[i] = ingest.Imported{Name: fmt.Sprintf("%s, source %s", im.From, im.Facts.Source.ID), Facts: im.Facts}
	}
	bar := newProgress(stderr, opts.Quiet, len(paths), "checking")
	files, err := ingest.LoadWith(ctx, paths, ingest.LoadOptions{Known: s, Progress: bar.Add, Imported: checks})
	bar.Done()
	if err != nil {
		return problemsError(err, true)
	}
	facts := ingest.AllFacts(files)
	bar = newProgress(stderr, opts.Quiet, -1, "storing")
	rep, err := s.Write(ctx, facts, imported)
	bar.Done()
	if err != nil {
		return fmt.Errorf("ingest into %q failed: %w", pgstore.Redact(opts.Store), err)
	}
	printReport(w, rep)
	return s.Close()
}

// readNQuadsFile reads the sources of an N-Quads file; its errors name the file.
func readNQuadsFile(ctx context.Context, path string) ([]store.Imported, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %w", path, err)
	}
	defer f.Close()
	srcs, err := store.ReadNQuads(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w; nothing was stored", path, err)
	}
	for i := range srcs {
		srcs[i].From = path
	}
	return srcs, nil
}

// printReport says, a line a source, what an ingest or removal changed.
func printReport(w io.Writer, rep *store.IngestReport) {
	for _, c := range rep.Sources {
		switch c.Change {
		case "unchanged":
			fmt.Fprintf(w, "unchanged %s: %s\n", c.ID, summary(c.Counts))
		case "removed":
			fmt.Fprintf(w, "removed %s: -%d quads\n", c.ID, c.Removed)
		default:
			fmt.Fprintf(w, "%s %s: %s (+%d -%d quads)\n", c.Change, c.ID, summary(c.Counts), c.Added, c.Removed)
		}
	}
}
