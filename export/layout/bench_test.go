package layout_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/layout"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/synth"
)

// BenchmarkPlace lays out the parties and full views of the first 1 and 3 synthetic
// articles, the small end of the measurements in docs/export.md. Larger corpora take
// minutes a layout: measure them one at a time, not here.
func BenchmarkPlace(b *testing.B) {
	gen := synth.NewGenerator(1)
	for _, n := range []int{1, 3} {
		var facts []*graph.Facts
		for i := 0; i < n; i++ {
			facts = append(facts, gen.Article(i).Facts)
		}
		g := fixture.Ingest(b, facts...)
		for _, view := range []string{export.ViewParties, export.ViewFull} {
			v, err := export.BuildView(g, export.ViewOptions{View: view})
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%d-articles/%s/%d-edges", n, view, len(v.Edges)), func(b *testing.B) {
				for b.Loop() {
					v.Placed, v.Drawing = false, export.Drawing{}
					if err := layout.Place(context.Background(), v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
