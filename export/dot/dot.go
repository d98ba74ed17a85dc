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
		Layout:      true,
	})
}

// Write writes g as one DOT digraph.
func Write(w io.Writer, g *export.Graph) error {
	dw := NewWriter(w)
	dw.BeginGraph(g)
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
	bw      *bufio.Writer
	err     error
	values  []export.Value
	legend  legend
	groups  []export.Group
	drawing export.Drawing
	member  map[string][]string // group id -> its nodes, in the order written
	linked  map[string]bool     // nodes in groups that an edge touches
	group   map[string]string   // node id -> its group, for nodes in one
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriter(w), legend: newLegend(), member: map[string][]string{}, linked: map[string]bool{}, group: map[string]string{}}
}

func (w *Writer) str(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

// Begin writes the graph header and the defaults for nodes and edges.
func (w *Writer) Begin(name string) { w.begin(name, Layout("", export.Drawing{})) }

// BeginGraph is Begin for g: its name, the layout of its view and drawing (see Layout),
// and its groups (see Groups). Nodes and edges are written after it, by Node and Edge.
func (w *Writer) BeginGraph(g *export.Graph) {
	w.begin(g.Name, Layout(g.View, g.Drawing))
	w.drawing = g.Drawing
	w.Groups(g.Groups)
}

func (w *Writer) begin(name string, layout []Attr) {
	w.str("digraph " + QuoteID(name) + " {\n")
	w.str("\tgraph [charset=\"UTF-8\", fontname=\"Helvetica\", label=" + QuoteLabel(name) + ", labelloc=\"t\"")
	for _, a := range layout {
		w.str(", " + a.Name + "=" + QuoteID(a.Value))
	}
	w.str("];\n")
	w.str("\tnode [style=\"filled\", fontname=\"Helvetica\", fontsize=\"11\"];\n")
	w.str("\tedge [fontname=\"Helvetica\", fontsize=\"9\"];\n")
}

// Groups names the groups that nodes written later may belong to: each is drawn as a box
// titled with its label around its nodes.
func (w *Writer) Groups(gs []export.Group) { w.groups = append(w.groups, gs...) }

// Node writes one node statement. Its label is what a drawing shows (export.DrawnNode);
// the exact label is the tooltip.
func (w *Writer) Node(n *export.Node) {
	w.legend.node(n)
	if n.Group != "" {
		w.member[n.Group] = append(w.member[n.Group], n.ID)
		w.group[n.ID] = n.Group
	}
	w.str("\t" + QuoteID(n.ID) + " [id=" + QuoteID(n.ID))
	w.str(", label=" + QuoteLabel(export.DrawnNode(n)))
	w.str(", shape=" + QuoteID(n.Shape) + ", fillcolor=\"" + n.Color.Hex() + "\"")
	if n.Shape == "box" {
		w.str(", style=\"filled,rounded\"")
	}
	if n.Contested {
		w.str(", peripheries=\"2\"")
	}
	w.values = export.NodeValues(w.values[:0], n)
	w.attrs(w.values)
	w.tooltip(n.Label, n.Extra)
	w.str("];\n")
}

// tooltip writes what an SVG drawing shows on hover: the exact text of the label, or what
// the claims an edge stands for say.
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

// Edge writes one edge statement, drawn as export.EdgeLookOf says. A by edge from a claim
// in its speaker's group is left out: the group's box says it, and the claim's by attribute.
func (w *Writer) Edge(e *export.Edge) {
	look := export.EdgeLookOf(e)
	if e.Kind == export.RoleBy && e.To != "" && w.group[e.From] == e.To {
		return
	}
	w.legend.edge(look)
	if len(w.groups) > 0 {
		w.linked[e.From], w.linked[e.To] = true, true
	}
	w.str("\t" + QuoteID(e.From) + " -> " + QuoteID(e.To) + " [id=" + QuoteID(e.ID))
	if label := export.DrawnEdge(e); label != "" {
		w.str(", label=" + QuoteLabel(label))
	}
	hex := "\"" + e.Color.Hex() + "\""
	w.str(", color=" + hex + ", fontcolor=" + hex)
	width := look.Width
	if e.Weight > 1 && (e.Kind == export.RoleCounters || e.Kind == export.RoleSupports || e.Kind == export.EdgeObligation) {
		// A heavier edge (the stances view counts assertions, a merged parties view duties)
		// is drawn thicker, gently: twice the weight adds one point.
		width += math.Round(10*math.Log2(e.Weight)) / 10
	}
	if width != 1 {
		w.str(", penwidth=\"" + strconv.FormatFloat(width, 'g', -1, 64) + "\"")
	}
	if e.Dashed {
		w.str(", style=\"dashed\"")
	}
	if e.Kind == export.RoleAbout && w.drawing.LooseAbout {
		w.str(", constraint=\"false\"")
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

// attrs writes the factgraph attributes but the label, which Graphviz draws: the exact
// label is the tooltip. Graphviz stores the others as they are.
func (w *Writer) attrs(vs []export.Value) {
	for _, v := range vs {
		if v.Name == export.AttrLabel {
			continue
		}
		w.str(", " + QuoteID(v.Name) + "=" + QuoteID(v.Text))
	}
}

// End writes the groups, the legend for what was drawn and closes the graph, then flushes.
// It returns the first error met.
func (w *Writer) End() error {
	for i, g := range w.groups {
		ids := w.member[g.ID]
		if len(ids) == 0 {
			continue
		}
		w.str("\tsubgraph " + QuoteID("cluster_"+strconv.Itoa(i)) + " {\n")
		w.str("\t\tgraph [id=" + QuoteID("group:"+g.ID) + ", label=" + QuoteLabel(export.Wrap(g.Label, export.NameWidth+8)) +
			", style=\"rounded\", color=\"" + export.ColorGroup.Hex() + "\", fontsize=\"12\"];\n")
		for _, id := range ids {
			w.str("\t\t" + QuoteID(id) + ";\n")
		}
		w.grid(ids)
		w.str("\t}\n")
		w.legend.group = true
	}
	w.writeLegend()
	w.str("}\n")
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	return w.err
}

// grid lays the nodes of a group that no edge touches out in rows, tied by invisible
// edges, rather than in one tall column.
func (w *Writer) grid(ids []string) {
	var loose []string
	for _, id := range ids {
		if !w.linked[id] {
			loose = append(loose, id)
		}
	}
	cols := 1
	for cols < 4 && cols < len(loose) {
		cols++
	}
	for i := 0; i+1 < len(loose); i++ {
		if (i+1)%cols != 0 {
			w.str("\t\t" + QuoteID(loose[i]) + " -> " + QuoteID(loose[i+1]) + " [style=\"invis\"];\n")
		}
	}
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
