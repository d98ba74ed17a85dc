package graph

import (
	"reflect"
	"slices"
	"testing"
)

// TestMergeOrderAndUnion checks what Merge promises: items once each, sorted by id (the
// relations by from, type and to), single values from the first source by id that gives
// them, lists as unions and quotes concatenated in that order, and each item's sources.
func TestMergeOrderAndUnion(t *testing.T) {
	b := &Facts{
		Source: Source{ID: "b"},
		Parties: []Party{
			{ID: "zeta", Name: "Zeta from b", Aliases: []string{"Z", "Zt"}, Evidence: Evidence{Quotes: []string{"b1"}}},
			{ID: "alpha", Kind: "state"},
		},
		Obligations: []Obligation{{ID: "o2", Duty: "pay"}, {ID: "o1", Duty: "defend"}},
		Relations: []Relation{
			{From: "zeta", Type: "allied-with", To: "alpha"},
			{From: "alpha", Type: "trades-with", To: "zeta"},
			{From: "alpha", Type: "allied-with", To: "zeta"},
		},
	}
	a := &Facts{
		Source: Source{ID: "a"},
		Parties: []Party{
			{ID: "zeta", Aliases: []string{"Zt", "Zed"}, Evidence: Evidence{Quotes: []string{"a1"}}},
			{ID: "mid", Name: "Mid"},
		},
		Relations: []Relation{{From: "alpha", Type: "allied-with", To: "zeta", Evidence: Evidence{Note: "from a"}}},
	}
	g := Merge([]*Facts{b, a})
	ids := func(ps []Party) (out []string) {
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	if got := ids(g.Parties); !slices.Equal(got, []string{"alpha", "mid", "zeta"}) {
		t.Errorf("parties %v, want sorted by id", got)
	}
	zeta := g.Parties[2]
	want := Party{ID: "zeta", Name: "Zeta from b", Aliases: []string{"Zt", "Zed", "Z"}, Evidence: Evidence{Quotes: []string{"a1", "b1"}}, Sources: []string{"a", "b"}}
	if !reflect.DeepEqual(zeta, want) {
		t.Errorf("zeta merged as\n%+v\nwant\n%+v", zeta, want)
	}
	if got := []string{g.Obligations[0].ID, g.Obligations[1].ID}; !slices.Equal(got, []string{"o1", "o2"}) {
		t.Errorf("obligations %v, want sorted by id", got)
	}
	var rels []string
	for _, r := range g.Relations {
		rels = append(rels, r.Key()+" "+r.Note+" "+r.Sources[0]+" "+string(rune('0'+len(r.Sources))))
	}
	if want := []string{"alpha/allied-with/zeta from a a 2", "alpha/trades-with/zeta  b 1", "zeta/allied-with/alpha  b 1"}; !slices.Equal(rels, want) {
		t.Errorf("relations\n%q\nwant\n%q", rels, want)
	}
	if got := Merge(nil); got.Sources != nil || got.Parties != nil || got.Relations != nil {
		t.Errorf("an empty merge has lists %v, %v and %v, want nil", got.Sources, got.Parties, got.Relations)
	}
}
