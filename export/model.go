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
}

// Attr is a named text attribute.
type Attr struct{ Name, Value string }

// Color is an opaque RGB colour.
type Color struct{ R, G, B uint8 }

// Graph is what a view produces and a format writes.
type Graph struct {
	Name  string // e.g. "factgraph full view"
	View  string
	Nodes []Node
	Edges []Edge
}
