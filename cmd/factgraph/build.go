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
			"a fresh OUTDIR/factgraph.db, writes every format of the full view and an SVG of each view,\n" +
			"and prints each file written. OUTDIR then holds exactly what the files give: what an\n" +
			"earlier build wrote and this one does not is removed (OUTDIR/.factgraph-build lists\n" +
			"what build wrote; no other file is touched), and a failed build changes nothing.\n" +
			"With --store, the files go into that store, and the exports show all it holds.\n\n" +
			"Example:\n" +
			"   factgraph build samples/japan-us-security-treaty -o out",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the output `OUTDIR`", Destination: &o.OutDir},
			&cli.StringFlag{Name: "store", Aliases: []string{"s"}, Usage: "ingest into the `STORE` and build from all it holds, instead of a fresh OUTDIR/factgraph.db", Destination: &o.Store},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("build needs at least one facts FILE or DIR")
			}
			if o.OutDir == "" {
				return usagef("build needs -o OUTDIR: the folder it writes the store and every export into")
			}
			o.Inputs = c.Args().Slice()
			o.Warnings = c.App.ErrWriter
			// build ingests, then exports every format: the export's bound covers both.
			defer heap.Export()()
			return problemsError(build.Run(c.Context, o, c.App.Writer), true)
		},
	}
}
