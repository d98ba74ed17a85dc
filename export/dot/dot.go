// Package dot writes an export graph as Graphviz DOT (https://graphviz.org/doc/info/lang.html)
// that "dot -Tsvg" draws without a warning: every id quoted, every label escaped so the
// reader sees exactly the curated text, shapes and colours by kind (export/style.go), and a
// legend.
//
// Besides Graphviz's own attributes, nodes and edges carry the attributes every factgraph
// format carries (id, label, kind, type, date, precision, status, source, quote, ...), so a
// program reading the DOT file finds the same facts as in GraphML or GEXF.
package dot

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
)

func init() {
	export.Register(export.Format{
		Name:        "dot",
		Exts:        []string{"dot", "gv"},
		Description: "Graphviz DOT, to draw with dot -Tsvg",
		Write:       Write,
	})
}

// Write writes g as one DOT digraph.
func Write(w io.Writer, g *export.Graph) error {
	dw := NewWriter(w)
	dw.Begin(g.Name)
	for i := range g.Nodes {
		dw.Node(&g.Nodes[i])
	}
	for i := range g.Edges {
		dw.Edge(&g.Edges[i])
	}
	return dw.End()
}

// Writer streams a DOT digraph: Begin, then nodes and edges in the order wanted, then End.
// Like encoding/csv, it buffers and keeps the first error, which End returns.
type Writer struct {
	bw        *bufio.Writer
	err       error
	values    []export.Value
	nodeKinds map[string]bool
	edgeKinds map[legendEdge]bool
}

type legendEdge struct {
	label  string
	color  export.Color
	dashed bool
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriter(w), nodeKinds: map[string]bool{}, edgeKinds: map[legendEdge]bool{}}
}

