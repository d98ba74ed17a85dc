package html

import (
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// Data is what the page shows, in the JSON the page reads. A page written to a file holds
// every view and every item; the page serve sends holds none and asks for each part as it
// needs it (docs/browser.md).
type Data struct {
	Version int    `json:"version"`
	Title   string `json:"title"`
	Mode    string `json:"mode"` // ModeFile or ModeServe
	View    string `json:"view"` // the view shown first
	Focus   string `json:"focus,omitempty"`
	Depth   int    `json:"depth,omitempty"`
	Style   Style  `json:"style"`
	// Views are the views of a file page by name; a view whose focus is not one of its
	// nodes is left out.
	Views   map[string]*View   `json:"views,omitempty"`
	Items   map[string]*Item   `json:"items,omitempty"`
	Sources map[string]*Source `json:"sources,omitempty"`
	// Note is a line the page shows above the graph (serve: how to start on a big store).
	Note string `json:"note,omitempty"`
}

// The modes of a page.
const (
	ModeFile  = "file"  // everything inlined, nothing asked of a server
	ModeServe = "serve" // the parts asked of the server that sent the page
)

// View is one view of the graph, laid out.
type View struct {
	Name  string `json:"name"`
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Truncated is set when the server left out links past its limit: Omitted more.
	Truncated bool `json:"truncated,omitempty"`
	Omitted   int  `json:"omitted,omitempty"`
	// Focus is the item a served view was read around, and Note a line about it.
	Focus string `json:"focus,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Node is a node of a view: an item, in display terms, with its place.
type Node struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Kind   string  `json:"kind"`
	Type   string  `json:"type,omitempty"`
	Status string  `json:"status,omitempty"`
	Color  string  `json:"color"`
	Shape  string  `json:"shape"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Size   float64 `json:"size"`
	// Labelled says the page always draws the node's label (see placeLabels).
	Labelled bool     `json:"labelled,omitempty"`
	Sources  []string `json:"sources,omitempty"`
	Span
}

// Edge is an edge of a view.
type Edge struct {
	ID     string `json:"id"`
	From   string `json:"from"`
	To     string `json:"to"`
	Kind   string `json:"kind"`
	Label  string `json:"label,omitempty"`
	Color  string `json:"color"`
	Dashed bool   `json:"dashed,omitempty"`
	Status string `json:"status,omitempty"`
	// Item is the item the edge stands for (an obligation or claim of the parties view).
	Item    string   `json:"item,omitempty"`
	Sources []string `json:"sources,omitempty"`
	Span
	// Fields are the edge's own facts, for an edge that stands for no item (a relation).
	Fields []Field `json:"fields,omitempty"`
}

// Span says in which years the time slider shows a node or edge: from the end of year From
// on (0: always) until the end of year Until (0: never hidden again).
type Span struct {
	From  int `json:"from,omitempty"`
	Until int `json:"until,omitempty"`
}

// Item is every field of one item, in the order of the facts format.
type Item struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Label   string   `json:"label"`
	Fields  []Field  `json:"fields"`
	Quotes  []string `json:"quotes,omitempty"`
	Sources []string `json:"sources,omitempty"`
	// Brief is set on an item read only for its name (serve): ask for it whole.
	Brief bool `json:"brief,omitempty"`
	// Aliases, Counters and Supports repeat fields the page searches and threads by.
	Aliases  []string `json:"aliases,omitempty"`
	Counters []string `json:"counters,omitempty"`
	Supports []string `json:"supports,omitempty"`
}

// Field is one field of an item: text, or the ids of the items it names.
type Field struct {
	Name string   `json:"name"`
	Text string   `json:"text,omitempty"`
	IDs  []string `json:"ids,omitempty"`
}

// Source is a source document: its facts and, when at hand, its text.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Author    string `json:"author,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Path      string `json:"path,omitempty"` // source.text, as the facts file gives it
	Note      string `json:"note,omitempty"`
	// Text is the source's plain text, when the page was given it.
	Text    string `json:"text,omitempty"`
	HasText bool   `json:"has_text,omitempty"`
}

// Style is the look of each kind, from export/style.go, for the drawing and its legend.
type Style struct {
	Nodes    []KindStyle `json:"nodes"`
	Edges    []KindStyle `json:"edges"`
	Statuses []KindStyle `json:"statuses"`
	Views    []string    `json:"views"`
}

// KindStyle is the look of one kind of node or edge, or of one obligation status.
type KindStyle struct {
	Kind   string `json:"kind"`
	Color  string `json:"color"`
	Shape  string `json:"shape,omitempty"`
	Dashed bool   `json:"dashed,omitempty"`
}

// PageStyle is the style every page carries.
func PageStyle() Style {
	var s Style
	for _, k := range export.NodeKinds {
		st := export.NodeStyle(k)
		s.Nodes = append(s.Nodes, KindStyle{Kind: k, Color: st.Color.Hex(), Shape: st.Shape})
	}
	for _, k := range []string{export.RoleCounters, export.RoleSupports} {
		c, dashed := export.EdgeStyle(k, "")
		s.Edges = append(s.Edges, KindStyle{Kind: k, Color: c.Hex(), Dashed: dashed})
	}
	c, _ := export.EdgeStyle(export.RoleBy, "")
	s.Edges = append(s.Edges, KindStyle{Kind: "other", Color: c.Hex()})
	for _, st := range graph.ObligationStatuses {
		c, dashed := export.EdgeStyle(export.EdgeObligation, st)
		s.Statuses = append(s.Statuses, KindStyle{Kind: st, Color: c.Hex(), Dashed: dashed})
	}
	s.Views = append(s.Views, export.Views...)
	return s
}
