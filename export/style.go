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

	ColorEdge     = Color{0x55, 0x55, 0x55} // roles and relations, named on the line
	ColorAbout    = Color{0xBB, 0xBB, 0xBB} // light grey: what an item is about
	ColorCounters = Color{0xD6, 0x27, 0x28} // red: rebuts
	ColorSupports = Color{0x2C, 0xA0, 0x2C} // green: backs up
	ColorClaims   = Color{0x17, 0x80, 0x8A} // dark teal: a speaker's claims about an item
	ColorAbsent   = Color{0x8C, 0x56, 0x4B} // brown, dashed: the text says there is no such duty
	ColorInForce  = Color{0x1F, 0x4E, 0x99} // dark blue: a duty owed
	ColorDemanded = Color{0xFF, 0x7F, 0x0E} // orange: a duty one party demands
	ColorDisputed = Color{0x94, 0x67, 0xBD} // purple: a duty in dispute
	ColorGroup    = Color{0x77, 0x77, 0x77} // the frame of a speaker's claims
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
		return Style{ColorClaim, "box"}
	case graph.KindCounterclaim:
		return Style{ColorCounterclaim, "box"}
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
	case RoleAbout:
		return ColorAbout, false
	case EdgeClaim:
		return ColorClaims, false
	case EdgeObligation:
		return ObligationColor(status), status == "absent"
	}
	return ColorEdge, false
}

// EdgeLook is how a drawing draws an edge, and what a legend says that look means.
type EdgeLook struct {
	Color  Color
	Dashed bool
	Width  float64 // line width in points
	// Named says that the line carries its label; otherwise the legend alone explains it.
	Named bool
	// Meaning is the legend's text for the look, at most MaxLine characters a line.
	Meaning string
}

// EdgeLookOf returns the look of e, from its kind and status. Every look has one colour and
// style, and no two meanings share a colour.
func EdgeLookOf(e *Edge) EdgeLook {
	c, dashed := EdgeStyle(e.Kind, e.Status)
	switch e.Kind {
	case RoleCounters:
		return EdgeLook{c, dashed, 1.5, false, "counters (rebuts)"}
	case RoleSupports:
		return EdgeLook{c, dashed, 1.5, false, "supports (backs up)"}
	case RoleAbout:
		return EdgeLook{c, dashed, 1, false, "is about"}
	case EdgeClaim:
		return EdgeLook{c, dashed, 1, true, "a speaker's claims about it"}
	case EdgeCounterclaim:
		return EdgeLook{c, dashed, 1, true, "counterclaims against\nthe speaker's claims"}
	case EdgeObligation:
		return EdgeLook{c, dashed, 2, true, DutyMeaning(e.Status)}
	}
	return EdgeLook{c, dashed, 1, true, "a relation or role,\nnamed on the line"}
}

// DutyMeaning is what the look of a duty of the given status means, for legends.
func DutyMeaning(status string) string {
	switch status {
	case "absent":
		return "duty the text says\ndoes not exist"
	case "demanded":
		return "duty demanded,\nnot agreed"
	case "disputed":
		return "duty in dispute"
	}
	return "duty in force,\nbearer to beneficiary"
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
