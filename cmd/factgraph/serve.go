package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/serve"
)

// serveOptions are the flags of "factgraph serve".
type serveOptions struct {
	store string
	facts cli.StringSlice
	serve.Options
}

func serveCommand() *cli.Command {
	var o serveOptions
	return &cli.Command{
		Name:      "serve",
		Usage:     "explore the graph in a browser: a read-only web page served from the store",
		ArgsUsage: "[FILE...]",
		Description: "Serves the page of export --format html from the store (or, given facts FILEs, from\n" +
			"just those files), reading only what the page shows: a view around an item, a\n" +
			"neighbourhood at a time. Listens on 127.0.0.1 unless --addr says otherwise; never\n" +
			"writes. See docs/browser.md.\n\n" +
			"Example:\n" +
			"   factgraph serve samples/japan-us-security-treaty/facts.yaml\n" +
			"   factgraph serve --store corpus.db --facts corpus/ --focus japan",
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "addr", Usage: "listen on `HOST:PORT`", Value: serve.DefaultAddr, Destination: &o.Addr},
			&cli.StringSliceFlag{Name: "facts", Usage: "the facts files or `FOLDER` the store was built from, to show quotes in the source texts next to them", Destination: &o.facts},
			&cli.StringFlag{Name: "view", Usage: "start on `VIEW`: " + strings.Join(export.Views, ", "), Value: export.ViewFull, Destination: &o.View},
			&cli.StringFlag{Name: "focus", Usage: "start around the item `ID`", Destination: &o.Focus},
			&cli.IntFlag{Name: "depth", Usage: fmt.Sprintf("with --focus, show items up to `N` steps away (1 to %d)", serve.MaxDepth), Value: 1, Destination: &o.Depth},
			&cli.IntFlag{Name: "limit", Usage: fmt.Sprintf("show at most `N` links of an item at once (1 to %d)", serve.MaxLimit), Value: serve.DefaultLimit, Destination: &o.Limit},
		},
		Action: func(c *cli.Context) error {
			if !slices.Contains(export.Views, o.View) {
				return usagef("unknown view %q; use one of: %s", o.View, strings.Join(export.Views, ", "))
			}
			if o.Depth < 1 || o.Depth > serve.MaxDepth {
				return usagef("--depth must be 1 to %d, got %d", serve.MaxDepth, o.Depth)
			}
			if o.Limit < 1 || o.Limit > serve.MaxLimit {
				return usagef("--limit must be 1 to %d, got %d", serve.MaxLimit, o.Limit)
			}
			s, texts, err := openInputTexts(c.Context, o.store, c.Args().Slice())
			if err != nil {
				return err
			}
			defer s.Close()
			if texts != nil {
				o.Texts = texts
			}
			o.Facts = o.facts.Value()
			o.Log = c.App.ErrWriter
			srv, err := serve.New(c.Context, s, o.Options)
			if err != nil {
				return err
			}
			if !serve.Loopback(o.Addr) {
				fmt.Fprintf(c.App.ErrWriter, "factgraph: listening on %s: anyone who can reach this machine there can read the store\n", o.Addr)
			}
			return srv.ListenAndServe(c.Context, func(url string) {
				fmt.Fprintf(c.App.Writer, "serving %s at %s (Ctrl-C stops)\n", s.Shown(), url)
			})
		},
	}
}
