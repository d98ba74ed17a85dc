package main

import (
	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/query"
)

func stancesQuery() *cli.Command {
	var o inputOptions
	return &cli.Command{
		Name:  "stances",
		Usage: "party by party: how many of one's assertions another counters and supports",
		Description: "Lists the parties that assert something, then the matrices (row: the party that\n" +
			"answers; column: the party whose assertions it answers), then every pair. The export's\n" +
			"stances view draws the same counts as weighted edges.\n\n" +
			"Example:\n" +
			"   factgraph query stances\n" +
			"   factgraph query stances --json",
		Flags: o.flags(),
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			return o.answer(c, func(g *graph.Graph) (printable, error) { return query.Stances(g), nil })
		},
	}
}

type contestedOptions struct {
	inputOptions
	query.ContestedOptions
}

func contestedQuery() *cli.Command {
	var o contestedOptions
	return &cli.Command{
		Name:  "contested",
		Usage: "the claims nobody rebuts, and those several parties rebut",
		Description: "An assertion is rebutted by a party when one of the party's counterclaims counters it.\n\n" +
			"Example:\n" +
			"   factgraph query contested\n" +
			"   factgraph query contested --min 3 --json",
		Flags: append(o.flags(),
			&cli.IntFlag{Name: "min", Usage: "list as contested what at least `N` parties rebut", Value: 2, Destination: &o.Min},
		),
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			if o.Min < 1 {
				return usagef("--min must be 1 or more, got %d", o.Min)
			}
			return o.answer(c, func(g *graph.Graph) (printable, error) { return query.Contested(g, o.ContestedOptions) })
		},
	}
}
