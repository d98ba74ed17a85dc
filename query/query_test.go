package query

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and read the diff):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

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

func TestObligations(t *testing.T) {
	g := small(t)
	row := func(r ObligationRow) string { return r.ID }
	tests := []struct {
		name    string
		opts    ObligationsOptions
		want    []string
		balance []Balance
		err     string
	}{
		{name: "all", want: []string{"japan-bases", "japan-funds", "japan-defend-us", "japan-renegotiate", "us-defend-japan"}},
		{name: "between", opts: ObligationsOptions{Between: [2]string{"united-states", "japan"}},
			want: []string{"us-defend-japan", "japan-bases", "japan-funds", "japan-defend-us", "japan-renegotiate"},
			balance: []Balance{
				{Bearer: Ref{"united-states", "United States"}, Beneficiary: Ref{"japan", "Japan"}, InForce: 1, Total: 1},
				{Bearer: Ref{"japan", "Japan"}, Beneficiary: Ref{"united-states", "United States"}, InForce: 2, Absent: 1, Demanded: 1, Total: 4},
			}},
		{name: "between by name", opts: ObligationsOptions{Between: [2]string{"USA", "donald trump"}}, want: []string{},
			balance: []Balance{
				{Bearer: Ref{"united-states", "United States"}, Beneficiary: Ref{"donald-trump", "Donald Trump"}},
				{Bearer: Ref{"donald-trump", "Donald Trump"}, Beneficiary: Ref{"united-states", "United States"}},
			}},
		{name: "bearer", opts: ObligationsOptions{Bearer: "united-states"}, want: []string{"us-defend-japan"}},
		{name: "status", opts: ObligationsOptions{Status: "absent"}, want: []string{"japan-defend-us"}},
		{name: "bearer and status", opts: ObligationsOptions{Bearer: "japan", Status: "in-force"}, want: []string{"japan-bases", "japan-funds"}},
		{name: "unknown bearer", opts: ObligationsOptions{Bearer: "jpan"}, err: `bearer: no such party "jpan"; did you mean "japan"?`},
		{name: "unknown between", opts: ObligationsOptions{Between: [2]string{"united-states", "jpan"}}, err: `no such party "jpan"; did you mean "japan"?`},
		{name: "between one", opts: ObligationsOptions{Between: [2]string{"united-states", ""}}, err: "between needs two parties, got one"},
		{name: "between itself", opts: ObligationsOptions{Between: [2]string{"united-states", "US"}}, err: `between needs two different parties, got "united-states" twice`},
		{name: "bad status", opts: ObligationsOptions{Status: "enforced"}, err: `unknown obligation status "enforced"`},
		{name: "claim as bearer", opts: ObligationsOptions{Bearer: "trump-unfair"}, err: `bearer: "trump-unfair" is a claim, not a party`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Obligations(g, tt.opts)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r.Obligations, row); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("obligations = %q, want %q", got, tt.want)
			}
			if !reflect.DeepEqual(r.Balance, tt.balance) {
				t.Errorf("balance = %+v, want %+v", r.Balance, tt.balance)
			}
		})
	}
}

// tree writes a claims thread compactly: id[child child] with * for a repeat.
func tree(n ClaimNode) string {
	s := n.ID
	if n.Repeat {
		return s + "*"
	}
	if len(n.Counterclaims) > 0 {
		s += "[" + strings.Join(ids(n.Counterclaims, tree), " ") + "]"
	}
	return s
}

