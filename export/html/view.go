package html

import (
	"math"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// NewView turns a view built by export.BuildView into what the page draws, laid out
// (Layout) around center when it is one of its nodes. spans are the items' years (Spans)
// and relations are g's relations, whose edges carry their fields.
func NewView(v *export.Graph, spans map[string]Span, relations []graph.Relation, center string) *View {
	rels := make(map[string]graph.Relation, len(relations))
	for _, r := range relations {
		rels[r.Key()] = r
	}
	out := &View{Name: v.View, Nodes: make([]Node, len(v.Nodes)), Edges: make([]Edge, len(v.Edges))}
	for i, n := range v.Nodes {
		out.Nodes[i] = Node{
			ID: n.ID, Label: n.Label, Kind: n.Kind, Type: n.Type, Status: n.Status,
			Color: n.Color.Hex(), Shape: n.Shape, Sources: n.Sources, Span: spans[n.ID],
		}
	}
	for i, e := range v.Edges {
		ed := Edge{
			ID: e.ID, From: e.From, To: e.To, Kind: e.Kind, Label: e.Label, Color: e.Color.Hex(),
			Dashed: e.Dashed, Status: e.Status, Sources: e.Sources,
		}
		switch e.Kind {
		case export.EdgeObligation:
			ed.Item = e.ID
		case export.EdgeClaim, export.EdgeCounterclaim:
			ed.Item = e.Label
		}
		if ed.Item != "" {
			ed.Span = spans[ed.Item]
		} else if r, ok := rels[e.From+"/"+e.Kind+"/"+e.To]; ok && e.Type != "" {
			ed.Span = spans[r.Key()]
			ed.Fields = RelationFields(r)
		}
		out.Edges[i] = ed
	}
	Layout(out, center)
	return out
}

// sizeOf is a node's drawn size: larger for the items more edges meet, and for parties and
// agreements, which the views are about.
func sizeOf(kind string, degree int) float64 {
	s := 4 + 1.6*math.Sqrt(float64(degree))
	if kind == graph.KindParty || kind == graph.KindAgreement {
		s += 2
	}
	return math.Min(s, 22)
}
