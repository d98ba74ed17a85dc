package graphml

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode"

	"github.com/factgraph/factgraph/export/internal/xmltext"
)

// Namespaces written on the root element.
const (
	Namespace      = "http://graphml.graphdrawing.org/xmlns"
	SchemaLocation = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	// YSchemaLocation is where yEd's own files point: GraphML redefined to allow yEd's
	// graphics, which plain graphml.xsd rejects.
	YSchemaLocation   = "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
	YNamespace        = "http://www.yworks.com/xml/graphml"
	yfilesNodeGraphic = "nodegraphics"
	yfilesEdgeGraphic = "edgegraphics"
)

// Key declares an attribute. ID is what <data key> refers to; Name and Type are GraphML's
// attr.name and attr.type (boolean, int, long, float, double or string); For is "node",
// "edge" or "graph".
type Key struct {
	ID, For, Name, Type string
}

// Data is one attribute value.
type Data struct {
	Key, Value string
}

// ShapeNode is yEd's drawing of a node: a shape with a fill colour and a label, and where
// it is when Geometry is set.
type ShapeNode struct {
	Label    string
	Fill     string // "#RRGGBB"
	Shape    string // yEd shape: rectangle, roundrectangle, ellipse, hexagon, ...
	Geometry *Geometry
}

// Geometry is yEd's y:Geometry: a node's top left corner (y runs down) and size.
type Geometry struct{ X, Y, Width, Height float64 }

// PolyLineEdge is yEd's drawing of an edge: a coloured line, maybe dashed, with an arrow.
type PolyLineEdge struct {
	Label  string
	Color  string // "#RRGGBB"
	Dashed bool
}

// Node is a <node>.
type Node struct {
	ID       string
	Data     []Data
	Graphics *ShapeNode // written only when the header asked for yEd graphics
}

// Edge is an <edge>.
type Edge struct {
	ID, Source, Target string
	Data               []Data
	Graphics           *PolyLineEdge
}

// Header is what comes before the nodes.
type Header struct {
	Keys []Key
	// YEd adds yEd's namespace and two keys (nodegraphics, edgegraphics) through which
	// nodes and edges carry their drawing, so that yEd shows labels and colours.
	YEd bool
}

// A Writer writes one GraphML document with a single directed graph, element by element.
// Calls after the first error do nothing and return it. Close must be called.
type Writer struct {
	w      *bufio.Writer
	header bool
	yed    bool
	keys   map[string]bool
	err    error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10)}
}

// WriteHeader writes the root element, the key declarations and opens the graph.
func (w *Writer) WriteHeader(h Header) error {
	if w.err != nil {
		return w.err
	}
	if w.header {
		return w.fail(errors.New("graphml: header written twice"))
	}
	w.header, w.yed = true, h.YEd
	w.keys = make(map[string]bool, len(h.Keys))
	b := w.w
	w.put(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	b.WriteString(`<graphml xmlns="` + Namespace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`)
	loc := SchemaLocation
	if h.YEd {
		b.WriteString(` xmlns:y="` + YNamespace + `"`)
		loc = YSchemaLocation
	}
	w.put(` xsi:schemaLocation="`, loc, "\">\n")
	for _, k := range h.Keys {
		if !NMToken(k.ID) {
			return w.fail(fmt.Errorf("graphml: key id %q is not an XML name token: use letters, digits, '-', '_', '.'", k.ID))
		}
		if w.keys[k.ID] {
			return w.fail(fmt.Errorf("graphml: key %q declared twice", k.ID))
		}
		w.keys[k.ID] = true
		w.put(`  <key id="`, k.ID, `" for="`, k.For, `" attr.name="`)
		xmltext.Escape(b, k.Name)
		w.put(`" attr.type="`+k.Type+`"/>`, "\n")
	}
	if h.YEd {
		w.put(`  <key id="`+yfilesNodeGraphic+`" for="node" yfiles.type="nodegraphics"/>`, "\n")
		w.put(`  <key id="`+yfilesEdgeGraphic+`" for="edge" yfiles.type="edgegraphics"/>`, "\n")
	}
	w.put(`  <graph id="G" edgedefault="directed">`, "\n")
	return nil
}

// WriteNode writes a node.
func (w *Writer) WriteNode(n *Node) error {
	if err := w.check(n.ID, "node"); err != nil {
		return err
	}
	b := w.w
	w.put(`    <node id="`, n.ID, "\">\n")
	if err := w.data(n.Data); err != nil {
		return err
	}
	if g := n.Graphics; g != nil && w.yed {
		w.put(`      <data key="` + yfilesNodeGraphic + `"><y:ShapeNode>`)
		if gm := g.Geometry; gm != nil {
			for _, v := range []float64{gm.X, gm.Y, gm.Width, gm.Height} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return w.fail(fmt.Errorf("graphml: node %q has geometry %v: give it a finite one", n.ID, *gm))
				}
			}
			w.put(`<y:Geometry height="`, fnum(gm.Height), `" width="`, fnum(gm.Width), `" x="`, fnum(gm.X), `" y="`, fnum(gm.Y), `"/>`)
		}
		w.put(`<y:Fill color="`, g.Fill, `" transparent="false"/>`)
		if g.Label != "" {
			b.WriteString(`<y:NodeLabel>`)
			xmltext.Escape(b, g.Label)
			b.WriteString(`</y:NodeLabel>`)
		}
		w.put(`<y:Shape type="`, g.Shape, "\"/></y:ShapeNode></data>\n")
	}
	b.WriteString("    </node>\n")
	return nil
}

