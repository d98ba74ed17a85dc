package export

import (
	"fmt"
	"slices"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
	"github.com/factgraph/factgraph/query"
)

// focus keeps the nodes within depth steps of the item ref names, following edges either
// way, and the edges between them. ref is an id, or a name or alias of one item of from,
// the graph the view was built from, as the queries read it (query.ResolveIn). When ref is
// a group (a speaker in the arguments view), its nodes are the start.
func focus(g *Graph, from *graph.Graph, ref string, depth int) error {
	inView := func(id string) bool {
		return slices.ContainsFunc(g.Nodes, func(n Node) bool { return n.ID == id || n.Group == id })
	}
	id := ref
	if !inView(ref) {
		it, err := query.ResolveIn(from, ref)
		if err != nil {
			return fmt.Errorf("focus: %w", err)
		}
		id = it.ID
	}
	if !inView(id) {
		return fmt.Errorf("focus %q is not a node of the %s view; pick another view, or an item it shows", id, g.View)
	}
	adj := map[string][]string{}
	for _, e := range g.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	keep := map[string]bool{}
	var frontier []string
	for _, n := range g.Nodes {
		if n.ID == id || n.Group == id {
			keep[n.ID] = true
			frontier = append(frontier, n.ID)
		}
	}
	for step := 0; len(frontier) > 0 && (depth < 0 || step < depth); step++ {
		var next []string
		for _, n := range frontier {
			for _, m := range adj[n] {
				if !keep[m] {
					keep[m] = true
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	nodes := g.Nodes[:0]
	for _, n := range g.Nodes {
		if keep[n.ID] {
			nodes = append(nodes, n)
		}
	}
	g.Nodes = nodes
	edges := g.Edges[:0]
	for _, e := range g.Edges {
		if keep[e.From] && keep[e.To] {
			edges = append(edges, e)
		}
	}
	g.Edges = edges
	groups := g.Groups[:0]
	for _, gr := range g.Groups {
		if slices.ContainsFunc(g.Nodes, func(n Node) bool { return n.Group == gr.ID }) {
			groups = append(groups, gr)
		}
	}
	g.Groups = groups
	return nil
}

// onlySource keeps the items the source states.
func onlySource(g *graph.Graph, src string) (*graph.Graph, error) {
	known := false
	out := &graph.Graph{}
	for _, s := range g.Sources {
		if s.ID == src {
			known = true
			out.Sources = append(out.Sources, s)
		}
	}
	if !known {
		ids := make([]string, len(g.Sources))
		for i, s := range g.Sources {
			ids[i] = s.ID
		}
		if near, ok := suggest.Closest(src, ids); ok {
			return nil, fmt.Errorf("source %q is not in the store; did you mean %q?", src, near)
		}
		return nil, fmt.Errorf("source %q is not in the store; run \"factgraph sources\" to list the sources", src)
	}
	out.Parties = keepBy(g.Parties, src, func(p graph.Party) []string { return p.Sources })
	out.Agreements = keepBy(g.Agreements, src, func(a graph.Agreement) []string { return a.Sources })
	out.Events = keepBy(g.Events, src, func(e graph.Event) []string { return e.Sources })
	out.Obligations = keepBy(g.Obligations, src, func(o graph.Obligation) []string { return o.Sources })
	out.Claims = keepBy(g.Claims, src, func(c graph.Claim) []string { return c.Sources })
	out.Counterclaims = keepBy(g.Counterclaims, src, func(c graph.Claim) []string { return c.Sources })
	out.Relations = keepBy(g.Relations, src, func(r graph.Relation) []string { return r.Sources })
	return out, nil
}

func keepBy[T any](items []T, src string, sources func(T) []string) []T {
	var out []T
	for _, it := range items {
		for _, s := range sources(it) {
			if s == src {
				out = append(out, it)
				break
			}
		}
	}
	return out
}
