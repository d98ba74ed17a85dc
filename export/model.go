package export

import "github.com/factgraph/factgraph/graph"

// The attribute names every format uses for the same things. A format may add its own
// display attributes (Gephi's r, g, b; yEd's graphics), never rename these.
const (
	AttrID        = "id"
	AttrLabel     = "label"
	AttrKind      = "kind"      // item kind: party, agreement, event, obligation, claim, counterclaim; for edges the role
	AttrType      = "type"      // party or agreement kind, relation type
	AttrDate      = "date"      // the item's date at its precision
	AttrPrecision = "precision" // year, month or day
	AttrStatus    = "status"    // an obligation's status
	AttrSource    = "source"    // ids of the sources that state it, comma-separated
	AttrQuote     = "quote"     // its quotes, one a line
)

// Node is one vertex of an exported graph, already turned from facts into display terms by
// a view. Formats write nodes in the order given; views sort them by ID.
type Node struct {
	ID      string
	Label   string
	Kind    string
	Type    string
	Date    graph.Date // zero when the item has no date
	Status  string
	Sources []string
	Quotes  []string
	Color   Color // fill colour, by kind
	Shape   string
	Extra   []Attr // further, view-specific attributes, sorted by name
	Since   graph.Date
	Until   graph.Date

	// Caption is what a drawing shows for the node: its label in words, wrapped to lines of
	// at most MaxLine characters, perhaps shortened. "" draws Label wrapped (DrawnNode).
	// Only drawings use it; the label attribute keeps the exact text.
	Caption string
	// Group is the ID of the Group the node is drawn in, "" for none.
	Group string
	// Contested marks a claim or counterclaim that a counterclaim in the view counters.
	Contested bool
	// Span is when the node is on a timeline; the zero Span is all the time.
	Span Span
	// Place is where the layout put the node, when the graph's Placed is true.
	Place Place
}

// Edge is one directed edge of an exported graph. Formats write edges in the order given;
// views sort them by (From, To, Kind, ID): SortEdges.
type Edge struct {
	ID      string // unique within the graph
	From    string
	To      string
	Label   string
	Kind    string // the role or relation: bearer, counters, obligation, allied-with, ...
	Type    string
	Date    graph.Date
	Status  string
	Sources []string
	Quotes  []string
	Color   Color
	Dashed  bool // drawn dashed: absent obligations
	Weight  float64
	Extra   []Attr
	Since   graph.Date
	Until   graph.Date

	// Caption is what a drawing writes on the line, as Node.Caption; "" draws Label
	// wrapped, unless the edge's look leaves it to the legend (DrawnEdge).
	Caption string
	// Span is when the edge is on a timeline; the zero Span is all the time.
	Span Span
}

// Group is a set of nodes a drawing puts in one titled box: the claims of one speaker.
type Group struct {
	ID    string
	Label string
}

// Span is a period on a timeline, each end a day written YYYY-MM-DD; an empty end is open.
// Start equal to End is an instant.
type Span struct{ Start, End string }

// IsZero reports whether s has no end at all: the item is there all the time.
func (s Span) IsZero() bool { return s.Start == "" && s.End == "" }

// Drawing is how a graph is to be drawn.
type Drawing struct {
	// Direction is the way edges flow, as Graphviz's rankdir: "LR" (left to right) or
	// "TB" (top to bottom); "" leaves it to the view.
	Direction string
	// Columns draws each group's box across only the ranks of its own nodes, a column of
	// its own, rather than as a band across the picture (Graphviz's newrank).
	Columns bool
	// LooseAbout lets what an item is about lie anywhere, rather than after the item.
	LooseAbout bool
	// Ratio, when not 0, is the height over width the drawing is stretched to when it is
	// flatter (below 1) or taller (above 1) than that: Graphviz's ratio, which spreads the
	// nodes apart and leaves their text as it is.
	Ratio float64
}

// Place is where a layout put a node: the centre, in points, x to the right and y up, and
// the size of the shape drawn there.
type Place struct{ X, Y, Width, Height float64 }

// Attr is a named text attribute.
type Attr struct{ Name, Value string }

// Color is an opaque RGB colour.
type Color struct{ R, G, B uint8 }

// Graph is what a view produces and a format writes.
type Graph struct {
	Name   string // e.g. "factgraph full view"
	View   string
	Nodes  []Node
	Edges  []Edge
	Groups []Group // the groups nodes name, sorted by ID

	// Drawing holds the choices a layout made, which the DOT writer writes so that
	// Graphviz draws the graph as it was measured.
	Drawing Drawing
	// Placed says that every node's Place holds the position a layout gave it.
	Placed bool
	// Unplaced says why a layout was not run, when it was asked for and skipped.
	Unplaced string
}