// WriteEdge writes an edge. Source and target must be ids of nodes in the document.
func (w *Writer) WriteEdge(e *Edge) error {
	if err := w.check(e.ID, "edge"); err != nil {
		return err
	}
	for _, end := range []string{e.Source, e.Target} {
		if !NMToken(end) {
			return w.fail(fmt.Errorf("graphml: edge %q: end %q is not an XML name token", e.ID, end))
		}
	}
	b := w.w
	w.put(`    <edge id="`, e.ID, `" source="`, e.Source, `" target="`, e.Target, "\">\n")
	if err := w.data(e.Data); err != nil {
		return err
	}
	if g := e.Graphics; g != nil && w.yed {
		w.put(`      <data key="`, yfilesEdgeGraphic, `"><y:PolyLineEdge><y:LineStyle color="`, g.Color, `" type="`)
		if g.Dashed {
			b.WriteString("dashed")
		} else {
			b.WriteString("line")
		}
		b.WriteString(`" width="1.0"/><y:Arrows source="none" target="standard"/>`)
		if g.Label != "" {
			b.WriteString(`<y:EdgeLabel>`)
			xmltext.Escape(b, g.Label)
			b.WriteString(`</y:EdgeLabel>`)
		}
		w.put(`</y:PolyLineEdge></data>`, "\n")
	}
	b.WriteString("    </edge>\n")
	return nil
}

// Close ends the document and flushes it. It does not close the underlying writer.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	if !w.header {
		return w.fail(errors.New("graphml: closed before the header was written"))
	}
	w.w.WriteString("  </graph>\n</graphml>\n")
	if err := w.w.Flush(); err != nil {
		return w.fail(fmt.Errorf("graphml: %w", err))
	}
	return nil
}

func (w *Writer) check(id, what string) error {
	if w.err != nil {
		return w.err
	}
	if !w.header {
		return w.fail(fmt.Errorf("graphml: %s %q written before the header", what, id))
	}
	if !NMToken(id) {
		return w.fail(fmt.Errorf("graphml: %s id %q is not an XML name token: use letters, digits, '-', '_', '.'", what, id))
	}
	return nil
}

func (w *Writer) data(ds []Data) error {
	for _, d := range ds {
		if !w.keys[d.Key] {
			return w.fail(fmt.Errorf("graphml: data for undeclared key %q: declare it in the header", d.Key))
		}
		w.put(`      <data key="`, d.Key, `">`)
		xmltext.Escape(w.w, d.Value)
		w.w.WriteString("</data>\n")
	}
	return nil
}

func (w *Writer) fail(err error) error {
	if w.err == nil {
		w.err = err
	}
	return w.err
}

// NMToken reports whether s is an XML name token, which GraphML requires of every id.
func NMToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '.' || r == '_' || r == ':'):
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 0xB7):
		default:
			return false
		}
	}
	return true
}

func fnum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// put writes ss in turn, sparing the allocation of concatenating them.
func (w *Writer) put(ss ...string) {
	for _, s := range ss {
		w.w.WriteString(s)
	}
}
