package exporttest

import (
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/graph"
)

// Fixture is a named graph to write.
type Fixture struct {
	Name string
	G    *export.Graph
}

// Views builds every view of the flagship sample ("flagship-full", ...) and of the shared
// hostile facts ("hostile-full", ...), as the export command would.
func Views(t testing.TB) []Fixture {
	t.Helper()
	var out []Fixture
	sources := []struct {
		name string
		g    *graph.Graph
	}{{"flagship", facttest.Flagship(t)}, {"hostile-facts", facttest.Hostile()}}
	for _, src := range sources {
		for _, v := range export.Views {
			eg, err := export.BuildView(src.g, export.ViewOptions{View: v})
			if err != nil {
				t.Fatalf("%s view of %s: %v", v, src.name, err)
			}
			out = append(out, Fixture{src.name + "-" + v, eg})
		}
	}
	return out
}
