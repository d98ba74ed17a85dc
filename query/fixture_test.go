package query

import (
	"fmt"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// small is a hand-made graph: a two-party treaty with duties one way, one duty recorded
// as absent, a claim with a counterclaim and a counterclaim of it, two counterclaims
// that rebut each other in a cycle, an isolated party, and dates at every precision.
func small(t testing.TB) *graph.Graph {
	t.Helper()
	d := graph.MustDate
	src := []string{"src"}
	return &graph.Graph{
		Sources: []graph.Source{{ID: "src", Title: "The treaty article", Published: d("2019-07-02")}},
		Parties: []graph.Party{
			{ID: "author", Name: "The article's author", Kind: "person", Sources: src},
			{ID: "donald-trump", Name: "Donald Trump", Kind: "person", Role: "President", Sources: src},
			{ID: "gov-japan", Name: "Government of Japan", Kind: "organization", Aliases: []string{"Japan"}, MemberOf: []string{"japan"}, Sources: src},
			{ID: "japan", Name: "Japan", Kind: "state", Sources: src},
			{ID: "hermit", Name: "Hermit Kingdom", Kind: "state", Sources: src},
			{ID: "united-states", Name: "United States", Kind: "state", Aliases: []string{"US", "USA"}, Sources: src},
		},
		Agreements: []graph.Agreement{
			{ID: "treaty-1951", Name: "Security Treaty (1951)", Kind: "treaty", Parties: []string{"japan", "united-states"}, Signed: d("1951"), Sources: src},
			{ID: "treaty-1960", Name: "Security Treaty (1960)", Kind: "treaty", Parties: []string{"japan", "united-states"}, Signed: d("1960-01-19"), InForce: d("1960-06"), Revises: "treaty-1951", Sources: src},
		},
		Events: []graph.Event{
			{ID: "revision-1960", Name: "The treaty is revised", Date: d("1960"), Involves: []string{"japan", "united-states"}, Sources: src},
		},
		Obligations: []graph.Obligation{
			{ID: "japan-bases", Bearer: "japan", Beneficiary: "united-states", Duty: "host US military bases", Under: "treaty-1960", Sources: src},
			{ID: "japan-defend-us", Bearer: "japan", Beneficiary: "united-states", Duty: "defend the United States", Under: "treaty-1960", Status: "absent", Sources: src},
			{ID: "japan-funds", Bearer: "japan", Beneficiary: "united-states", Duty: "fund the operations of US bases", Status: "in-force", Since: d("1978"), Sources: src},
			{ID: "japan-renegotiate", Bearer: "japan", Beneficiary: "united-states", Duty: "renegotiate the treaty", Status: "demanded", Sources: src},
			{ID: "us-defend-japan", Bearer: "united-states", Beneficiary: "japan", Duty: "defend Japan against an armed attack", Under: "treaty-1960", Condition: "an armed attack on territories under Japanese administration", Status: "in-force", Evidence: graph.Evidence{Quotes: []string{"the US is obligated to protect Japan"}}, Sources: src},
		},
		Claims: []graph.Claim{
			{ID: "trump-free-ride", Kind: graph.KindClaim, By: "donald-trump", Says: "Japan rides free on US protection.", About: []string{"japan"}, Sources: src},
			{ID: "trump-unfair", Kind: graph.KindClaim, By: "donald-trump", Says: "The treaty is unfair.", About: []string{"treaty-1960"}, Date: d("2019-06"), Evidence: graph.Evidence{Quotes: []string{"Trump calls the agreement 'unfair.'"}}, Sources: src},
		},
		Counterclaims: []graph.Claim{
			{ID: "cc-bases", Kind: graph.KindCounterclaim, By: "author", Says: "Japan hosts US bases and funds them.", Counters: []string{"trump-unfair", "trump-free-ride"}, About: []string{"japan"}, Date: d("2019"), Sources: src},
			{ID: "cc-nested", Kind: graph.KindCounterclaim, By: "donald-trump", Says: "Bases are not defence.", Counters: []string{"cc-bases"}, Sources: src},
			{ID: "cycle-a", Kind: graph.KindCounterclaim, By: "author", Says: "A is wrong.", Counters: []string{"cycle-b"}, Sources: src},
			{ID: "cycle-b", Kind: graph.KindCounterclaim, By: "donald-trump", Says: "B is wrong.", Counters: []string{"cycle-a"}, Supports: []string{"trump-unfair"}, Sources: src},
		},
		Relations: []graph.Relation{
			{From: "japan", Type: "allied-with", To: "united-states", Since: d("1951-09-08"), Sources: src},
			{From: "japan", Type: "hosts-forces-of", To: "united-states", Sources: src},
		},
	}
}

var (
	largeOnce  sync.Once
	largeGraph *graph.Graph
)

// large returns a synthetic graph the size of about ten thousand articles: 10,000
// agreements, 20,000 events, 50,000 obligations and 60,000 claims and counterclaims
// among 2,000 parties. It is built once per test binary.
func large(tb testing.TB) *graph.Graph {
	tb.Helper()
	largeOnce.Do(func() { largeGraph = synthetic(10000, 2000) })
	return largeGraph
}

// synthetic builds a graph of n articles over p parties. Every choice is a function of
// the article number, so the graph is the same on every run.
func synthetic(n, p int) *graph.Graph {
	g := &graph.Graph{}
	party := func(i int) string { return fmt.Sprintf("party-%05d", i%p) }
	kinds := []string{"state", "person", "organization"}
	for i := 0; i < p; i++ {
		g.Parties = append(g.Parties, graph.Party{ID: party(i), Name: fmt.Sprintf("Party %d", i), Kind: kinds[i%3]})
	}
	for a := 0; a < n; a++ {
		src := fmt.Sprintf("article-%05d", a)
		ss := []string{src}
		x, y, z := party(a*7+1), party(a*13+2), party(a*31+3)
		if x == y {
			y = party(a*13 + 5)
		}
		year := 1950 + a%75
		g.Sources = append(g.Sources, graph.Source{ID: src, Title: "Article " + src, Published: graph.Date{Year: year, Month: 1 + a%12, Precision: graph.Month}})
		ag := src + "-treaty"
		g.Agreements = append(g.Agreements, graph.Agreement{ID: ag, Name: "Treaty " + src, Kind: "treaty", Parties: []string{x, y}, Signed: graph.Date{Year: year, Precision: graph.Year}, Sources: ss})
		for e := 0; e < 2; e++ {
			g.Events = append(g.Events, graph.Event{ID: fmt.Sprintf("%s-event-%d", src, e), Name: "Event", Date: graph.Date{Year: year, Month: 1 + e, Day: 1 + a%28, Precision: graph.Day}, Involves: []string{x, z}, Sources: ss})
		}
		for o := 0; o < 5; o++ {
			b, c := x, y
			if o%2 == 1 {
				b, c = y, x
			}
			g.Obligations = append(g.Obligations, graph.Obligation{ID: fmt.Sprintf("%s-duty-%d", src, o), Bearer: b, Beneficiary: c, Duty: "a duty", Under: ag, Status: graph.ObligationStatuses[o%4], Sources: ss})
		}
		claim := func(k int) string { return fmt.Sprintf("%s-claim-%d", src, k) }
		for k := 0; k < 3; k++ {
			g.Claims = append(g.Claims, graph.Claim{ID: claim(k), Kind: graph.KindClaim, By: z, Says: "A claim.", About: []string{ag}, Sources: ss})
			g.Counterclaims = append(g.Counterclaims, graph.Claim{ID: fmt.Sprintf("%s-counter-%d", src, k), Kind: graph.KindCounterclaim, By: x, Says: "A counterclaim.", Counters: []string{claim(k)}, Sources: ss})
		}
		g.Relations = append(g.Relations, graph.Relation{From: x, Type: "allied-with", To: z, Sources: ss})
	}
	return g
}
