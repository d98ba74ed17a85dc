package export

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Attribute names for an item's period of validity (an obligation's or relation's since and
// until), next to the names in model.go.
const (
	AttrSince  = "since"
	AttrUntil  = "until"
	AttrWeight = "weight" // an edge's weight; Gephi's name for it
	AttrDashed = "dashed" // true on an edge drawn dashed (an absent duty)
	AttrColor  = "color"  // the fill or line colour, "#RRGGBB", where a format carries colour as text
)

// ValueType is the type of an attribute's values, as the typed formats (GraphML, GEXF,
// JSON) declare it.
type ValueType uint8

const (
	String ValueType = iota
	Double
	Boolean
)

func (t ValueType) String() string {
	switch t {
	case Double:
		return "double"
	case Boolean:
		return "boolean"
	}
	return "string"
}

// Field is a named, typed attribute that a format declares before it writes nodes or edges.
type Field struct {
	Name string
	Type ValueType
}

// Value is one attribute of one node or edge. Text is the value as the formats write it:
// numbers in Go's shortest form, booleans as "true".
type Value struct {
	Field
	Text string
}

// standardNodeFields and standardEdgeFields are declared by every format in this order, so
// that a tool reading any of them finds the same columns.
var (
	standardNodeFields = []Field{
		{AttrLabel, String}, {AttrKind, String}, {AttrType, String},
		{AttrDate, String}, {AttrPrecision, String}, {AttrStatus, String},
		{AttrSince, String}, {AttrUntil, String},
		{AttrSource, String}, {AttrQuote, String},
	}
	standardEdgeFields = []Field{
		{AttrLabel, String}, {AttrKind, String}, {AttrType, String},
		{AttrDate, String}, {AttrPrecision, String}, {AttrStatus, String},
		{AttrSince, String}, {AttrUntil, String},
		{AttrSource, String}, {AttrQuote, String},
		{AttrWeight, Double}, {AttrDashed, Boolean},
	}
)

// NodeFields returns the attributes the nodes of g may carry: the standard ones in a fixed
// order, then every Extra name the nodes use, sorted. It fails when an Extra name repeats a
// standard one, since a reader could not tell them apart.
func NodeFields(g *Graph) ([]Field, error) {
	extra := map[string]bool{}
	for i := range g.Nodes {
		for _, a := range g.Nodes[i].Extra {
			extra[a.Name] = true
		}
	}
	return fields(standardNodeFields, extra, "node")
}

// EdgeFields is NodeFields for edges.
func EdgeFields(g *Graph) ([]Field, error) {
	extra := map[string]bool{}
	for i := range g.Edges {
		for _, a := range g.Edges[i].Extra {
			extra[a.Name] = true
		}
	}
	return fields(standardEdgeFields, extra, "edge")
}

func fields(std []Field, extra map[string]bool, what string) ([]Field, error) {
	out := append([]Field(nil), std...)
	names := make([]string, 0, len(extra))
	for name := range extra {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "" {
			return nil, fmt.Errorf("%s attribute with an empty name: give every extra attribute a name", what)
		}
		for _, f := range std {
			if f.Name == name || strings.EqualFold(name, "id") {
				return nil, fmt.Errorf("%s attribute %q clashes with a standard attribute: rename it", what, name)
			}
		}
		out = append(out, Field{name, extraTypes[name]})
	}
	return out, nil
}

// extraTypes are the types of the Extra attributes that are not text.
var extraTypes = map[string]ValueType{ExtraCount: Double}

// NodeValues appends the attributes of n that have a value to dst, in NodeFields order:
// empty text is left out, so that a reader sees no attribute rather than an empty one.
func NodeValues(dst []Value, n *Node) []Value {
	add := func(name, text string) {
		if text != "" {
			dst = append(dst, Value{Field{name, String}, text})
		}
	}
	add(AttrLabel, n.Label)
	add(AttrKind, n.Kind)
	add(AttrType, n.Type)
	add(AttrDate, n.Date.String())
	add(AttrPrecision, n.Date.Precision.String())
	add(AttrStatus, n.Status)
	add(AttrSince, n.Since.String())
	add(AttrUntil, n.Until.String())
	add(AttrSource, strings.Join(n.Sources, ","))
	add(AttrQuote, strings.Join(n.Quotes, "\n"))
	for _, a := range n.Extra {
		if a.Value != "" {
			dst = append(dst, Value{Field{a.Name, extraTypes[a.Name]}, a.Value})
		}
	}
	return dst
}

// EdgeValues is NodeValues for edges. The weight is always there (1 when the view left it
// at 0, Gephi's default); dashed only when true. It fails on a weight that is not a finite
// number, which no format can carry.
func EdgeValues(dst []Value, e *Edge) ([]Value, error) {
	add := func(name, text string) {
		if text != "" {
			dst = append(dst, Value{Field{name, String}, text})
		}
	}
	add(AttrLabel, e.Label)
	add(AttrKind, e.Kind)
	add(AttrType, e.Type)
	add(AttrDate, e.Date.String())
	add(AttrPrecision, e.Date.Precision.String())
	add(AttrStatus, e.Status)
	add(AttrSince, e.Since.String())
	add(AttrUntil, e.Until.String())
	add(AttrSource, strings.Join(e.Sources, ","))
	add(AttrQuote, strings.Join(e.Quotes, "\n"))
	w, err := EdgeWeight(e)
	if err != nil {
		return dst, err
	}
	dst = append(dst, Value{Field{AttrWeight, Double}, strconv.FormatFloat(w, 'g', -1, 64)})
	if e.Dashed {
		dst = append(dst, Value{Field{AttrDashed, Boolean}, "true"})
	}
	for _, a := range e.Extra {
		if a.Value != "" {
			dst = append(dst, Value{Field{a.Name, extraTypes[a.Name]}, a.Value})
		}
	}
	return dst, nil
}

// EdgeWeight is the weight every format writes for e: e.Weight, or 1 when it is 0.
func EdgeWeight(e *Edge) (float64, error) {
	if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) {
		return 0, fmt.Errorf("edge %q has weight %v: give it a finite weight", e.ID, e.Weight)
	}
	if e.Weight == 0 {
		return 1, nil
	}
	return e.Weight, nil
}
