package gexf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/factgraph/factgraph/export/internal/xmltext"
)

// Namespaces and version written on the root element.
const (
	Namespace      = "http://gexf.net/1.3"
	VizNamespace   = "http://gexf.net/1.3/viz"
	SchemaLocation = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
	Version        = "1.3"
)

// Attribute declares an attribute of nodes or edges. Type is a GEXF attribute type:
// string, integer, long, double, float, boolean, ...
type Attribute struct {
	ID, Title, Type string
}

// AttValue is one attribute value; For is the id of its Attribute.
type AttValue struct {
	For, Value string
}

// Spell is a period when a node or edge exists; an empty Start or End is open.
type Spell struct {
	Start, End string
}

// Color is an opaque RGB colour, written as viz:color r, g, b (not hex, which NetworkX
// 2.8 cannot read).
type Color struct{ R, G, B uint8 }

// Position is a viz:position: where a node is drawn, y up.
type Position struct{ X, Y float64 }

// Node is a <node>. Size 0 writes no viz:size.
type Node struct {
	ID, Label string
	AttValues []AttValue
	Spells    []Spell
	Color     *Color
	Position  *Position
	Size      float64
}

// Edge is an <edge>. Weight 0 is not written (readers take 1). Shape is viz:shape:
// solid, dotted, dashed or double; "" writes none.
type Edge struct {
	ID, Source, Target, Label string
	Weight                    float64
	AttValues                 []AttValue
	Spells                    []Spell
	Color                     *Color
	Shape                     string
}

// Header is what comes before the nodes.
type Header struct {
	Creator, Description string
	// Dynamic marks the graph mode="dynamic", its spells in TimeFormat (date, dateTime,
	// integer, double).
	Dynamic    bool
	TimeFormat string
	NodeAttrs  []Attribute
	EdgeAttrs  []Attribute
}

// A Writer writes one GEXF 1.3 document with a single directed graph, element by element:
// header, nodes, edges. Calls after the first error do nothing and return it. Close must
// be called.
type Writer struct {
	w         *bufio.Writer
	state     int // 0 nothing, 1 header, 2 in nodes, 3 in edges
	nodeAttrs map[string]bool
	edgeAttrs map[string]bool
	err       error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10)}
}

// WriteHeader writes the root element, the meta data and the attribute declarations.
func (w *Writer) WriteHeader(h Header) error {
	if w.err != nil {
		return w.err
	}
	if w.state != 0 {
		return w.fail(errors.New("gexf: header written twice"))
	}
	w.state = 1
	b := w.w
	w.put(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	w.put(`<gexf xmlns="`+Namespace+`" xmlns:viz="`+VizNamespace+`" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="`+SchemaLocation+`" version="`+Version+`">`, "\n")
	if h.Creator != "" || h.Description != "" {
		b.WriteString("  <meta>\n")
		w.element("    ", "creator", h.Creator)
		w.element("    ", "description", h.Description)
		b.WriteString("  </meta>\n")
	}
	b.WriteString(`  <graph defaultedgetype="directed"`)
	if h.Dynamic {
		b.WriteString(` mode="dynamic" timeformat="`)
		xmltext.Escape(b, h.TimeFormat)
		b.WriteString(`"`)
	} else {
		b.WriteString(` mode="static"`)
	}
	b.WriteString(">\n")
	var err error
	if w.nodeAttrs, err = w.attributes("node", h.NodeAttrs); err != nil {
		return err
	}
	if w.edgeAttrs, err = w.attributes("edge", h.EdgeAttrs); err != nil {
		return err
	}
	return nil
}

func (w *Writer) element(indent, name, text string) {
	if text == "" {
		return
	}
	w.put(indent, "<", name, ">")
	xmltext.Escape(w.w, text)
	w.put("</", name, ">\n")
}

func (w *Writer) attributes(class string, as []Attribute) (map[string]bool, error) {
	ids := make(map[string]bool, len(as))
	if len(as) == 0 {
		return ids, nil
	}
	b := w.w
	w.put(`    <attributes class="`+class+`" mode="static">`, "\n")
	for _, a := range as {
		if a.ID == "" || ids[a.ID] {
			return nil, w.fail(fmt.Errorf("gexf: %s attribute id %q empty or declared twice", class, a.ID))
		}
		ids[a.ID] = true
		b.WriteString(`      <attribute id="`)
		xmltext.Escape(b, a.ID)
		b.WriteString(`" title="`)
		xmltext.Escape(b, a.Title)
		b.WriteString(`" type="`)
		xmltext.Escape(b, a.Type)
		w.put(`"/>`, "\n")
	}
	b.WriteString("    </attributes>\n")
	return ids, nil
}

// WriteNode writes a node. All nodes come before all edges.
func (w *Writer) WriteNode(n *Node) error {
	if w.err != nil {
		return w.err
	}
	switch w.state {
	case 0:
		return w.fail(fmt.Errorf("gexf: node %q written before the header", n.ID))
	case 1:
		w.w.WriteString("    <nodes>\n")
		w.state = 2
	case 3:
		return w.fail(fmt.Errorf("gexf: node %q written after the edges began: write all nodes first", n.ID))
	}
	if n.ID == "" {
		return w.fail(errors.New("gexf: node with an empty id"))
	}
	b := w.w
	b.WriteString(`      <node id="`)
	xmltext.Escape(b, n.ID)
	if n.Label != "" {
		b.WriteString(`" label="`)
		xmltext.Escape(b, n.Label)
	}
	b.WriteString("\">\n")
	if err := w.content(n.AttValues, w.nodeAttrs, n.Spells, n.Color, ""); err != nil {
		return err
	}
	if p := n.Position; p != nil {
		if !finite(p.X) || !finite(p.Y) {
			return w.fail(fmt.Errorf("gexf: node %q at (%v, %v): give it a finite position", n.ID, p.X, p.Y))
		}
		w.put(`        <viz:position x="`, number(p.X), `" y="`, number(p.Y), "\"/>\n")
	}
	if n.Size != 0 {
		if !finite(n.Size) || n.Size < 0 {
			return w.fail(fmt.Errorf("gexf: node %q has size %v: give it a size of 0 or more", n.ID, n.Size))
		}
		w.put(`        <viz:size value="`, number(n.Size), "\"/>\n")
	}
	b.WriteString("      </node>\n")
	return nil
}

// WriteEdge writes an edge.
func (w *Writer) WriteEdge(e *Edge) error {
	if w.err != nil {
		return w.err
	}
	switch w.state {
	case 0:
		return w.fail(fmt.Errorf("gexf: edge %q written before the header", e.ID))
	case 1:
		w.w.WriteString("    <nodes>\n")
		fallthrough
	case 2:
		w.w.WriteString("    </nodes>\n    <edges>\n")
		w.state = 3
	}
	if e.Source == "" || e.Target == "" {
		return w.fail(fmt.Errorf("gexf: edge %q needs a source and a target", e.ID))
	}
	if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) {
		return w.fail(fmt.Errorf("gexf: edge %q has weight %v: give it a finite weight", e.ID, e.Weight))
	}
	b := w.w
	b.WriteString(`      <edge`)
	if e.ID != "" {
		b.WriteString(` id="`)
		xmltext.Escape(b, e.ID)
		b.WriteString(`"`)
	}
	b.WriteString(` source="`)
	xmltext.Escape(b, e.Source)
	b.WriteString(`" target="`)
	xmltext.Escape(b, e.Target)
	b.WriteString(`"`)
	if e.Label != "" {
		b.WriteString(` label="`)
		xmltext.Escape(b, e.Label)
		b.WriteString(`"`)
	}
	if e.Weight != 0 {
		b.WriteString(` weight="` + strconv.FormatFloat(e.Weight, 'g', -1, 64) + `"`)
	}
	b.WriteString(">\n")
	if err := w.content(e.AttValues, w.edgeAttrs, e.Spells, e.Color, e.Shape); err != nil {
		return err
	}
	b.WriteString("      </edge>\n")
	return nil
}

