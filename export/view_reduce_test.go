package export_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// small is a graph of four parties: a and b, whom three sources state, c (two) and d (one).
// a owes b three duties in force (one with a period), one absent; b owes a two in force;
// a is allied with b in two sources; x, whom one source states, claims twice about b.
func small() *graph.Graph {
	p := func(id string, sources ...string) graph.Party {
		return graph.Party{ID: id, Name: strings.ToUpper(id), Kind: "state", Sources: sources}
	}
	o := func(id, from, to, status string, sources ...string) graph.Obligation {
		return graph.Obligation{ID: id, Bearer: from, Beneficiary: to, Duty: "duty " + id, Status: status, Sources: sources,
			Evidence: graph.Evidence{Quotes: []string{"quote " + id}}}
	}
	dated := o("o2", "a", "b", "", "s2")
	dated.Since, dated.Until = graph.MustDate("1990"), graph.MustDate("2000-05")
	return &graph.Graph{
		Parties: []graph.Party{p("a", "s1", "s2", "s3"), p("b", "s1", "s2", "s3"), p("c", "s1", "s2"), p("d", "s3"), p("x", "s1")},
		Obligations: []graph.Obligation{
			o("o1", "a", "b", "in-force", "s1"), dated, o("o3", "a", "b", "in-force", "s3"),
			o("o4", "a", "b", "absent", "s1"),
			o("o5", "b", "a", "in-force", "s1"), o("o6", "b", "a", "in-force", "s2"),
			o("o7", "c", "a", "in-force", "s2"), o("o8", "d", "c", "in-force", "s3"),
		},
		Relations: []graph.Relation{
			{From: "a", Type: "allied-with", To: "b", Sources: []string{"s1"}},
			{From: "a", Type: "allied-with", To: "b", Sources: []string{"s2"}},
			{From: "c", Type: "trades-with", To: "b", Sources: []string{"s2"}},
		},
		Claims: []graph.Claim{
			{ID: "k1", Kind: graph.KindClaim, By: "x", Says: "b is right", About: []string{"b"}, Sources: []string{"s1"}},
			{ID: "k2", Kind: graph.KindClaim, By: "x", Says: "b is wrong", About: []string{"b"}, Sources: []string{"s1"}},
		},
	}
}

// edgeSummary writes an edge as the tests compare it: ends, kind, status, id, label, weight
// and the attributes merging sets.
func edgeSummary(e export.Edge) string {
	var extra []string
	for _, a := range e.Extra {
		switch a.Name {
		case export.ExtraCount, export.ExtraObligations, export.ExtraDuties, export.ExtraClaims:
			extra = append(extra, a.Name+"="+strings.ReplaceAll(a.Value, "\n", "|"))
		}
	}
	w, _ := export.EdgeWeight(&e)
	return fmt.Sprintf("%s -%s/%s-> %s %s %q w=%v src=%s span=%s..%s %s", e.From, e.Kind, e.Status, e.To, e.ID, e.Label, w,
		strings.Join(e.Sources, ","), e.Span.Start, e.Span.End, strings.Join(extra, " "))
}

func TestMergeAndKeep(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  export.ViewOptions
		nodes []string
		edges []string
	}{
		{
			name:  "unmerged",
			opts:  export.ViewOptions{View: export.ViewParties},
			nodes: []string{"a", "b", "c", "d", "x"},
			edges: []string{
				`a -obligation/in-force-> b o1 "duty o1" w=1 src=s1 span=.. `,
				`a -obligation/in-force-> b o2 "duty o2" w=1 src=s2 span=1990-01-01..2000-05-31 `,
				`a -obligation/in-force-> b o3 "duty o3" w=1 src=s3 span=.. `,
				`a -obligation/absent-> b o4 "duty o4" w=1 src=s1 span=.. `,
				`a -allied-with/-> b a:allied-with:b "allied-with" w=1 src=s1,s2 span=.. `,
				`b -obligation/in-force-> a o5 "duty o5" w=1 src=s1 span=.. `,
				`b -obligation/in-force-> a o6 "duty o6" w=1 src=s2 span=.. `,
				`c -obligation/in-force-> a o7 "duty o7" w=1 src=s2 span=.. `,
				`c -trades-with/-> b c:trades-with:b "trades-with" w=1 src=s2 span=.. `,
				`d -obligation/in-force-> c o8 "duty o8" w=1 src=s3 span=.. `,
				`x -claim/-> b x:claims:b "2 claims" w=2 src=s1 span=.. claims=k1|k2`,
			},
		},
		{
			name:  "merged",
			opts:  export.ViewOptions{View: export.ViewParties, Merge: true},
			nodes: []string{"a", "b", "c", "d", "x"},
			edges: []string{
				`a -obligation/in-force-> b a:duties:in-force:b "3 duties" w=3 src=s1,s2,s3 span=.. count=3 duties=duty o1|duty o2|duty o3 obligations=o1|o2|o3`,
				`a -obligation/absent-> b o4 "duty o4" w=1 src=s1 span=.. count=1`,
				`a -allied-with/-> b a:allied-with:b "allied-with" w=1 src=s1,s2 span=.. count=1`,
				`b -obligation/in-force-> a b:duties:in-force:a "2 duties" w=2 src=s1,s2 span=.. count=2 duties=duty o5|duty o6 obligations=o5|o6`,
				`c -obligation/in-force-> a o7 "duty o7" w=1 src=s2 span=.. count=1`,
				`c -trades-with/-> b c:trades-with:b "trades-with" w=1 src=s2 span=.. count=1`,
				`d -obligation/in-force-> c o8 "duty o8" w=1 src=s3 span=.. count=1`,
				`x -claim/-> b x:claims:b "2 claims" w=2 src=s1 span=.. claims=k1|k2 count=2`,
			},
		},
		{
			name:  "merged claims all",
			opts:  export.ViewOptions{View: export.ViewParties, Merge: true, Claims: export.ClaimsAll, MinSources: 1, Top: 0},
			nodes: []string{"a", "b", "c", "d", "x"},
			edges: []string{
				`a -obligation/in-force-> b a:duties:in-force:b "3 duties" w=3 src=s1,s2,s3 span=.. count=3 duties=duty o1|duty o2|duty o3 obligations=o1|o2|o3`,
				`a -obligation/absent-> b o4 "duty o4" w=1 src=s1 span=.. count=1`,
				`a -allied-with/-> b a:allied-with:b "allied-with" w=1 src=s1,s2 span=.. count=1`,
				`b -obligation/in-force-> a b:duties:in-force:a "2 duties" w=2 src=s1,s2 span=.. count=2 duties=duty o5|duty o6 obligations=o5|o6`,
				`c -obligation/in-force-> a o7 "duty o7" w=1 src=s2 span=.. count=1`,
				`c -trades-with/-> b c:trades-with:b "trades-with" w=1 src=s2 span=.. count=1`,
				`d -obligation/in-force-> c o8 "duty o8" w=1 src=s3 span=.. count=1`,
				`x -claim/-> b x:claim:b "2 claims" w=2 src=s1 span=.. claims=k1|k2 count=2`,
			},
		},
		{
			name:  "at least two sources",
			opts:  export.ViewOptions{View: export.ViewParties, MinSources: 2},
			nodes: []string{"a", "b", "c"},
			edges: []string{
				`a -obligation/in-force-> b o1 "duty o1" w=1 src=s1 span=.. `,
				`a -obligation/in-force-> b o2 "duty o2" w=1 src=s2 span=1990-01-01..2000-05-31 `,
				`a -obligation/in-force-> b o3 "duty o3" w=1 src=s3 span=.. `,
				`a -obligation/absent-> b o4 "duty o4" w=1 src=s1 span=.. `,
				`a -allied-with/-> b a:allied-with:b "allied-with" w=1 src=s1,s2 span=.. `,
				`b -obligation/in-force-> a o5 "duty o5" w=1 src=s1 span=.. `,
				`b -obligation/in-force-> a o6 "duty o6" w=1 src=s2 span=.. `,
				`c -obligation/in-force-> a o7 "duty o7" w=1 src=s2 span=.. `,
				`c -trades-with/-> b c:trades-with:b "trades-with" w=1 src=s2 span=.. `,
			},
		},
		{
			// Links: a joins b, c (2); b joins a, c, x (3); c joins a, b, d (3); d joins c; x joins b.
			name:  "top two",
			opts:  export.ViewOptions{View: export.ViewParties, Top: 2},
			nodes: []string{"b", "c"},
			edges: []string{`c -trades-with/-> b c:trades-with:b "trades-with" w=1 src=s2 span=.. `},
		},
		{
			// Among a, b and c, a and b have two links each, c two as well: ties go by id.
			name:  "top two of those at least two sources state, merged",
			opts:  export.ViewOptions{View: export.ViewParties, MinSources: 2, Top: 2, Merge: true},
			nodes: []string{"a", "b"},
			edges: []string{
				`a -obligation/in-force-> b a:duties:in-force:b "3 duties" w=3 src=s1,s2,s3 span=.. count=3 duties=duty o1|duty o2|duty o3 obligations=o1|o2|o3`,
				`a -obligation/absent-> b o4 "duty o4" w=1 src=s1 span=.. count=1`,
				`a -allied-with/-> b a:allied-with:b "allied-with" w=1 src=s1,s2 span=.. count=1`,
				`b -obligation/in-force-> a b:duties:in-force:a "2 duties" w=2 src=s1,s2 span=.. count=2 duties=duty o5|duty o6 obligations=o5|o6`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := export.BuildView(small(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var nodes, edges []string
			for _, n := range g.Nodes {
				nodes = append(nodes, n.ID)
			}
			for _, e := range g.Edges {
				edges = append(edges, edgeSummary(e))
			}
			sort.Strings(edges)
			want := append([]string(nil), tc.edges...)
			sort.Strings(want)
			if !reflect.DeepEqual(nodes, tc.nodes) {
				t.Errorf("nodes %q, want %q", nodes, tc.nodes)
			}
			if !reflect.DeepEqual(edges, want) {
				t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(edges, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// A merged duty edge is on the timeline from the earliest start of its duties to the latest
// end, open where any of them is; it keeps the look of its status.
func TestMergedSpanAndLook(t *testing.T) {
	g := small()
	g.Obligations[0].Since, g.Obligations[0].Until = graph.MustDate("1985-03"), graph.MustDate("1995")
	g.Obligations[2].Since = graph.MustDate("1992")
	g.Obligations[2].Until = graph.MustDate("2001")
	g.Obligations[4].Since, g.Obligations[4].Until = graph.MustDate("1980"), graph.MustDate("1985") // o6 is open
	absent := g.Obligations[3]
	absent.ID = "o4b"
	g.Obligations = append(g.Obligations, absent)
	v, err := export.BuildView(g, export.ViewOptions{View: export.ViewParties, Merge: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range v.Edges {
		switch e.ID {
		case "a:duties:in-force:b":
			if want := (export.Span{Start: "1985-03-01", End: "2001-12-31"}); e.Span != want {
				t.Errorf("span %+v, want %+v", e.Span, want)
			}
			if len(e.Quotes) != 0 {
				t.Errorf("merged edge keeps quotes %q; they stay with the obligations", e.Quotes)
			}
			if c, d := export.EdgeStyle(export.EdgeObligation, "in-force"); e.Color != c || e.Dashed != d {
				t.Errorf("look %v %v, want %v %v", e.Color, e.Dashed, c, d)
			}
		case "a:duties:absent:b":
			if !e.Dashed || e.Span != (export.Span{}) {
				t.Errorf("the absent duties: dashed %v, span %+v; want dashed, all the time", e.Dashed, e.Span)
			}
		case "b:duties:in-force:a":
			if e.Span != (export.Span{}) {
				t.Errorf("open duties merged into span %+v", e.Span)
			}
		default:
			if e.Kind == export.EdgeObligation && e.From == "a" {
				t.Errorf("duty edge %s left unmerged", e.ID)
			}
		}
	}
}

func TestReduceErrors(t *testing.T) {
	for _, opts := range []export.ViewOptions{
		{Merge: true},
		{View: export.ViewFull, MinSources: 2},
		{View: export.ViewStances, Top: 3},
		{View: export.ViewParties, Top: -1},
		{View: export.ViewParties, MinSources: -2},
	} {
		if _, err := export.BuildView(small(), opts); err == nil {
			t.Errorf("%+v: no error", opts)
		} else if !strings.Contains(err.Error(), "--") {
			t.Errorf("%+v: %v does not name the option", opts, err)
		}
	}
}
