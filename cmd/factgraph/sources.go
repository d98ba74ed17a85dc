package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/store/pgstore"
)

type sourcesOptions struct {
	Store string
	JSON  bool
}

func sourcesCommand() *cli.Command {
	var opts sourcesOptions
	return &cli.Command{
		Name:  "sources",
		Usage: "list the sources in the store with how many facts each states",
		Description: `Example:
   factgraph sources
   factgraph sources --store corpus.db --json`,
		Flags: []cli.Flag{
			storeFlag(&opts.Store),
			&cli.BoolFlag{Name: "json", Usage: "print JSON instead of a table", Destination: &opts.JSON},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return usagef("sources takes no arguments, got %q", c.Args().First())
			}
			return runSources(c.Context, c.App.Writer, opts)
		},
	}
}

// sourceJSON is one row of "factgraph sources --json".
type sourceJSON struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Published     string `json:"published,omitempty"`
	Parties       int    `json:"parties"`
	Agreements    int    `json:"agreements"`
	Events        int    `json:"events"`
	Obligations   int    `json:"obligations"`
	Claims        int    `json:"claims"`
	Counterclaims int    `json:"counterclaims"`
	Relations     int    `json:"relations"`
	Quads         int    `json:"quads"`
}

func runSources(ctx context.Context, w io.Writer, opts sourcesOptions) error {
	s, err := openToRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer s.Close()
	infos, err := s.Sources(ctx)
	if err != nil {
		return err
	}
	rows := make([]sourceJSON, len(infos))
	for i, in := range infos {
		c := in.Counts
		rows[i] = sourceJSON{in.Source.ID, in.Source.Title, in.Source.Published.String(),
			c.Parties, c.Agreements, c.Events, c.Obligations, c.Claims, c.Counterclaims, c.Relations, c.Quads}
	}
	if opts.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	if len(rows) == 0 {
		fmt.Fprintf(w, "no sources in %s; add one with factgraph ingest FILE\n", pgstore.Redact(opts.Store))
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tPARTIES\tAGREEMENTS\tEVENTS\tOBLIGATIONS\tCLAIMS\tCOUNTERCLAIMS\tRELATIONS\tQUADS")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", r.ID, r.Parties, r.Agreements, r.Events,
			r.Obligations, r.Claims, r.Counterclaims, r.Relations, r.Quads)
	}
	return tw.Flush()
}
