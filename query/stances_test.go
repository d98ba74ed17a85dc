package query

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/golden"
)

// debate is a small argument with known stances and rebuttals: a's claim a1 is rebutted by
// b twice and by c, a2 by b twice (one party, two counterclaims), b's b1 by c; c backs a up
// twice and a backs itself up once; assertions that name themselves or an assertion the
// graph does not hold count for nothing; quiet asserts nothing.
func debate() *graph.Graph {
	claim := func(id, by string) graph.Claim {
		return graph.Claim{ID: id, Kind: graph.KindClaim, By: by, Says: "says " + id}
	}
	counter := func(id, by string, counters ...string) graph.Claim {
		c := claim(id, by)
		c.Kind, c.Counters = graph.KindCounterclaim, counters
		return c
	}
	a3 := claim("a3", "a")
	a3.Supports = []string{"a1", "a3", "gone"}
	c1 := claim("c1", "c")
	c1.Supports = []string{"a1", "a2"}
	return &graph.Graph{
		Parties: []graph.Party{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "quiet", Name: "Quiet"}},
		Claims:  []graph.Claim{claim("a1", "a"), claim("a2", "a"), a3, c1},
		Counterclaims: []graph.Claim{
			counter("b1", "b", "a1"),
			counter("b2", "b", "a1", "a2", "b2", "a2"),
			counter("b3", "b", "a2"),
			counter("c2", "c", "b1", "gone", "a1"),
		},
	}
}

func TestStancesCounts(t *testing.T) {
	r := Stances(debate())
	ref := func(id string) Ref { return Ref{ID: id, Name: strings.ToUpper(id)} }
	wantParties := []StanceParty{{ref("a"), 3}, {ref("b"), 3}, {ref("c"), 2}}
	if !reflect.DeepEqual(r.Parties, wantParties) {
		t.Errorf("parties = %+v\nwant %+v", r.Parties, wantParties)
	}
	want := []Stance{
		{By: ref("b"), Of: ref("a"), Counters: 2, Supports: 0},
		{By: ref("c"), Of: ref("a"), Counters: 1, Supports: 2},
		{By: ref("c"), Of: ref("b"), Counters: 1, Supports: 0},
		{By: ref("a"), Of: ref("a"), Counters: 0, Supports: 1},
	}
	if !reflect.DeepEqual(r.Stances, want) {
		t.Errorf("stances = %+v\nwant %+v", r.Stances, want)
	}
}

func TestContestedCounts(t *testing.T) {
	ids := func(as []Assertion) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	for _, tc := range []struct {
		min        int
		unrebutted []string
		contested  []string
	}{
		{0, []string{"a3", "c1", "b2", "b3", "c2"}, []string{"a1"}},
		{2, []string{"a3", "c1", "b2", "b3", "c2"}, []string{"a1"}},
		{1, []string{"a3", "c1", "b2", "b3", "c2"}, []string{"a1", "a2", "b1"}},
		{3, []string{"a3", "c1", "b2", "b3", "c2"}, nil},
	} {
		r, err := Contested(debate(), ContestedOptions{Min: tc.min})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r.Unrebutted); !reflect.DeepEqual(got, tc.unrebutted) {
			t.Errorf("min %d: unrebutted = %q, want %q", tc.min, got, tc.unrebutted)
		}
		if got := ids(r.Contested); !reflect.DeepEqual(got, tc.contested) {
			t.Errorf("min %d: contested = %q, want %q", tc.min, got, tc.contested)
		}
	}
	r, _ := Contested(debate(), ContestedOptions{})
	want := []Rebuttal{{By: Ref{"b", "B"}, Counterclaims: []string{"b1", "b2"}}, {By: Ref{"c", "C"}, Counterclaims: []string{"c2"}}}
	if got := r.Contested[0].Rebuttals; !reflect.DeepEqual(got, want) {
		t.Errorf("rebuttals of a1 = %+v, want %+v", got, want)
	}
	if _, err := Contested(debate(), ContestedOptions{Min: -1}); err == nil {
		t.Error("min -1 accepted")
	}
}

// TestGoldenFlagship pins stances and contested on the flagship sample, as the command
// prints them.
func TestGoldenFlagship(t *testing.T) {
	files, err := ingest.Load(context.Background(), []string{"../samples/japan-us-security-treaty/facts.yaml"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(graph.Merge(ingest.AllFacts(files)))
	contested, err := ix.Contested(ContestedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		r    result
	}{
		{"flagship-stances", ix.Stances()},
		{"flagship-contested", contested},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var text, js bytes.Buffer
			if err := tc.r.WriteText(&text, 100); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&js, tc.r); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".txt"), text.Bytes())
			golden.Check(t, filepath.Join("testdata", tc.name+".json"), js.Bytes())
		})
	}
}

func TestStancesTextTooWide(t *testing.T) {
	var buf bytes.Buffer
	if err := Stances(debate()).WriteText(&buf, 9); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "COUNTERS:") || !strings.Contains(buf.String(), "wider than 9 columns") {
		t.Errorf("matrices printed on a 9-column terminal:\n%s", buf.String())
	}
	buf.Reset()
	Stances(&graph.Graph{}).WriteText(&buf, 80)
	if got := buf.String(); got != "no party asserts anything\n" {
		t.Errorf("empty graph: %q", got)
	}
}
