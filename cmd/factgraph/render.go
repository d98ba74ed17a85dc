package main

import (
	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/render"
)

// renderOptions are the flags of "factgraph render".
type renderOptions struct {
	store  string
	output string
	export.ViewOptions
}

func renderCommand() *cli.Command {
	var o renderOptions
	return &cli.Command{
		Name:      "render",
		Usage:     "draw the graph as an SVG, PNG or PDF picture with Graphviz",
		ArgsUsage: "[FILE...]",
		Description: "Draws the store (or, given facts FILEs, just those files) in one view.\n" +
			"SVG needs nothing installed; PNG and PDF need Graphviz's dot program on PATH.\n\n" +
			"Example:\n" +
			"   factgraph render --view parties -o alliance.svg\n" +
			"   factgraph render samples/japan-us-security-treaty/facts.yaml --view arguments -o arguments.png\n" +
			"   factgraph render samples/japan-us-security-treaty/facts.yaml --view parties --claims none -o alliance.pdf",
		Flags: append([]cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the picture to `OUT.svg`, OUT.png or OUT.pdf", Destination: &o.output},
		}, viewFlags(&o.ViewOptions)...),
		Action: func(c *cli.Context) error {
			if o.output == "" {
				return usagef("render needs -o OUT.svg or -o OUT.png: the picture is written to a file")
			}
			if err := checkView(c, o.ViewOptions); err != nil {
				return err
			}
			format, err := render.FormatOf(o.output)
			if err != nil {
				return usageError{err}
			}
			if err := checkView(c, o.ViewOptions); err != nil {
				return err
			}
			s, err := openInput(c.Context, o.store, c.Args().Slice())
			if err != nil {
				return err
			}
			defer s.Close()
			return render.ToFile(c.Context, s, o.ViewOptions, format, o.output)
		},
	}
}
