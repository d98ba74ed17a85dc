package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/ingest"
)

type validateOptions struct {
	Files    []string
	Coverage bool
	Store    string // optional: a store whose items references may name
}

func validateCommand() *cli.Command {
	var opts validateOptions
	return &cli.Command{
		Name:      "validate",
		Usage:     "check facts files against the format without storing anything",
		ArgsUsage: "FILE|DIR...",
		Description: `Reads every file, checks every rule of the facts format (version 1) and reports each
problem as FILE:LINE:COLUMN: message. Files checked together may refer to each other.

Example:
   factgraph validate samples/japan-us-security-treaty/facts.yaml
   factgraph validate --coverage samples/japan-us-security-treaty/facts.yaml`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "coverage", Usage: "also list the sentences of source.text that no quote covers", Destination: &opts.Coverage},
			&cli.StringFlag{Name: "store", Usage: "also resolve references against the items of this store", Destination: &opts.Store},
		},
		Action: func(c *cli.Context) error {
			opts.Files = c.Args().Slice()
			if len(opts.Files) == 0 {
				return usagef("validate needs at least one facts file; see factgraph validate --help")
			}
			return runValidate(c.Context, c.App.Writer, opts)
		},
	}
}

func runValidate(ctx context.Context, w io.Writer, opts validateOptions) error {
	paths, skipped, err := ingest.Expand(opts.Files)
	if err != nil {
		return err
	}
	warnSkipped(os.Stderr, skipped)
	var known ingest.Known
	if opts.Store != "" {
		s, err := openToRead(ctx, opts.Store)
		if err != nil {
			return err
		}
		defer s.Close()
		known = s
	}
	files, err := ingest.Load(ctx, paths, known)
	if err != nil {
		return problemsError(err, false)
	}
	for _, f := range files {
		fmt.Fprintf(w, "%s: ok: source %q: %s\n", f.Path, f.Facts.Source.ID, summary(f.Facts.Counts()))
		if opts.Coverage {
			gaps, err := ingest.Coverage(f)
			if err != nil {
				return err
			}
			if len(gaps) == 0 {
				fmt.Fprintf(w, "%s: every sentence of the source text is quoted\n", f.Path)
			}
			for _, g := range gaps {
				fmt.Fprintf(w, "%s:%d:%d: not quoted: %s\n", textPath(f), g.Line, g.Column, g.Text)
			}
		}
	}
	return nil
}

// textPath is the path of a file's source text as the user can open it.
func textPath(f *ingest.File) string {
	return filepath.Join(filepath.Dir(f.Path), filepath.FromSlash(f.Facts.Source.Text))
}