func (w *Writer) content(avs []AttValue, declared map[string]bool, spells []Spell, c *Color, shape string) error {
	b := w.w
	if len(avs) > 0 {
		b.WriteString("        <attvalues>\n")
		for _, av := range avs {
			if !declared[av.For] {
				return w.fail(fmt.Errorf("gexf: value for undeclared attribute %q: declare it in the header", av.For))
			}
			b.WriteString(`          <attvalue for="`)
			xmltext.Escape(b, av.For)
			b.WriteString(`" value="`)
			xmltext.Escape(b, av.Value)
			w.put(`"/>`, "\n")
		}
		b.WriteString("        </attvalues>\n")
	}
	if len(spells) > 0 {
		b.WriteString("        <spells>\n")
		for _, s := range spells {
			b.WriteString("          <spell")
			if s.Start != "" {
				b.WriteString(` start="`)
				xmltext.Escape(b, s.Start)
				b.WriteString(`"`)
			}
			if s.End != "" {
				b.WriteString(` end="`)
				xmltext.Escape(b, s.End)
				b.WriteString(`"`)
			}
			b.WriteString("/>\n")
		}
		b.WriteString("        </spells>\n")
	}
	if c != nil {
		w.put(`        <viz:color r="`, byteText[c.R], `" g="`, byteText[c.G], `" b="`, byteText[c.B], "\"/>\n")
	}
	if shape != "" {
		b.WriteString(`        <viz:shape value="`)
		xmltext.Escape(b, shape)
		w.put(`"/>`, "\n")
	}
	return nil
}

// Close ends the document and flushes it. It does not close the underlying writer.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	b := w.w
	switch w.state {
	case 0:
		return w.fail(errors.New("gexf: closed before the header was written"))
	case 1:
		b.WriteString("    <nodes>\n    </nodes>\n    <edges>\n")
	case 2:
		b.WriteString("    </nodes>\n    <edges>\n")
	}
	b.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	if err := b.Flush(); err != nil {
		return w.fail(fmt.Errorf("gexf: %w", err))
	}
	return nil
}

func (w *Writer) fail(err error) error {
	if w.err == nil {
		w.err = err
	}
	return w.err
}

// put writes ss in turn, sparing the allocation of concatenating them.
func (w *Writer) put(ss ...string) {
	for _, s := range ss {
		w.w.WriteString(s)
	}
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// byteText holds the decimal text of every byte value, so colours cost no allocation.
var byteText = func() (t [256]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()
