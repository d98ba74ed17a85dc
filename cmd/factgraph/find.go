package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/query"
)

type findOptions struct {
	inputOptions
	query.FindOptions
}

func findCommand() *cli.Command {
	var o findOptions
	return &cli.Command{
		Name:      "find",
		Usage:     "list the items whose id, name, alias, duty or text contains TEXT",
		ArgsUsage: "TEXT",
		Description: "Looks in the ids, names, aliases and titles, the duties of obligations, what claims and\n" +
			"counterclaims say, and descriptions, ignoring case, accents and runs of spaces, and\n" +
			"lists each item found with its kind, id, name or the start of its text, and the sources\n" +
			"that state it. Words given apart are looked for together, as one text.\n\n" +
			"Example:\n" +
			"   factgraph find japan\n" +
			"   factgraph find --kind obligation defend\n" +
			"   factgraph find --in samples/nato-spending/facts.yaml --json summit",
		Flags: append(o.flags(),
			&cli.StringFlag{Name: "kind", Usage: "only items of kind `KIND`: " + strings.Join(itemKindNames(), ", "), Destination: &o.Kind},
			sourceFlag(&o.source),
		),
		Action: func(c *cli.Context) error {
			o.Text = strings.Join(c.Args().Slice(), " ")
			o.Source = o.inputOptions.source
			if err := o.FindOptions.Check(); err != nil {
				return usageError{err}
			}
			return o.answer(c, func(g *graph.Graph) (printable, error) { return query.Find(g, o.FindOptions) })
		},
	}
}

// itemKindNames lists the kinds of item with ids, in the order of a facts file.
func itemKindNames() []string {
	return []string{graph.KindSource, graph.KindParty, graph.KindAgreement, graph.KindEvent,
		graph.KindObligation, graph.KindClaim, graph.KindCounterclaim}
}

// sourceFlag binds --source, which keeps what one source states.
func sourceFlag(dest *string) *cli.StringFlag {
	return &cli.StringFlag{Name: "source", Usage: "only what the source `ID` states (factgraph sources lists them)", Destination: dest}
}
