package export

import "github.com/factgraph/factgraph/graph"

// Sizes returns what sizes says of the view of g and how many nodes and edges building that
// view adds, before edges are joined or dropped.
func Sizes(g *graph.Graph, view string) (nodes, edges, built, queued int) {
	nodes, edges = sizes(g, view)
	b := &builder{index: map[string]int{}}
	b.build(g, view)
	return nodes, edges, len(b.nodes), len(b.pending)
}
