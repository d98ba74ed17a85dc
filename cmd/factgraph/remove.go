package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/store"
)

type removeOptions struct {
	Store   string
	Sources []string
}

func removeCommand() *cli.Command {
	var opts removeOptions
	return &cli.Command{
		Name:      "remove",
		Usage:     "take sources and every fact they state out of the store",
		ArgsUsage: "SOURCE_ID...",
		Description: `Parties and agreements that another source also states stay.

Example:
   factgraph remove japan-us-security-treaty-article`,
		Flags: []cli.Flag{storeFlag(&opts.Store)},
		Action: func(c *cli.Context) error {
			opts.Sources = c.Args().Slice()
			if len(opts.Sources) == 0 {
				return usagef("remove needs at least one source id; factgraph sources lists them")
			}
			return runRemove(c.Context, c.App.Writer, opts)
		},
	}
}

func runRemove(ctx context.Context, w io.Writer, opts removeOptions) error {
	s, err := store.Open(ctx, opts.Store, &store.OpenOptions{MustExist: true})
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.Remove(ctx, opts.Sources...)
	if err != nil {
		return err
	}
	printReport(w, rep)
	return s.Close()
}
