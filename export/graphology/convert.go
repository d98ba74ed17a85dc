package graphology

import (
	"fmt"
	"io"
	"strconv"

	"github.com/factgraph/factgraph/export"
)

func init() {
	export.Register(export.Format{
		Name:        "json",
		Exts:        []string{"graphology.json", "json"},
		Description: "graphology's JSON serialisation (Gephi Lite, sigma.js)",
		Write:       Write,
		Layout:      true,
	})
}

// Write writes g as graphology's serialisation of a directed multigraph with self-loops:
// graph attributes name and view; for each node and edge the standard attributes with their
// JSON types, and its colour as "color": "#RRGGBB", the attribute sigma.js draws with. When
// g was laid out, each node also has x, y and size, which sigma.js and Gephi Lite place it
// by. The standard attribute type (a party's kind, a relation's type) is written as
// "category": sigma.js takes a node's or edge's "type" for the name of the program that
// draws it, and fails on any it does not know.
func Write(w io.Writer, g *export.Graph) error {
	jw := NewWriter(w)
	var head []Attr
	if g.Name != "" {
		head = append(head, Attr{Name: "name", Text: g.Name})
	}
	if g.View != "" {
		head = append(head, Attr{Name: "view", Text: g.View})
	}
	if err := jw.WriteHeader(head, Options{Type: "directed", Multi: true, AllowSelfLoops: true}); err != nil {
		return err
	}
	var vals []export.Value
	var attrs []Attr
	for i := range g.Nodes {
		n := &g.Nodes[i]
		vals = export.NodeValues(vals[:0], n)
		attrs = append(convert(attrs[:0], vals), Attr{Name: export.AttrColor, Text: n.Color.Hex()})
		if g.Placed {
			p := n.Place
			attrs = append(attrs, Attr{Name: AttrX, Kind: Number, Text: number(p.X)},
				Attr{Name: AttrY, Kind: Number, Text: number(p.Y)},
				Attr{Name: AttrSize, Kind: Number, Text: number(min(p.Width, p.Height) / 2)})
		}
		if err := jw.WriteNode(n.ID, attrs); err != nil {
			return err
		}
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		var err error
		if vals, err = export.EdgeValues(vals[:0], e); err != nil {
			return fmt.Errorf("graphology: %w", err)
		}
		attrs = append(convert(attrs[:0], vals), Attr{Name: export.AttrColor, Text: e.Color.Hex()})
		if err := jw.WriteEdge(e.ID, e.From, e.To, attrs); err != nil {
			return err
		}
	}
	return jw.Close()
}

// Names of the attributes sigma.js reads, besides label and color.
const (
	AttrX        = "x"
	AttrY        = "y"
	AttrSize     = "size"
	AttrCategory = "category" // the standard attribute type, which sigma.js would misread
)

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func convert(dst []Attr, vals []export.Value) []Attr {
	for _, v := range vals {
		if v.Name == export.AttrType {
			v.Name = AttrCategory
		}
		k := String
		switch v.Type {
		case export.Double:
			k = Number
		case export.Boolean:
			k = Bool
		}
		dst = append(dst, Attr{Name: v.Name, Kind: k, Text: v.Text})
	}
	return dst
}