func TestClaims(t *testing.T) {
	g := small(t)
	tests := []struct {
		name string
		opts ClaimsOptions
		want []string
		err  string
	}{
		// Dated first (2019-06), then undated by id; the cycle heads a thread of its own.
		{name: "all", want: []string{"trump-unfair[cc-bases[cc-nested]]", "trump-free-ride[cc-bases[cc-nested]]", "cycle-a[cycle-b[cycle-a*]]"}},
		{name: "by the counterclaim's author", opts: ClaimsOptions{By: "author"}, want: []string{"trump-unfair[cc-bases[cc-nested]]", "trump-free-ride[cc-bases[cc-nested]]", "cycle-a[cycle-b[cycle-a*]]"}},
		{name: "about japan", opts: ClaimsOptions{About: "japan"}, want: []string{"trump-unfair[cc-bases[cc-nested]]", "trump-free-ride[cc-bases[cc-nested]]"}},
		{name: "about the treaty by name", opts: ClaimsOptions{About: "security treaty (1960)"}, want: []string{"trump-unfair[cc-bases[cc-nested]]"}},
		{name: "about and by on one item", opts: ClaimsOptions{About: "treaty-1960", By: "author"}, want: []string{}},
		{name: "no match", opts: ClaimsOptions{By: "hermit"}, want: []string{}},
		{name: "unknown", opts: ClaimsOptions{By: "donald-trum"}, err: `by: no such party "donald-trum"; did you mean "donald-trump"? (or look for it with: factgraph find donald-trum)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Claims(g, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r.Threads, tree); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("threads = %q, want %q", got, tt.want)
			}
		})
	}
	// A counterclaim that rebuts itself, and one whose target is missing, still show.
	g.Counterclaims = append(g.Counterclaims,
		graph.Claim{ID: "self", Kind: graph.KindCounterclaim, By: "author", Says: "x", Counters: []string{"self"}},
		graph.Claim{ID: "stray", Kind: graph.KindCounterclaim, By: "author", Says: "x", Counters: []string{"gone"}})
	r, err := Claims(g, ClaimsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"trump-unfair[cc-bases[cc-nested]]", "trump-free-ride[cc-bases[cc-nested]]", "self", "stray", "cycle-a[cycle-b[cycle-a*]]"}
	if got := ids(r.Threads, tree); !reflect.DeepEqual(got, want) {
		t.Errorf("threads = %q, want %q", got, want)
	}
}

func neighborString(n Neighbor) string {
	return n.Link.From + " " + arrow(n.Link) + " " + n.Item.ID
}

func TestNeighbors(t *testing.T) {
	g := small(t)
	tests := []struct {
		name, ref string
		opts      NeighborsOptions
		want      []string
		err       string
	}{
		{name: "trump", ref: "donald-trump", want: []string{
			"donald-trump <-by- cc-nested", "donald-trump <-by- cycle-b", "donald-trump <-by- trump-free-ride", "donald-trump <-by- trump-unfair"}},
		{name: "relation type", ref: "japan", opts: NeighborsOptions{Type: "allied-with"}, want: []string{"japan -allied-with-> united-states"}},
		{name: "item kind", ref: "united-states", opts: NeighborsOptions{Type: "agreement"}, want: []string{"united-states -party-to-> treaty-1951", "united-states -party-to-> treaty-1960"}},
		{name: "depth 2 along counters", ref: "cc-nested", opts: NeighborsOptions{Depth: 2, Type: "counters"}, want: []string{
			"cc-nested -counters-> cc-bases", "cc-bases -counters-> trump-free-ride", "cc-bases -counters-> trump-unfair"}},
		{name: "cycle", ref: "cycle-a", opts: NeighborsOptions{Depth: 5, Type: "counters"}, want: []string{
			"cycle-a -counters-> cycle-b", "cycle-a <-counters- cycle-b"}},
		{name: "isolated", ref: "hermit", want: []string{}},
		{name: "by name", ref: "Hermit Kingdom", want: []string{}},
		{name: "unknown id", ref: "jpan", err: `no such item "jpan"; did you mean "japan"? (or look for it with: factgraph find jpan)`},
		{name: "unknown type", ref: "japan", opts: NeighborsOptions{Type: "alied-with"}, err: `no relation or item kind "alied-with" in the graph; did you mean "allied-with"?`},
		{name: "negative depth", ref: "japan", opts: NeighborsOptions{Depth: -1}, err: "depth -1 is negative; give 1 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Neighbors(g, tt.ref, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r.Neighbors, neighborString); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("neighbors = %q, want %q", got, tt.want)
			}
		})
	}
}

func chainString(c Chain) string {
	var parts []string
	for i, s := range c.Steps {
		if i == 0 {
			parts = append(parts, s.From)
		}
		parts = append(parts, arrow(s), s.To)
	}
	return strings.Join(parts, " ")
}

func TestPath(t *testing.T) {
	g := small(t)
	tests := []struct {
		name, from, to string
		opts           PathOptions
		length         int
		want           []string
		truncated      bool
		err            string
	}{
		{name: "one step", from: "trump-unfair", to: "donald-trump", length: 1, want: []string{"trump-unfair -by-> donald-trump"}},
		{name: "all", from: "author", to: "treaty-1960", opts: PathOptions{All: true}, length: 3, want: []string{
			"author <-by- cc-bases -about-> japan -party-to-> treaty-1960",
			"author <-by- cc-bases -counters-> trump-unfair -about-> treaty-1960",
		}},
		{name: "all capped", from: "author", to: "treaty-1960", opts: PathOptions{All: true, Max: 1}, length: 3, truncated: true, want: []string{
			"author <-by- cc-bases -about-> japan -party-to-> treaty-1960",
		}},
		{name: "itself", from: "japan", to: "japan", want: []string{""}},
		{name: "no path", from: "hermit", to: "japan", want: []string{}},
		{name: "unknown", from: "hermit", to: "united-state", err: `no such item "united-state"; did you mean "united-states"? (or look for it with: factgraph find united-state)`},
		{name: "negative max", from: "hermit", to: "japan", opts: PathOptions{All: true, Max: -2}, err: "max -2 is negative; give 1 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Path(g, tt.from, tt.to, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == nil {
				return
			}
			if got := ids(r.Chains, chainString); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("chains = %q, want %q", got, tt.want)
			}
			if r.Length != tt.length || r.Truncated != tt.truncated {
				t.Errorf("length %d truncated %v, want %d %v", r.Length, r.Truncated, tt.length, tt.truncated)
			}
		})
	}
}

func entryString(e Entry) string { return e.Date + " " + e.What + " " + e.Item.ID }

func TestTimeline(t *testing.T) {
	g := small(t)
	tests := []struct {
		name    string
		opts    TimelineOptions
		want    []string
		undated int
		err     string
	}{
		{name: "all", undated: 9, want: []string{
			"1951 signed treaty-1951",
			"1951-09-08 since japan allied-with united-states",
			"1960 happened revision-1960", // the year sorts before the days within it
			"1960-01-19 signed treaty-1960",
			"1960-06 in-force treaty-1960",
			"1978 since japan-funds",
			"2019 asserted cc-bases",
			"2019-06 asserted trump-unfair",
			"2019-07-02 published src",
		}},
		{name: "from a month keeps the year around it", opts: TimelineOptions{From: "1960-03", To: "1960-12-31"}, undated: 9, want: []string{
			"1960 happened revision-1960",
			"1960-06 in-force treaty-1960",
		}},
		{name: "to a year", opts: TimelineOptions{To: "1951"}, undated: 9, want: []string{
			"1951 signed treaty-1951",
			"1951-09-08 since japan allied-with united-states",
		}},
		{name: "bad date", opts: TimelineOptions{From: "1960-13"}, err: `from: date "1960-13" is not on the calendar: month 13`},
		{name: "reversed", opts: TimelineOptions{From: "2000", To: "1999-12"}, err: `from "2000" is after to "1999-12"; swap them`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Timeline(g, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r.Entries, entryString); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("entries = %q, want %q", got, tt.want)
			}
			if r.Undated != tt.undated {
				t.Errorf("undated = %d, want %d", r.Undated, tt.undated)
			}
		})
	}
}

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

// TestNeighborsLimit checks that a limited list is the start of the full one, counts what it
// leaves out at the depth where it stops, and says so.
func TestNeighborsLimit(t *testing.T) {
	ix := NewIndex(synthetic(40, 12))
	var start string
	for _, it := range ix.items {
		if it.Kind == graph.KindParty {
			start = it.ID
			break
		}
	}
	full, err := ix.Neighbors(start, NeighborsOptions{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	perDepth := map[int]int{}
	for _, n := range full.Neighbors {
		perDepth[n.Depth]++
	}
	if perDepth[1] < 2 || perDepth[2] < 2 {
		t.Fatalf("want links at depths 1 and 2 from %q, got %v", start, perDepth)
	}
	for _, limit := range []int{1, perDepth[1], perDepth[1] + 1, len(full.Neighbors), len(full.Neighbors) + 1} {
		got, err := ix.Neighbors(start, NeighborsOptions{Depth: 3, Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		n := min(limit, len(full.Neighbors))
		if !reflect.DeepEqual(got.Neighbors, full.Neighbors[:n]) {
			t.Fatalf("limit %d: not the first %d links of the full list", limit, n)
		}
		if got.Truncated != (limit < len(full.Neighbors)) {
			t.Fatalf("limit %d: truncated %v, with %d links in all", limit, got.Truncated, len(full.Neighbors))
		}
		if !got.Truncated {
			continue
		}
		d := full.Neighbors[n].Depth
		listed := 0
		for _, x := range got.Neighbors {
			if x.Depth == d {
				listed++
			}
		}
		if got.OmittedDepth != d || got.Omitted != perDepth[d]-listed {
			t.Fatalf("limit %d: omitted %d at depth %d, want %d at depth %d", limit, got.Omitted, got.OmittedDepth, perDepth[d]-listed, d)
		}
		var b strings.Builder
		if err := got.WriteText(&b, 100); err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%d more links at depth %d not listed", got.Omitted, d)
		if got.Omitted == 1 {
			want = fmt.Sprintf("1 more link at depth %d not listed", d)
		}
		if !strings.Contains(b.String(), want) {
			t.Fatalf("limit %d: text does not say %q:\n%s", limit, want, b.String())
		}
	}
	if _, err := ix.Neighbors(start, NeighborsOptions{Limit: -1}); err == nil {
		t.Fatal("a negative limit is accepted")
	}
}

// TestClaimsLimit checks that a limited list of threads is the start of the full one,
// counts what it leaves out, and says so.
func TestClaimsLimit(t *testing.T) {
	ix := NewIndex(synthetic(40, 12))
	full, err := ix.Claims(ClaimsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Threads) < 3 {
		t.Fatalf("only %d threads", len(full.Threads))
	}
	for _, limit := range []int{1, 2, len(full.Threads) - 1, len(full.Threads), len(full.Threads) + 1} {
		got, err := ix.Claims(ClaimsOptions{Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		n := min(limit, len(full.Threads))
		if !reflect.DeepEqual(got.Threads, full.Threads[:n]) {
			t.Fatalf("limit %d: not the first %d threads of the full list", limit, n)
		}
		if got.Truncated != (limit < len(full.Threads)) || got.Omitted != len(full.Threads)-n {
			t.Fatalf("limit %d: truncated %v, omitted %d, with %d threads in all", limit, got.Truncated, got.Omitted, len(full.Threads))
		}
		var b strings.Builder
		if err := got.WriteText(&b, 100); err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%d more threads not listed (raise --limit, or --limit 0 for all)", got.Omitted)
		if got.Omitted == 1 {
			want = "1 more thread not listed"
		}
		if strings.Contains(b.String(), "not listed") != got.Truncated || got.Truncated && !strings.Contains(b.String(), want) {
			t.Fatalf("limit %d: text does not say %q:\n%s", limit, want, b.String())
		}
	}
	if _, err := ix.Claims(ClaimsOptions{Limit: -1}); err == nil {
		t.Fatal("a negative limit is accepted")
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
