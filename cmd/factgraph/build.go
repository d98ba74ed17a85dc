package main

import (
	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/build"
	_ "github.com/factgraph/factgraph/export/all" // registers every format
	"github.com/factgraph/factgraph/internal/heap"
)

func buildCommand() *cli.Command {
	var o build.Options
	return &cli.Command{
		Name:      "build",
		Usage:     "ingest facts files and write every export and drawing into one folder",
		ArgsUsage: "FILE|DIR...",
		Description: "Validates the files (a DIR means every *.yaml and *.yml under it), ingests them into\n" +
			"OUTDIR/factgraph.db, writes every format of the full view and an SVG of each view,\n" +
			"and prints each file written.\n\n" +
			"Example:\n" +
			"   factgraph build samples/japan-us-security-treaty -o out",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the output `OUTDIR`", Required: true, Destination: &o.OutDir},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("build needs at least one facts FILE or DIR")
			}
			o.Inputs = c.Args().Slice()
			o.Warnings = c.App.ErrWriter
			// build ingests, then exports every format: the export's bound covers both.
			defer heap.Export()()
			return problemsError(build.Run(c.Context, o, c.App.Writer), true)
		},
	}
}
