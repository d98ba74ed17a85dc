// Package export turns the graph a store holds into files people open elsewhere: Graphviz
// DOT, Mermaid, GraphML (plain, and with yEd's graphics), GEXF for Gephi, JSON for
// graphology, CSV tables, the argument-mapping formats AIF-JSON and Argdown, and the store's
// own N-Quads. docs/export.md describes them for users.
//
// It works in two steps kept apart. A view (Full, Parties, Arguments, Stances; see
// BuildView) turns the merged read model of a store, a *graph.Graph, into the neutral model
// of this package, a *Graph of Nodes and Edges already in display terms (labels, kinds,
// colours, shapes). A format then writes that model. Every format carries the same
// attribute names for the same things (the Attr* constants), the same colour for the same
// kind (style.go), and writes nodes and edges in the order the view sorted them, so the same
// store gives the same bytes every time. The argument-mapping formats read only the argument
// out of a view (Arguments: statements, speakers, counters and supports).
//
// Formats live in their own packages and register themselves with Register in an init
// function, as image formats do with image.RegisterFormat; a program that wants them all
// imports github.com/factgraph/factgraph/export/all for its side effects.
package export
