package main

import (
	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/query"
)

type statsOptions struct {
	inputOptions
	query.StatsOptions
}

func statsCommand() *cli.Command {
	var o statsOptions
	return &cli.Command{
		Name:  "stats",
		Usage: "counts by section, kind and source, the most central parties and the connected components",
		Description: "Parties are ranked on the alliance graph: parties and agreements, linked by duties\n" +
			"(not absent ones), relations, agreements' parties and memberships; claims do not count.\n" +
			"Centrality is PageRank over its directed links and betweenness over the undirected ones\n" +
			"(gonum); betweenness is skipped on graphs larger than --betweenness-max.\n\n" +
			"Example:\n" +
			"   factgraph stats\n" +
			"   factgraph stats --in samples/japan-us-security-treaty/facts.yaml --json",
		Flags: append(o.flags(), sourceFlag(&o.source),
			&cli.IntFlag{Name: "top", Usage: "list `N` central parties and components", Value: 10, Destination: &o.Top},
			&cli.IntFlag{Name: "betweenness-max", Usage: "compute betweenness on graphs of up to `N` items (-1: always)", Value: 3000, Destination: &o.BetweennessMax},
		),
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			if o.Top < 1 {
				return usagef("--top must be 1 or more, got %d", o.Top)
			}
			return o.answer(c, func(g *graph.Graph) (printable, error) { return query.Stats(g, o.StatsOptions) })
		},
	}
}
