package query

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestStats(t *testing.T) {
	r, err := Stats(small(t), StatsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Sources: 1, Parties: 6, Agreements: 2, Events: 1, Obligations: 5, Claims: 2, Counterclaims: 4, Relations: 2}); r.Counts != want {
		t.Errorf("counts = %+v, want %+v", r.Counts, want)
	}
	if len(r.PerSource) != 1 || r.PerSource[0].Counts != r.Counts {
		t.Errorf("per source = %+v, want the one source with every count", r.PerSource)
	}
	if r.ObligationsByStatus["in-force"] != 3 || r.ObligationsByStatus["absent"] != 1 {
		t.Errorf("obligations by status = %v", r.ObligationsByStatus)
	}
	// The hermit is alone; the source has no edge and is left out.
	if r.ComponentCount != 2 || r.Components[1].Parties[0] != "hermit" {
		t.Errorf("components = %d (%+v), want 2, the second the hermit", r.ComponentCount, r.Components)
	}
	if got := r.Components[0].Parties; !reflect.DeepEqual(got, []string{"author", "donald-trump", "gov-japan", "japan", "united-states"}) {
		t.Errorf("largest component parties = %q", got)
	}
	if len(r.Central) != 6 || r.Central[0].ID != "japan" || r.Central[0].Betweenness == nil || *r.Central[0].Betweenness <= 0 {
		t.Errorf("central = %+v, want japan first with a betweenness", r.Central)
	}
	for i := 1; i < len(r.Central); i++ {
		a, b := r.Central[i-1], r.Central[i]
		if a.PageRank < b.PageRank || a.PageRank == b.PageRank && a.ID > b.ID {
			t.Errorf("central not ordered by pagerank then id at %d: %+v, %+v", i, a, b)
		}
	}
	// Same input, same bytes, although PageRank starts from a random vector.
	first, _ := json.Marshal(r)
	for range 5 {
		again, _ := Stats(small(t), StatsOptions{})
		b, _ := json.Marshal(again)
		if !bytes.Equal(first, b) {
			t.Fatalf("stats differ between runs:\n%s\n%s", first, b)
		}
	}
	skip, err := Stats(small(t), StatsOptions{Top: 2, BetweennessMax: 5})
	if err != nil {
		t.Fatal(err)
	}
	if skip.BetweennessSkipped == "" || skip.Central[0].Betweenness != nil || len(skip.Central) != 2 {
		t.Errorf("with a limit of 5 items: skipped %q, central %+v", skip.BetweennessSkipped, skip.Central)
	}
}

// The flagship's curator made East Asia a party so that facts could point at the region;
// many claims are about it, but it holds no duty and is party to no treaty. Ranked on the
// alliance graph, the two allies come first and the region after them.
func TestStatsRanksTheAlliance(t *testing.T) {
	g := &graph.Graph{}
	for _, f := range sampleFacts(t) {
		if f.Source.ID == "japan-us-security-treaty-article" {
			g = graph.Merge([]*graph.Facts{f})
		}
	}
	res, err := Stats(g, StatsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rank := map[string]int{}
	for i, c := range res.Central {
		rank[c.ID] = i + 1
	}
	if rank["united-states"] > 2 || rank["japan"] > 2 || rank["east-asia"] <= 2 {
		t.Errorf("ranks: united-states %d, japan %d, east-asia %d; want the allies first", rank["united-states"], rank["japan"], rank["east-asia"])
	}
}
