package query

import (
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// itemGraph is the Index's items and edge set as an undirected gonum graph (node ids are
// item indexes), read from the adjacency the Index holds rather than copied into one of
// gonum's graphs: at 10,000 articles, a simple.UndirectedGraph of the million edges took
// stats 1.1 s to build. Items for which node is false are not in it, and no edge of the set
// may reach them. Parallel edges and loops are walked as they are; a walk of the graph
// (topo.ConnectedComponents) reaches the same nodes either way.
type itemGraph struct {
	ix    *Index
	node  []bool
	nodes []graph.Node
}

// newItemGraph returns the graph of the items node keeps. The Index's edges must be built.
func newItemGraph(ix *Index, node func(i int) bool) *itemGraph {
	g := &itemGraph{ix: ix, node: make([]bool, len(ix.items))}
	for i := range ix.items {
		if node(i) {
			g.node[i] = true
			g.nodes = append(g.nodes, simple.Node(i))
		}
	}
	return g
}

func (g *itemGraph) has(id int64) bool { return id >= 0 && id < int64(len(g.node)) && g.node[id] }

func (g *itemGraph) Node(id int64) graph.Node {
	if !g.has(id) {
		return nil
	}
	return simple.Node(id)
}

func (g *itemGraph) Nodes() graph.Nodes { return iterator.NewOrderedNodes(g.nodes) }

func (g *itemGraph) From(id int64) graph.Nodes {
	if !g.has(id) {
		return graph.Empty
	}
	return &itemNeighbours{ix: g.ix, out: g.ix.out[id], in: g.ix.in[id], at: -1}
}

func (g *itemGraph) HasEdgeBetween(x, y int64) bool {
	if !g.has(x) || !g.has(y) {
		return false
	}
	for _, k := range g.ix.out[x] {
		if int64(g.ix.ends[k][1]) == y {
			return true
		}
	}
	for _, k := range g.ix.in[x] {
		if int64(g.ix.ends[k][0]) == y {
			return true
		}
	}
	return false
}

func (g *itemGraph) Edge(u, v int64) graph.Edge {
	if !g.HasEdgeBetween(u, v) {
		return nil
	}
	return simple.Edge{F: simple.Node(u), T: simple.Node(v)}
}

func (g *itemGraph) EdgeBetween(x, y int64) graph.Edge { return g.Edge(x, y) }

// itemNeighbours iterates over the other ends of an item's edges, those leaving it, then
// those entering it.
type itemNeighbours struct {
	ix      *Index
	out, in []int32
	at      int
}

func (n *itemNeighbours) Len() int {
	if rest := len(n.out) + len(n.in) - n.at - 1; rest > 0 {
		return rest
	}
	return 0
}

func (n *itemNeighbours) Next() bool {
	if n.at+1 >= len(n.out)+len(n.in) {
		n.at = len(n.out) + len(n.in)
		return false
	}
	n.at++
	return true
}

func (n *itemNeighbours) Node() graph.Node {
	switch {
	case n.at < 0 || n.at >= len(n.out)+len(n.in):
		return nil
	case n.at < len(n.out):
		return simple.Node(n.ix.ends[n.out[n.at]][1])
	default:
		return simple.Node(n.ix.ends[n.in[n.at-len(n.out)]][0])
	}
}

func (n *itemNeighbours) Reset() { n.at = -1 }
