package html

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name:        "html",
		Exts:        []string{"html", "htm"},
		Description: "one self-contained page to explore every view in a browser (sigma.js)",
		WritePage:   Write,
	})
}

// Write writes g as a page that shows every view, laid out, with every item whole and the
// texts opts.Texts gives: one file that needs nothing else, not even a network. opts.View
// is the view shown first; with opts.Focus, each view keeps what lies within opts.Depth
// steps of it, and a view that does not hold the focus is left out (the first view must
// hold it).
//
// The data is written a part at a time, as the page reads it (Data): one view laid out,
// then the next, then each item, then each source with its text, so that only one view and
// one text are held at once besides g.
func Write(ctx context.Context, w io.Writer, g *graph.Graph, opts export.Options) error {
	view := opts.View
	if view == "" {
		view = export.ViewFull
	}
	// The first view first: a focus it does not hold, or an unknown view, is an error
	// before anything is written.
	names := []string{view}
	for _, name := range export.Views {
		if name != view {
			names = append(names, name)
		}
	}
	spans := Spans(g)
	first, err := buildView(g, opts.ViewOptions, view, spans)
	if err != nil {
		return err
	}
	head := &Data{
		Version: 1, Title: Title(g), Mode: ModeFile, View: view, Focus: opts.Focus,
		Style: PageStyle(),
	}
	if opts.Focus != "" {
		head.Depth = opts.Depth
	}
	var texts func(graph.Source) (string, bool, error)
	if opts.Texts != nil {
		texts = opts.Texts.SourceText
	}
	return writePage(w, head, func(dw *dataWriter) error {
		dw.object("views")
		for i, name := range names {
			v := first
			if i > 0 {
				if v, err = buildView(g, opts.ViewOptions, name, spans); err != nil {
					continue // the focus is not a node of this view
				}
			}
			dw.entry(name, v)
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		dw.end()
		items := Items(g)
		ids := make([]string, 0, len(items))
		for id := range items {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		dw.object("items")
		for _, id := range ids {
			dw.entry(id, items[id])
		}
		dw.end()
		dw.object("sources")
		for _, s := range g.Sources {
			src := SourceOf(s)
			if texts != nil {
				text, ok, err := texts(s)
				if err != nil {
					return fmt.Errorf("cannot read the text of source %q: %w", s.ID, err)
				}
				src.Text, src.HasText = text, ok
			}
			dw.entry(s.ID, src)
		}
		dw.end()
		return dw.err
	})
}

// buildView builds the view name of g, laid out around the focus of opts.
func buildView(g *graph.Graph, opts export.ViewOptions, name string, spans map[string]Span) (*View, error) {
	opts.View = name
	v, err := export.BuildView(g, opts)
	if err != nil {
		return nil, err
	}
	return NewView(v, spans, g.Relations, opts.Focus), nil
}

// dataWriter writes the members of the data object that a page streams, each value as JSON
// with <, >, & and U+2028/U+2029 escaped; it keeps the first error.
type dataWriter struct {
	w     io.Writer
	enc   *json.Encoder
	first bool
	err   error
}

func (d *dataWriter) raw(s string) {
	if d.err == nil {
		_, d.err = io.WriteString(d.w, s)
	}
}

func (d *dataWriter) key(k string) {
	b, _ := json.Marshal(k) // escapes <, >, & and U+2028/U+2029 as Encoder does
	d.raw(string(b) + ":")
}

// object starts the member name holding an object.
func (d *dataWriter) object(name string) {
	d.raw(",")
	d.key(name)
	d.raw("{")
	d.first = true
}

func (d *dataWriter) entry(k string, v any) {
	if !d.first {
		d.raw(",")
	}
	d.first = false
	d.key(k)
	if d.err == nil {
		d.err = d.enc.Encode(v)
	}
}

func (d *dataWriter) end() { d.raw("}") }

// Title names the page after its one source, or after how many sources it shows.
func Title(g *graph.Graph) string {
	switch len(g.Sources) {
	case 0:
		return "factgraph"
	case 1:
		if t := g.Sources[0].Title; t != "" {
			return t + " - factgraph"
		}
		return g.Sources[0].ID + " - factgraph"
	}
	return fmt.Sprintf("%d sources - factgraph", len(g.Sources))
}
