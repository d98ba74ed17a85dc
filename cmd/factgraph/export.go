package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/export"
	_ "github.com/factgraph/factgraph/export/all" // registers every format
	"github.com/factgraph/factgraph/internal/heap"
	"github.com/factgraph/factgraph/internal/sourcetext"
)

// exportOptions are the flags of "factgraph export".
type exportOptions struct {
	store string
	quiet bool
	facts cli.StringSlice // where the store's facts files are, for the texts a page shows
	export.Options
}

func exportCommand() *cli.Command {
	var o exportOptions
	return &cli.Command{
		Name:      "export",
		Usage:     "write the graph in a format other programs read",
		ArgsUsage: "[FILE...]",
		Description: "Writes the store (or, given facts FILEs, just those files) in one view and format.\n" +
			"FORMAT may be left out when -o ends in a known extension. Formats:\n" + formatHelp() +
			"\nExample:\n" +
			"   factgraph export --format dot --view parties | dot -Tsvg > alliance.svg\n" +
			"   factgraph export -o treaty.graphml samples/japan-us-security-treaty/facts.yaml\n" +
			"   factgraph export --format gexf --focus japan --depth 2 -o japan.gexf\n" +
			"   factgraph export --format html -o treaty.html samples/japan-us-security-treaty/facts.yaml",
		Flags: append([]cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: " + strings.Join(export.FormatNames(), ", "), Destination: &o.Format},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH` (a folder for csv) instead of standard output", Destination: &o.Output},
			quietFlag(&o.quiet),
			&cli.StringSliceFlag{Name: "facts", Usage: "with --format html from a store: the facts files or `FOLDER` the store was built from, to show quotes in the source texts next to them", Destination: &o.facts},
		}, viewFlags(&o.ViewOptions)...),
		Action: func(c *cli.Context) error {
			if err := checkView(c, o.ViewOptions); err != nil {
				return err
			}
			if _, err := o.Check(); err != nil {
				return usageError{err}
			}
			if err := checkView(c, o.ViewOptions); err != nil {
				return err
			}
			defer heap.Export()()
			s, texts, err := openInputTexts(c.Context, o.store, c.Args().Slice())
			if err != nil {
				return err
			}
			defer s.Close()
			if len(o.facts.Value()) > 0 {
				if texts, err = sourcetext.Scan(c.Context, o.facts.Value()); err != nil {
					return usageError{err}
				}
			}
			if texts != nil {
				o.Texts = texts
			}
			bar := newProgress(c.App.ErrWriter, o.quiet, -1, "exporting")
			o.Notes = c.App.ErrWriter
			_, err = export.Export(c.Context, s, o.Options, c.App.Writer)
			bar.Done()
			return err
		},
	}
}

// viewFlags binds the flags that pick a view and a part of it.
func viewFlags(v *export.ViewOptions) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "view", Usage: "`VIEW`: " + strings.Join(export.Views, ", "), Value: export.ViewFull, Destination: &v.View},
		&cli.StringFlag{Name: "focus", Usage: "keep only what lies near the item `ID`", Destination: &v.Focus},
		&cli.IntFlag{Name: "depth", Usage: "with --focus, keep items up to `N` steps away (-1: no limit)", Value: 2, Destination: &v.Depth},
		&cli.StringFlag{Name: "source", Usage: "keep only what the source `ID` states", Destination: &v.Source},
		&cli.StringFlag{Name: "claims", Usage: "in the parties view, draw what speakers claim as `MODE`: summary (one edge per speaker and target, \"3 claims\"), none, or all (an edge per claim)", Value: export.ClaimsSummary, Destination: &v.Claims},
		&cli.BoolFlag{Name: "merge-edges", Usage: "in the parties view, draw the edges of one kind (and, for duties, one status) from one node to another as one, its weight and count saying how many", Destination: &v.Merge},
		&cli.IntFlag{Name: "min-sources", Usage: "in the parties view, keep only the parties and agreements at least `N` sources state (0: all)", Destination: &v.MinSources},
		&cli.IntFlag{Name: "top", Usage: "in the parties view, keep only the `N` parties and agreements joined to the most others (0: all)", Destination: &v.Top},
	}
}

// checkView rejects a view or claims mode that does not exist, --claims, --merge-edges,
// --min-sources or --top given for a view other than parties, and a --depth without the
// --focus it counts from, as usage errors.
func checkView(c *cli.Context, v export.ViewOptions) error {
	if err := v.Check(); err != nil {
		return usageError{err}
	}
	if !slices.Contains(export.ClaimModes, v.Claims) {
		return usagef("unknown claims mode %q; use one of: %s", v.Claims, strings.Join(export.ClaimModes, ", "))
	}
	if c.IsSet("claims") && v.View != export.ViewParties {
		return usagef("--claims applies to the parties view only; add --view parties")
	}
	if c.IsSet("depth") && v.Focus == "" {
		return usagef("--depth counts steps from the --focus item; give --focus ID too, or leave --depth out")
	}
	return nil
}

// formatHelp lists the registered formats, one a line.
func formatHelp() string {
	var b strings.Builder
	for _, f := range export.Formats() {
		ext := strings.Join(f.Exts, ", .")
		if ext != "" {
			ext = " (." + ext + ")"
		}
		fmt.Fprintf(&b, "   %-12s %s%s\n", f.Name, f.Description, ext)
	}
	return b.String()
}
