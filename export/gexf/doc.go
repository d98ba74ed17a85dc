// Package gexf writes an exported graph as GEXF 1.3 (https://gexf.net/schema.html), the
// native format of Gephi.
//
// The graph is directed and dynamic (mode="dynamic", timeformat="date"): each node and edge
// with a date has one spell, spanning its date at the precision it was written (see
// SpellOf), so Gephi's timeline shows the facts in time; an item with no date has no spell.
// Attributes are declared before the nodes, one class for nodes and one for edges, with
// the attribute name as id; every attvalue refers to a declared attribute (graphology-gexf
// fails otherwise). The label is the element's label, an edge's weight its weight; an
// edge drawn dashed has viz:shape "dashed". Colours are viz:color with r, g, b, never hex,
// which NetworkX 2.8 cannot read.
//
// Empty attributes are left out. Text that XML 1.0 cannot carry (control characters other
// than tab, line feed and carriage return) is replaced by U+FFFD; see package xmltext.
//
// Writer is the format itself and knows nothing of factgraph; Write turns an export.Graph
// into Writer calls.
package gexf
