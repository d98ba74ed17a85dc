package facttest

import (
	"fmt"

	"github.com/factgraph/factgraph/export"
)

// Large is a synthetic export graph of n party nodes and 2n edges, for benchmarks.
func Large(n int) *export.Graph {
	g := &export.Graph{Name: "large", View: export.ViewFull}
	st := export.NodeStyle("party")
	for i := range n {
		g.Nodes = append(g.Nodes, export.Node{ID: fmt.Sprintf("p-%07d", i), Label: fmt.Sprintf("Party \"%d\" & co", i), Kind: "party", Type: "state",
			Sources: []string{"s"}, Quotes: []string{"a quote"}, Color: st.Color, Shape: st.Shape})
	}
	for i := range 2 * n {
		from, to := fmt.Sprintf("p-%07d", i%n), fmt.Sprintf("p-%07d", (i*7+1)%n)
		g.Edges = append(g.Edges, export.Edge{ID: fmt.Sprintf("e%d", i), From: from, To: to, Label: "allied-with", Kind: "allied-with", Color: export.ColorEdge, Dashed: i%5 == 0})
	}
	return g
}
