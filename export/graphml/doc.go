// Package graphml writes an exported graph as GraphML
// (http://graphml.graphdrawing.org/specification.html), for Gephi, yEd, NetworkX and igraph.
//
// The file is valid against the GraphML 1.0 schema extended the way yEd extends it
// (a yfiles.type attribute on <key>, yEd's elements inside <data>). Every attribute has its
// own <key>, declared separately for nodes and edges with an explicit attr.type. Node key
// ids equal the attribute names ("label", "kind"); edge key ids carry an "edge." prefix,
// since key ids are unique in a document. Keys are never named d0, d1, ...: Gephi reads
// some of those as display properties. Gephi's display names are used: label, r, g, b
// (int) and weight (double). Each node and edge also carries yEd's graphics (a ShapeNode
// with its label and fill colour, a PolyLineEdge with its colour), so yEd shows the same
// labels and colours.
//
// Empty attributes are left out. Text that XML 1.0 cannot carry (control characters other
// than tab, line feed and carriage return) is replaced by U+FFFD; see package xmltext.
// Ids must be XML name tokens, as the schema requires: the ids of the facts format always
// are, and Write fails on any other.
//
// Writer is the format itself and knows nothing of factgraph; Write turns an export.Graph
// into Writer calls.
package graphml
