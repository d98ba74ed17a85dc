package export_test

import (
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
)

// No colour means two things in a picture: across the node kinds, the speaker's box and
// the edge looks a view draws, each colour has one meaning.
func TestNoColourMeansTwoThings(t *testing.T) {
	for _, g := range []struct {
		name  string
		facts *graph.Graph
	}{
		{"sample", facttest.Sample()}, {"flagship", fixture.Flagship(t)},
	} {
		facts := g.facts
		for _, view := range export.Views {
			for _, mode := range export.ClaimModes {
				v, err := export.BuildView(facts, export.ViewOptions{View: view, Claims: mode})
				if err != nil {
					t.Fatal(err)
				}
				meaning := map[export.Color]string{}
				mean := func(c export.Color, m string) {
					if old, ok := meaning[c]; ok && old != m {
						t.Errorf("%s %s view (claims %s): %s means both %q and %q", g.name, view, mode, c.Hex(), old, m)
					}
					meaning[c] = m
				}
				for _, n := range v.Nodes {
					mean(export.NodeStyle(n.Kind).Color, "a node of kind "+n.Kind)
				}
				if len(v.Groups) > 0 {
					mean(export.ColorGroup, "a speaker's box")
				}
				for i := range v.Edges {
					look := export.EdgeLookOf(&v.Edges[i])
					mean(look.Color, look.Meaning)
				}
			}
		}
	}
}
