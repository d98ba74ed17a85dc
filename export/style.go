package export

import (
	"fmt"

	"github.com/factgraph/factgraph/graph"
)

// The look of each kind, defined once here and used by every format, so that a party is
// the same blue in Graphviz, Gephi, yEd and Mermaid. Fill colours are light enough for
// black text; edge colours are dark enough to see on white.
var (
	ColorParty        = Color{0xA6, 0xCE, 0xE3} // light blue
	ColorAgreement    = Color{0xFD, 0xBF, 0x6F} // light orange
	ColorEvent        = Color{0xCA, 0xB2, 0xD6} // lavender
	ColorObligation   = Color{0xB2, 0xDF, 0x8A} // light green
	ColorClaim        = Color{0xFF, 0xFF, 0x99} // light yellow
	ColorCounterclaim = Color{0xFB, 0x9A, 0x99} // light red
	ColorOther        = Color{0xDD, 0xDD, 0xDD} // grey: a kind this version does not know

	ColorEdge     = Color{0x55, 0x55, 0x55} // roles and relations
	ColorCounters = Color{0xD6, 0x27, 0x28} // red: rebuts
	ColorSupports = Color{0x2C, 0xA0, 0x2C} // green: backs up
	ColorAbsent   = Color{0xD6, 0x27, 0x28} // red, dashed: the text says there is no such duty
	ColorInForce  = Color{0x1F, 0x4E, 0x99} // dark blue: a duty owed
	ColorDemanded = Color{0xFF, 0x7F, 0x0E} // orange: a duty one party demands
	ColorDisputed = Color{0x94, 0x67, 0xBD} // purple: a duty in dispute
)

// Style is how a kind of node is drawn. Shape is a Graphviz shape name; formats without
// Graphviz shapes map it to the nearest they have.
type Style struct {
	Color Color
	Shape string
}

// NodeKinds lists the node kinds in the order a legend shows them.
var NodeKinds = []string{
	graph.KindParty, graph.KindAgreement, graph.KindEvent,
	graph.KindObligation, graph.KindClaim, graph.KindCounterclaim,
}

// NodeStyle returns the look of a node of the given kind.
func NodeStyle(kind string) Style {
	switch kind {
	case graph.KindParty:
		return Style{ColorParty, "ellipse"}
	case graph.KindAgreement:
		return Style{ColorAgreement, "box"}
	case graph.KindEvent:
		return Style{ColorEvent, "hexagon"}
	case graph.KindObligation:
		return Style{ColorObligation, "component"}
	case graph.KindClaim:
		return Style{ColorClaim, "note"}
	case graph.KindCounterclaim:
		return Style{ColorCounterclaim, "note"}
	}
	return Style{ColorOther, "ellipse"}
}

// EdgeStyle returns the colour of an edge of the given kind (a role, "obligation" or a
// relation type) and, for obligations, status, and whether it is drawn dashed.
func EdgeStyle(kind, status string) (c Color, dashed bool) {
	switch kind {
	case RoleCounters, EdgeCounterclaim:
		return ColorCounters, false
	case RoleSupports:
		return ColorSupports, false
	case EdgeObligation:
		return ObligationColor(status), status == "absent"
	}
	return ColorEdge, false
}

// ObligationColor returns the colour of an obligation of the given status.
func ObligationColor(status string) Color {
	switch status {
	case "absent":
		return ColorAbsent
	case "demanded":
		return ColorDemanded
	case "disputed":
		return ColorDisputed
	}
	return ColorInForce
}

// Hex writes the colour as #RRGGBB.
func (c Color) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }
