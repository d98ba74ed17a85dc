package export_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/graph"
)

func edgeKeys(g *export.Graph) []string {
	var out []string
	for _, e := range g.Edges {
		out = append(out, e.From+" -"+e.Kind+"-> "+e.To)
	}
	return out
}

func nodeIDs(g *export.Graph) []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.ID)
	}
	return out
}

func TestViews(t *testing.T) {
	for _, tc := range []struct {
		name      string
		opts      export.ViewOptions
		nodes     []string
		wantEdges []string // must be present
		noEdges   []string // must be absent
	}{
		{
			name:  "full",
			opts:  export.ViewOptions{},
			nodes: []string{"bases-are-the-deal", "bases-serve-us", "japan", "japan-defends-us", "japan-hosts-bases", "japan-pays-more", "quad", "security-treaty-1951", "security-treaty-1960", "signing-1960", "treaty-unfair", "trump", "united-states", "us-defends-japan"},
			wantEdges: []string{
				"us-defends-japan -bearer-> united-states", "us-defends-japan -beneficiary-> japan",
				"us-defends-japan -under-> security-treaty-1960", "treaty-unfair -by-> trump",
				"treaty-unfair -about-> japan-defends-us", "bases-are-the-deal -counters-> treaty-unfair",
				"bases-serve-us -supports-> bases-are-the-deal", "japan -party-to-> security-treaty-1960",
				"united-states -member-of-> quad", "security-treaty-1960 -revises-> security-treaty-1951",
				"signing-1960 -involves-> japan", "japan -allied-with-> united-states",
				"japan -hosts-forces-of-> united-states",
			},
		},
		{
			name:  "parties",
			opts:  export.ViewOptions{View: export.ViewParties},
			nodes: []string{"japan", "quad", "security-treaty-1951", "security-treaty-1960", "trump", "united-states"},
			wantEdges: []string{
				"united-states -obligation-> japan", "japan -obligation-> united-states",
				"trump -claim-> security-treaty-1960", "japan -counterclaim-> trump",
				"united-states -counterclaim-> trump", "japan -allied-with-> united-states",
				"japan -party-to-> security-treaty-1960",
			},
			noEdges: []string{"signing-1960 -involves-> japan"},
		},
		{
			name:      "parties without claims",
			opts:      export.ViewOptions{View: export.ViewParties, Claims: export.ClaimsNone},
			nodes:     []string{"japan", "quad", "security-treaty-1951", "security-treaty-1960", "trump", "united-states"},
			wantEdges: []string{"united-states -obligation-> japan", "japan -allied-with-> united-states"},
			noEdges:   []string{"trump -claim-> security-treaty-1960", "japan -counterclaim-> trump"},
		},
		{
			name:      "parties with every claim",
			opts:      export.ViewOptions{View: export.ViewParties, Claims: export.ClaimsAll},
			nodes:     []string{"japan", "quad", "security-treaty-1951", "security-treaty-1960", "trump", "united-states"},
			wantEdges: []string{"trump -claim-> security-treaty-1960", "japan -counterclaim-> trump", "united-states -counterclaim-> trump"},
		},
		{
			// Speakers are groups, not nodes: no by edges.
			name:      "arguments",
			opts:      export.ViewOptions{View: export.ViewArguments},
			nodes:     []string{"bases-are-the-deal", "bases-serve-us", "treaty-unfair"},
			wantEdges: []string{"bases-are-the-deal -counters-> treaty-unfair", "bases-serve-us -supports-> bases-are-the-deal"},
			noEdges:   []string{"japan -allied-with-> united-states", "treaty-unfair -by-> trump"},
		},
		{
			name:      "focus on a speaker",
			opts:      export.ViewOptions{View: export.ViewArguments, Focus: "trump", Depth: 0},
			nodes:     []string{"treaty-unfair"},
			wantEdges: nil,
		},
		{
			name:      "stances",
			opts:      export.ViewOptions{View: export.ViewStances},
			nodes:     []string{"japan", "trump", "united-states"},
			wantEdges: []string{"japan -counters-> trump", "united-states -counters-> trump", "united-states -supports-> japan"},
			noEdges:   []string{"trump -counters-> japan", "japan -allied-with-> united-states"},
		},
		{
			name:      "focus depth 1",
			opts:      export.ViewOptions{View: export.ViewArguments, Focus: "bases-are-the-deal", Depth: 1},
			nodes:     []string{"bases-are-the-deal", "bases-serve-us", "treaty-unfair"},
			wantEdges: []string{"bases-are-the-deal -counters-> treaty-unfair"},
		},
		{
			name:  "focus depth 0",
			opts:  export.ViewOptions{Focus: "quad", Depth: 0},
			nodes: []string{"quad"},
		},
		{
			name:      "source",
			opts:      export.ViewOptions{View: export.ViewArguments, Source: "treaty-article", Focus: "bases-serve-us", Depth: 1},
			nodes:     []string{"bases-are-the-deal", "bases-serve-us", "treaty-unfair"},
			wantEdges: []string{"bases-serve-us -supports-> bases-are-the-deal"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := export.BuildView(facttest.Sample(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := nodeIDs(g); !reflect.DeepEqual(got, tc.nodes) {
				t.Errorf("nodes = %q\nwant %q", got, tc.nodes)
			}
			have := map[string]bool{}
			for _, k := range edgeKeys(g) {
				have[k] = true
			}
			for _, k := range tc.wantEdges {
				if !have[k] {
					t.Errorf("missing edge %q; have %q", k, edgeKeys(g))
				}
			}
			for _, k := range tc.noEdges {
				if have[k] {
					t.Errorf("unexpected edge %q", k)
				}
			}
			if !sort.SliceIsSorted(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID }) {
				t.Error("nodes not sorted by id")
			}
			ids := map[string]bool{}
			for _, e := range g.Edges {
				if ids[e.ID] {
					t.Errorf("edge id %q twice", e.ID)
				}
				ids[e.ID] = true
			}
		})
	}
}

func TestViewStyles(t *testing.T) {
	g, err := export.BuildView(facttest.Sample(), export.ViewOptions{View: export.ViewParties})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		switch {
		case e.ID == "japan-defends-us":
			if !e.Dashed || e.Color != export.ColorAbsent || e.Status != "absent" || e.Label != "defend the United States" {
				t.Errorf("absent obligation edge = %+v; want dashed brown with its duty", e)
			}
		case e.Kind == export.EdgeObligation:
			if e.Dashed {
				t.Errorf("obligation %q (%s) dashed", e.ID, e.Status)
			}
		}
	}
	for _, n := range g.Nodes {
		if want := export.NodeStyle(n.Kind); n.Color != want.Color || n.Shape != want.Shape {
			t.Errorf("node %q style = %v %q; want %v %q", n.ID, n.Color, n.Shape, want.Color, want.Shape)
		}
	}
}

func TestViewErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts export.ViewOptions
		want string
	}{
		{"unknown view", export.ViewOptions{View: "everything"}, `unknown view "everything"; use one of: full, parties, arguments, stances`},
		{"unknown focus", export.ViewOptions{Focus: "mars"}, `focus: no such item "mars"`},
		{"mistyped focus", export.ViewOptions{Focus: "japn"}, `focus: no such item "japn"; did you mean "japan"?`},
		{"focus not in the view", export.ViewOptions{View: export.ViewParties, Focus: "japan-pays-more"}, `focus "japan-pays-more" is not a node of the parties view`},
		{"mistyped view", export.ViewOptions{View: "argument"}, `unknown view "argument"; did you mean "arguments"?`},
		{"unknown source", export.ViewOptions{Source: "other"}, `source "other" is not in the store; run "factgraph sources" to list the sources`},
		{"mistyped source", export.ViewOptions{Source: "treaty-articel"}, `source "treaty-articel" is not in the store; did you mean "treaty-article"?`},
		{"unknown claims mode", export.ViewOptions{View: export.ViewParties, Claims: "some"}, `unknown claims mode "some"; use one of: summary, none, all`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := export.BuildView(facttest.Sample(), tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v; want %q", err, tc.want)
			}
		})
	}
}

// TestViewFocusByName: --focus takes a name or alias of one item, as the queries do.
func TestViewFocusByName(t *testing.T) {
	byID, err := export.BuildView(facttest.Sample(), export.ViewOptions{Focus: "united-states", Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"USA", "united states", "United States"} {
		g, err := export.BuildView(facttest.Sample(), export.ViewOptions{Focus: ref, Depth: 1})
		if err != nil {
			t.Fatalf("%q: %v", ref, err)
		}
		if len(g.Nodes) != len(byID.Nodes) || len(g.Edges) != len(byID.Edges) || len(g.Nodes) < 3 {
			t.Errorf("%q: %d nodes, %d edges; by id %d and %d", ref, len(g.Nodes), len(g.Edges), len(byID.Nodes), len(byID.Edges))
		}
	}
}

func TestViewJoinsRepeatedEdges(t *testing.T) {
	g := &graph.Graph{
		Parties: []graph.Party{{ID: "b"}, {ID: "a"}},
		Relations: []graph.Relation{
			{From: "a", Type: "allied-with", To: "b", Sources: []string{"s1"}, Evidence: graph.Evidence{Quotes: []string{"q1"}}},
			{From: "a", Type: "allied-with", To: "gone", Sources: []string{"s1"}},
			{From: "b", Type: "allied-with", To: "a", Sources: []string{"s2"}},
			{From: "a", Type: "allied-with", To: "b", Sources: []string{"s2"}, Evidence: graph.Evidence{Quotes: []string{"q2"}}},
		},
	}
	v, err := export.BuildView(g, export.ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := nodeIDs(v), []string{"a", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("nodes = %q, want %q", got, want)
	}
	if got, want := edgeKeys(v), []string{"a -allied-with-> b", "b -allied-with-> a"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("edges = %q, want %q", got, want)
	}
	e := v.Edges[0]
	if want := []string{"s1", "s2"}; !reflect.DeepEqual(e.Sources, want) {
		t.Errorf("sources of the repeated edge = %q, want %q", e.Sources, want)
	}
	if want := []string{"q1", "q2"}; !reflect.DeepEqual(e.Quotes, want) {
		t.Errorf("quotes of the repeated edge = %q, want %q", e.Quotes, want)
	}
}

// The sizes a view is allocated at must cover every node and edge it adds, or its slices
// grow by copying, which they are allocated at once to avoid.
func TestViewSizesCoverTheView(t *testing.T) {
	g := facttest.Sample()
	for _, view := range export.Views {
		t.Run(view, func(t *testing.T) {
			nodes, edges, built, queued := export.Sizes(g, view)
			if built == 0 || queued == 0 {
				t.Fatalf("the %s view of the sample has %d nodes and %d edges; the test needs some", view, built, queued)
			}
			if built > nodes {
				t.Errorf("allocated for %d nodes, the view adds %d", nodes, built)
			}
			if queued > edges {
				t.Errorf("allocated for %d edges, the view adds %d", edges, queued)
			}
		})
	}
}

// TestSortEdges checks SortEdges against a sort of the edges themselves, on edges that
// share their ends and kinds in every combination, in several shuffles.
func TestSortEdges(t *testing.T) {
	var es []export.Edge
	for i := 0; i < 300; i++ {
		es = append(es, export.Edge{
			ID:    fmt.Sprintf("e%03d", (i*37)%300),
			From:  string(rune('a' + i%3)),
			To:    string(rune('a' + i%5)),
			Kind:  []string{"bearer", "beneficiary", "under", "counters"}[i%4],
			Label: fmt.Sprint(i),
		})
	}
	want := slices.Clone(es)
	sort.SliceStable(want, func(i, j int) bool {
		a, b := want[i], want[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.ID < b.ID
	})
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 5; round++ {
		got := slices.Clone(es)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		export.SortEdges(got)
		if !slices.EqualFunc(got, want, func(a, b export.Edge) bool { return a.ID == b.ID && a.Label == b.Label }) {
			t.Fatalf("round %d: SortEdges gave another order than sorting the edges", round)
		}
	}
}
