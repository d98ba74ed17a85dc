package exporttest

import (
	"context"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/export/layout"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
)

// Fixture is a named graph to write.
type Fixture struct {
	Name string
	G    *export.Graph
}

// All is every graph a format's tests write: a sample, hostile strings, an empty graph, and
// every view of the flagship sample and of the shared hostile facts (Views).
func All(t testing.TB) []Fixture {
	t.Helper()
	return append([]Fixture{
		{Name: "sample", G: Sample()},
		{Name: "hostile", G: HostileGraph()},
		{Name: "empty", G: &export.Graph{Name: "empty"}},
	}, Views(t)...)
}

// Views builds every view of the flagship sample ("flagship-full", ...) and of the shared
// hostile facts ("hostile-full", ...), laid out as the export command lays them out.
func Views(t testing.TB) []Fixture {
	t.Helper()
	var out []Fixture
	sources := []struct {
		name string
		g    *graph.Graph
	}{{"flagship", fixture.Flagship(t)}, {"hostile-facts", facttest.Hostile()}}
	for _, src := range sources {
		for _, v := range export.Views {
			eg, err := export.BuildView(src.g, export.ViewOptions{View: v})
			if err != nil {
				t.Fatalf("%s view of %s: %v", v, src.name, err)
			}
			if err := layout.Place(context.Background(), eg); err != nil {
				t.Fatalf("lay out the %s view of %s: %v", v, src.name, err)
			}
			out = append(out, Fixture{src.name + "-" + v, eg})
		}
	}
	return out
}

// Merged is the parties view as a big corpus is exported for Gephi: parallel edges merged
// (ViewOptions.Merge) in the flagship ("flagship-parties-merged", where Japan's three duties
// in force to the United States become one edge of weight 3) and, with every claim an edge,
// in the shared hostile facts, each duty of which is stated twice (the second time with
// " again" after its duty); laid out as the export command lays them out.
func Merged(t testing.TB) []Fixture {
	t.Helper()
	hostile := facttest.Hostile()
	for _, o := range hostile.Obligations {
		o.ID += "-again"
		o.Duty += " again"
		hostile.Obligations = append(hostile.Obligations, o)
	}
	var out []Fixture
	for _, src := range []struct {
		name string
		g    *graph.Graph
		opts export.ViewOptions
	}{
		{"flagship-parties-merged", fixture.Flagship(t), export.ViewOptions{View: export.ViewParties, Merge: true}},
		{"hostile-facts-parties-merged", hostile, export.ViewOptions{View: export.ViewParties, Merge: true, Claims: export.ClaimsAll}},
	} {
		eg, err := export.BuildView(src.g, src.opts)
		if err != nil {
			t.Fatalf("%s: %v", src.name, err)
		}
		if err := layout.Place(context.Background(), eg); err != nil {
			t.Fatalf("lay out %s: %v", src.name, err)
		}
		merged := false
		for _, e := range eg.Edges {
			merged = merged || e.Weight > 1
		}
		if !merged {
			t.Fatalf("%s merges no edge: it tests nothing", src.name)
		}
		out = append(out, Fixture{src.name, eg})
	}
	return out
}
