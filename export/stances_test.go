package export_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/query"
)

// stanceFacts is a small argument with known stances: b rebuts one of a's assertions twice
// and another once, c backs a up and rebuts b, a backs itself up, and assertions that name
// themselves or an assertion the graph does not hold count for nothing.
func stanceFacts() *graph.Graph {
	claim := func(id, by string, src string) graph.Claim {
		return graph.Claim{ID: id, Kind: graph.KindClaim, By: by, Says: "says " + id, Sources: []string{src}}
	}
	counter := func(id, by, src string, counters ...string) graph.Claim {
		c := claim(id, by, src)
		c.Kind, c.Counters = graph.KindCounterclaim, counters
		return c
	}
	a3 := claim("a3", "a", "s1")
	a3.Supports = []string{"a1", "a3", "gone"}
	c1 := claim("c1", "c", "s2")
	c1.Supports = []string{"a1", "a2"}
	return &graph.Graph{
		Parties: []graph.Party{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "quiet", Name: "Quiet"}},
		Claims:  []graph.Claim{claim("a1", "a", "s1"), claim("a2", "a", "s1"), a3, c1},
		Counterclaims: []graph.Claim{
			counter("b1", "b", "s1", "a1"),
			counter("b2", "b", "s2", "a1", "a2", "b2"),
			counter("c2", "c", "s2", "b1", "gone"),
		},
	}
}

func TestStancesView(t *testing.T) {
	g, err := export.BuildView(stanceFacts(), export.ViewOptions{View: export.ViewStances})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := nodeIDs(g), []string{"a", "b", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("nodes = %q, want %q (the parties who assert something)", got, want)
	}
	type edge struct {
		id, label  string
		weight     float64
		assertions string
		sources    []string
		color      export.Color
	}
	var got []edge
	for _, e := range g.Edges {
		var as string
		for _, x := range e.Extra {
			if x.Name == export.ExtraAssertions {
				as = x.Value
			}
		}
		got = append(got, edge{e.ID, e.Label, e.Weight, as, e.Sources, e.Color})
	}
	want := []edge{
		{"a:supports:a", "supports 1", 1, "a1", []string{"s1"}, export.ColorSupports},
		{"b:counters:a", "counters 2", 2, "a1\na2", []string{"s1", "s2"}, export.ColorCounters},
		{"c:supports:a", "supports 2", 2, "a1\na2", []string{"s2"}, export.ColorSupports},
		{"c:counters:b", "counters 1", 1, "b1", []string{"s2"}, export.ColorCounters},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("edges:\n got %+v\nwant %+v", got, want)
	}
	for _, e := range g.Edges {
		if e.Kind != export.RoleCounters && e.Kind != export.RoleSupports {
			t.Errorf("edge %q has kind %q, want counters or supports", e.ID, e.Kind)
		}
	}
}

// The stances view draws what "factgraph query stances" counts: the same parties, and an
// edge for every count that is not 0, with that count as its weight.
func TestStancesViewMatchesQuery(t *testing.T) {
	for name, g := range map[string]*graph.Graph{"flagship": fixture.Flagship(t), "small": stanceFacts(), "sample": facttest.Sample()} {
		t.Run(name, func(t *testing.T) {
			v, err := export.BuildView(g, export.ViewOptions{View: export.ViewStances})
			if err != nil {
				t.Fatal(err)
			}
			q := query.Stances(g)
			var parties []string
			for _, p := range q.Parties {
				parties = append(parties, p.ID)
			}
			if got := nodeIDs(v); !reflect.DeepEqual(got, parties) {
				t.Errorf("view nodes %q, query parties %q", got, parties)
			}
			want := map[string]float64{}
			for _, s := range q.Stances {
				if s.Counters > 0 {
					want[s.By.ID+" -counters-> "+s.Of.ID] = float64(s.Counters)
				}
				if s.Supports > 0 {
					want[s.By.ID+" -supports-> "+s.Of.ID] = float64(s.Supports)
				}
			}
			got := map[string]float64{}
			for _, e := range v.Edges {
				got[e.From+" -"+e.Kind+"-> "+e.To] = e.Weight
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("view edges %v\nquery counts %v", got, want)
			}
			if len(want) == 0 {
				t.Error("no stances: the comparison proves nothing")
			}
			if !sort.SliceIsSorted(v.Nodes, func(i, j int) bool { return v.Nodes[i].ID < v.Nodes[j].ID }) {
				t.Error("nodes not sorted")
			}
		})
	}
}
