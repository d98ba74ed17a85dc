package query

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestEdgesAtMost checks that edgesAtMost counts every edge allEdges finds, so that the
// edges of a hub's neighbourhood are made in one slice: on a graph whose every reference
// is set, one of each kind, the two agree exactly. A new kind of edge counted nowhere
// fails here.
func TestEdgesAtMost(t *testing.T) {
	g := &graph.Graph{
		Parties:     []graph.Party{{ID: "p", MemberOf: []string{"q", "r"}}, {ID: "q"}, {ID: "r"}},
		Agreements:  []graph.Agreement{{ID: "a", Parties: []string{"p", "q"}, Revises: "b"}, {ID: "b", Parties: []string{"r"}, Revises: "a"}},
		Events:      []graph.Event{{ID: "e", Involves: []string{"p", "a"}}},
		Obligations: []graph.Obligation{{ID: "o", Bearer: "p", Beneficiary: "q", Under: "a"}},
		Claims: []graph.Claim{{ID: "c", Kind: graph.KindClaim, By: "p", About: []string{"a", "o"}, Supports: []string{"c2"}},
			{ID: "c2", Kind: graph.KindClaim, By: "q", About: []string{"e"}, Counters: []string{"k"}, Supports: []string{"c"}}},
		Counterclaims: []graph.Claim{{ID: "k", Kind: graph.KindCounterclaim, By: "r", About: []string{"a"}, Counters: []string{"c"}, Supports: []string{"c2"}}},
		Relations:     []graph.Relation{{From: "p", Type: "allied-with", To: "q"}, {From: "q", Type: "trades-with", To: "r"}},
	}
	es := allEdges(g)
	if want := edgesAtMost(g); len(es) != want || cap(es) != want {
		t.Errorf("a graph with every reference set has %d edges (in a slice of %d); edgesAtMost says %d", len(es), cap(es), want)
	}
	// References left empty make no edge, and the bound still holds.
	g.Obligations[0].Under, g.Agreements[0].Revises, g.Claims[0].By = "", "", ""
	es = allEdges(g)
	if want := edgesAtMost(g); len(es) != want-3 || cap(es) != want {
		t.Errorf("with three references empty: %d edges in a slice of %d, want %d in %d", len(es), cap(es), want-3, want)
	}
}
