package export

import "github.com/factgraph/factgraph/graph"

// ArgumentMap is the argument a view holds, in the terms of the argument-mapping formats
// (AIF, Argdown): statements, who asserts each, and which statement counters or supports
// which. The rest of the view (obligations, relations, what a claim is about) has no place
// in those formats and is left out.
type ArgumentMap struct {
	Statements []Statement // in the view's node order
	Relations  []Relation  // in the view's edge order
}

// Statement is one node of the view that states something: a claim or counterclaim, or any
// other node that a counters or supports edge ends at (in the stances view, a party, which
// stands there for its assertions as a whole).
type Statement struct {
	Node *Node
	// Speaker is the party that asserts it: the node at the end of the statement's first
	// "by" edge, else the group the statement is drawn in (made a node), or nil when the
	// view holds neither.
	Speaker *Node
}

// Relation is a counters or supports edge between two statements. From and To index
// ArgumentMap.Statements; Edge.Kind is RoleCounters or RoleSupports.
type Relation struct {
	From, To int
	Edge     *Edge
}

// Arguments reads the argument map out of a view.
func Arguments(g *Graph) *ArgumentMap {
	statement := map[string]bool{}
	for i := range g.Nodes {
		if k := g.Nodes[i].Kind; k == graph.KindClaim || k == graph.KindCounterclaim {
			statement[g.Nodes[i].ID] = true
		}
	}
	for i := range g.Edges {
		if e := &g.Edges[i]; e.Kind == RoleCounters || e.Kind == RoleSupports {
			statement[e.From], statement[e.To] = true, true
		}
	}
	m := &ArgumentMap{}
	at := map[string]int{}
	nodes := map[string]*Node{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		nodes[n.ID] = n
		if statement[n.ID] {
			at[n.ID] = len(m.Statements)
			m.Statements = append(m.Statements, Statement{Node: n})
		}
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		from, okFrom := at[e.From]
		to, okTo := at[e.To]
		switch {
		case !okFrom:
		case e.Kind == RoleBy:
			if s := &m.Statements[from]; s.Speaker == nil && nodes[e.To] != nil && !statement[e.To] {
				s.Speaker = nodes[e.To]
			}
		case (e.Kind == RoleCounters || e.Kind == RoleSupports) && okTo:
			m.Relations = append(m.Relations, Relation{From: from, To: to, Edge: e})
		}
	}
	// Where speakers are groups rather than nodes (the arguments view), the group a
	// statement is drawn in is its speaker.
	groups := map[string]*Group{}
	for i := range g.Groups {
		groups[g.Groups[i].ID] = &g.Groups[i]
	}
	for i := range m.Statements {
		s := &m.Statements[i]
		if s.Speaker != nil || s.Node.Group == "" {
			continue
		}
		if n := nodes[s.Node.Group]; n != nil {
			s.Speaker = n
		} else if gr := groups[s.Node.Group]; gr != nil {
			s.Speaker = &Node{ID: gr.ID, Label: gr.Label, Kind: graph.KindParty}
		}
	}
	return m
}
