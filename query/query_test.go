package query

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestEdges(t *testing.T) {
	es := Edges(small(t))
	for i := 1; i < len(es); i++ {
		if compareEdges(es[i-1], es[i]) >= 0 {
			t.Fatalf("edges not sorted and unique at %d: %v then %v", i, es[i-1], es[i])
		}
	}
	// A graph whose lists are not sorted by id has the same edge set.
	shuffled := small(t)
	slices.Reverse(shuffled.Parties)
	slices.Reverse(shuffled.Obligations)
	shuffled.Claims, shuffled.Counterclaims = append(shuffled.Claims, shuffled.Counterclaims[1:]...), shuffled.Counterclaims[:1]
	if got := Edges(shuffled); !slices.Equal(got, es) {
		t.Errorf("edges of the graph with its lists out of order:\n%v\nwant\n%v", got, es)
	}
	has := func(e Edge) bool {
		for _, x := range es {
			if x == e {
				return true
			}
		}
		return false
	}
	for _, want := range []Edge{
		{From: "gov-japan", Rel: RelMemberOf, To: "japan"},
		{From: "japan", Rel: RelPartyTo, To: "treaty-1960"},
		{From: "treaty-1960", Rel: RelRevises, To: "treaty-1951"},
		{From: "revision-1960", Rel: RelInvolves, To: "united-states"},
		{From: "us-defend-japan", Rel: RelBearer, To: "united-states"},
		{From: "us-defend-japan", Rel: RelBeneficiary, To: "japan"},
		{From: "us-defend-japan", Rel: RelUnder, To: "treaty-1960"},
		{From: "united-states", Rel: RelOwes, To: "japan", Via: "us-defend-japan", Status: "in-force"},
		{From: "japan", Rel: RelOwes, To: "united-states", Via: "japan-defend-us", Status: "absent"},
		{From: "trump-unfair", Rel: RelBy, To: "donald-trump"},
		{From: "trump-unfair", Rel: RelAbout, To: "treaty-1960"},
		{From: "cc-bases", Rel: RelCounters, To: "trump-unfair"},
		{From: "cycle-b", Rel: RelSupports, To: "trump-unfair"},
		{From: "japan", Rel: "allied-with", To: "united-states"},
	} {
		if !has(want) {
			t.Errorf("edge %+v missing", want)
		}
	}
	// A reference to an unknown id is dropped, not a failure.
	g := small(t)
	g.Relations = append(g.Relations, graph.Relation{From: "japan", Type: "threatens", To: "nowhere"})
	for _, e := range Edges(g) {
		if e.To == "nowhere" {
			t.Errorf("edge to an unknown id kept: %+v", e)
		}
	}
}

// TestEdgesOnDemand checks that the questions that do not walk the graph leave its edge
// set unbuilt (a timeline of 10,000 articles spent a quarter of its time building it), and
// that a walk after them builds it.
func TestEdgesOnDemand(t *testing.T) {
	ix := NewIndex(small(t))
	if _, err := ix.Obligations(ObligationsOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Claims(ClaimsOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Timeline(TimelineOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Contested(ContestedOptions{Min: 1}); err != nil {
		t.Fatal(err)
	}
	ix.Stances()
	if ix.edges != nil || ix.out != nil {
		t.Fatalf("obligations, claims, the timeline, contested and stances built the edge set (%d edges)", len(ix.edges))
	}
	nb, err := ix.Neighbors("japan", NeighborsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Neighbors) == 0 || len(ix.edges) != len(Edges(small(t))) {
		t.Fatalf("neighbours after the other questions: %d, edge set %d of %d", len(nb.Neighbors), len(ix.edges), len(Edges(small(t))))
	}
}

func TestResolve(t *testing.T) {
	ix := NewIndex(small(t))
	tests := []struct {
		ref   string
		kinds []string
		want  string // id, or the error message
	}{
		{"japan", nil, "japan"},
		{"united-states", []string{graph.KindParty}, "united-states"},
		{"United States", nil, "united-states"},
		{"usa", []string{graph.KindParty}, "united-states"},
		{"  donald   TRUMP ", nil, "donald-trump"},
		{"Security Treaty (1960)", nil, "treaty-1960"},
		{"jpan", []string{graph.KindParty}, `no such party "jpan"; did you mean "japan"?`},
		{"trump-unfiar", nil, `no such item "trump-unfiar"; did you mean "trump-unfair"?`},
		{"zzzzzzzz", []string{graph.KindParty}, `no such party "zzzzzzzz"; look for it with: factgraph find zzzzzzzz`},
		{"Japan", []string{graph.KindParty}, `"Japan" matches 2 items; give one of their ids: "gov-japan" (party Government of Japan), "japan" (party Japan)`},
		{"trump-unfair", []string{graph.KindParty}, `"trump-unfair" is a claim, not a party`},
		{"us-defend-japan", []string{graph.KindAgreement}, `"us-defend-japan" is an obligation, not an agreement`},
		{"The treaty is unfair.", nil, `no such item "The treaty is unfair."; look for it with: factgraph find 'The treaty is unfair.'`},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			it, err := ix.Resolve(tt.ref, tt.kinds...)
			got := it.ID
			if err != nil {
				got = err.Error()
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("Resolve(%q) = %q, want %q", tt.ref, got, tt.want)
			}
		})
	}
	var nf *NotFoundError
	if _, err := ix.Resolve("jpan"); !errors.As(err, &nf) || nf.Suggest != "japan" {
		t.Errorf("Resolve(jpan) error = %v, want a NotFoundError suggesting japan", err)
	}
	var amb *AmbiguousError
	if _, err := ix.Resolve("japan ", graph.KindParty); !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("Resolve(\"japan \") error = %v, want an AmbiguousError with 2 candidates", err)
	}
}

func ids[T any](xs []T, id func(T) string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func TestEmptyGraph(t *testing.T) {
	for _, g := range []*graph.Graph{nil, {}} {
		if r, err := Obligations(g, ObligationsOptions{}); err != nil || len(r.Obligations) != 0 {
			t.Errorf("obligations: %v %v", r, err)
		}
		if _, err := Obligations(g, ObligationsOptions{Bearer: "japan"}); err == nil || err.Error() != `bearer: no such party "japan"; look for it with: factgraph find japan` {
			t.Errorf("obligations with a bearer: %v", err)
		}
		if r, err := Claims(g, ClaimsOptions{}); err != nil || len(r.Threads) != 0 {
			t.Errorf("claims: %v %v", r, err)
		}
		if _, err := Neighbors(g, "japan", NeighborsOptions{}); err == nil {
			t.Error("neighbors of an unknown id: no error")
		}
		if _, err := Path(g, "a", "b", PathOptions{}); err == nil {
			t.Error("path between unknown ids: no error")
		}
		if r, err := Timeline(g, TimelineOptions{}); err != nil || len(r.Entries) != 0 || r.Undated != 0 {
			t.Errorf("timeline: %v %v", r, err)
		}
		r, err := Stats(g, StatsOptions{})
		if err != nil || r.Items != 0 || r.ComponentCount != 0 || len(r.Central) != 0 {
			t.Errorf("stats: %+v %v", r, err)
		}
		var buf bytes.Buffer
		if err := r.WriteText(&buf, 80); err != nil {
			t.Error(err)
		}
	}
}