func (w *Writer) str(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

// Begin writes the graph header and the defaults for nodes and edges.
func (w *Writer) Begin(name string) {
	w.str("digraph " + QuoteID(name) + " {\n")
	w.str("\tgraph [charset=\"UTF-8\", rankdir=\"LR\", fontname=\"Helvetica\", label=" + QuoteLabel(name) + ", labelloc=\"t\"];\n")
	w.str("\tnode [style=\"filled\", fontname=\"Helvetica\", fontsize=\"11\"];\n")
	w.str("\tedge [fontname=\"Helvetica\", fontsize=\"9\"];\n")
}

// Node writes one node statement.
func (w *Writer) Node(n *export.Node) {
	w.nodeKinds[n.Kind] = true
	w.str("\t" + QuoteID(n.ID) + " [id=" + QuoteID(n.ID))
	w.str(", shape=" + QuoteID(n.Shape) + ", fillcolor=\"" + n.Color.Hex() + "\"")
	w.values = export.NodeValues(w.values[:0], n)
	w.attrs(w.values)
	w.tooltip(n.Label, n.Extra)
	w.str("];\n")
}

// tooltip writes what an SVG drawing shows on hover: what a claim says where the label is
// only its id, else the label itself.
func (w *Writer) tooltip(label string, extra []export.Attr) {
	for _, a := range extra {
		if a.Name == export.ExtraSays {
			label = a.Value
		}
	}
	if label != "" {
		w.str(", tooltip=" + QuoteLabel(label))
	}
}

// Edge writes one edge statement.
func (w *Writer) Edge(e *export.Edge) {
	switch {
	case e.Kind == export.RoleCounters, e.Kind == export.RoleSupports:
		w.edgeKinds[legendEdge{e.Kind, e.Color, e.Dashed}] = true
	case e.Kind == export.EdgeObligation:
		w.edgeKinds[legendEdge{"obligation: " + e.Status, e.Color, e.Dashed}] = true
	}
	w.str("\t" + QuoteID(e.From) + " -> " + QuoteID(e.To) + " [id=" + QuoteID(e.ID))
	hex := "\"" + e.Color.Hex() + "\""
	w.str(", color=" + hex + ", fontcolor=" + hex)
	if e.Dashed {
		w.str(", style=\"dashed\"")
	}
	if e.Weight > 1 {
		// A heavier edge (the stances view counts assertions) is drawn thicker, gently:
		// twice the weight adds one point.
		w.str(", penwidth=\"" + strconv.FormatFloat(1+math.Round(10*math.Log2(e.Weight))/10, 'f', -1, 64) + "\"")
	}
	var err error
	w.values, err = export.EdgeValues(w.values[:0], e)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.attrs(w.values)
	w.tooltip(e.Label, e.Extra)
	w.str("];\n")
}

// attrs writes the factgraph attributes. The label is an escString that Graphviz
// interprets; the others are plain strings it stores as they are.
func (w *Writer) attrs(vs []export.Value) {
	for _, v := range vs {
		w.str(", " + QuoteID(v.Name) + "=")
		if v.Name == export.AttrLabel {
			w.str(QuoteLabel(v.Text))
		} else {
			w.str(QuoteID(v.Text))
		}
	}
}

// End writes the legend for the kinds written and closes the graph, then flushes. It
// returns the first error met.
func (w *Writer) End() error {
	w.legend()
	w.str("}\n")
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	return w.err
}

// legend draws one sample of each node kind and each special edge the graph holds, in a
// cluster of its own. Its ids contain a colon, which no fact id can.
func (w *Writer) legend() {
	var kinds []string
	for _, k := range export.NodeKinds {
		if w.nodeKinds[k] {
			kinds = append(kinds, k)
		}
	}
	var edges []legendEdge
	for _, e := range []legendEdge{
		{export.RoleCounters, export.ColorCounters, false},
		{export.RoleSupports, export.ColorSupports, false},
	} {
		if w.edgeKinds[e] {
			edges = append(edges, e)
		}
	}
	for _, s := range []string{"in-force", "absent", "demanded", "disputed"} {
		c, dashed := export.EdgeStyle(export.EdgeObligation, s)
		if e := (legendEdge{"obligation: " + s, c, dashed}); w.edgeKinds[e] {
			edges = append(edges, e)
		}
	}
	if len(kinds) == 0 && len(edges) == 0 {
		return
	}
	w.str("\tsubgraph \"cluster_legend\" {\n")
	w.str("\t\tgraph [label=\"Legend\", style=\"rounded\", color=\"#999999\", fontsize=\"11\"];\n")
	for _, k := range kinds {
		st := export.NodeStyle(k)
		w.str("\t\t" + QuoteID("legend:"+k) + " [label=" + QuoteLabel(k) + ", shape=" + QuoteID(st.Shape) + ", fillcolor=\"" + st.Color.Hex() + "\"];\n")
	}
	for _, e := range edges {
		from, to := QuoteID("legend:"+e.label+":from"), QuoteID("legend:"+e.label)
		hex := "\"" + e.color.Hex() + "\""
		w.str("\t\t" + from + " [label=\"\", shape=\"point\", width=\"0.05\"];\n")
		w.str("\t\t" + to + " [label=" + QuoteLabel(e.label) + ", shape=\"plaintext\", style=\"\"];\n")
		w.str("\t\t" + from + " -> " + to + " [color=" + hex)
		if e.dashed {
			w.str(", style=\"dashed\"")
		}
		w.str("];\n")
	}
	w.str("\t}\n")
}

// QuoteID returns s as a double-quoted DOT string that Graphviz reads back as s, for ids and
// attributes Graphviz keeps as written. Any s is safe, keywords included; see quote for
// what no DOT string can hold.
func QuoteID(s string) string { return quote(s, false) }

// QuoteLabel returns s as a double-quoted DOT label that Graphviz draws as s: backslashes
// are doubled so that "\N" or "\l" in the text stay text, line breaks become centred
// line breaks, and "&" is written as "&amp;" so that entity-like text stays text.
func QuoteLabel(s string) string { return quote(s, true) }

// maxPiece is the most bytes written in one quoted string: Graphviz's reader refuses a
// quoted string longer than 16384 bytes ("longer than 16384?"), so a longer text is written
// as pieces joined with DOT's "+", which Graphviz reads as one string.
const maxPiece = 16000

// quote writes s as one DOT string, in pieces of at most maxPiece bytes that never split an
// escape or a character. A NUL, which ends the string for Graphviz, and bytes that are not
// UTF-8, which the declared charset forbids, become U+FFFD.
func quote(s string, label bool) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	n := 0 // bytes in the current piece
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		unit := s[i : i+size]
		switch {
		case r == '"':
			unit = `\"`
		case r == '\\':
			unit = `\\`
		case r == 0, r == utf8.RuneError && size == 1:
			unit = "\uFFFD"
		case label && r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				size++
			}
			unit = `\n`
		case label && r == '\n':
			unit = `\n`
		case label && r == '&':
			unit = "&amp;"
		}
		if n+len(unit) > maxPiece {
			b.WriteString(`" + "`)
			n = 0
		}
		b.WriteString(unit)
		n += len(unit)
		i += size
	}
	b.WriteByte('"')
	return b.String()
}
