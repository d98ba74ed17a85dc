package store

import (
	"context"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

func aroundStore(t *testing.T, addr string) *Store {
	t.Helper()
	s := openStore(t, addr)
	facts := []*graph.Facts{treatyFacts(), natoFacts()}
	for n := 0; n < 4; n++ {
		facts = append(facts, syntheticFacts(n))
	}
	ingest(t, s, facts...)
	return s
}

// ids lists the ids of every item of g, sorted, relations as FROM/TYPE/TO.
func ids(g *graph.Graph) []string {
	var out []string
	for _, p := range g.Parties {
		out = append(out, p.ID)
	}
	for _, a := range g.Agreements {
		out = append(out, a.ID)
	}
	for _, e := range g.Events {
		out = append(out, e.ID)
	}
	for _, o := range g.Obligations {
		out = append(out, o.ID)
	}
	for _, c := range append(append([]graph.Claim(nil), g.Claims...), g.Counterclaims...) {
		out = append(out, c.ID)
	}
	for _, r := range g.Relations {
		out = append(out, model.RelationKey(r.From, r.Type, r.To))
	}
	sort.Strings(out)
	return out
}

// TestLoadAroundMergesAsLoad reads every item of a store, and every relation through the
// items' links: each must come out exactly as Load merges it, sources, quotes and lists
// included.
func TestLoadAroundMergesAsLoad(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := aroundStore(t, addr)
		whole, err := s.Load(ctx, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var seeds []string // the items, not the relations, walked one link out
		for _, id := range ids(whole) {
			if !strings.Contains(id, "/") {
				seeds = append(seeds, id)
			}
		}
		got, err := s.LoadAround(ctx, seeds, AroundOptions{Depth: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got.Sources != nil {
			t.Errorf("Sources = %v, want none: no source has the id of an item", got.Sources)
		}
		got.Sources = whole.Sources
		for _, l := range []struct {
			name      string
			got, want any
		}{
			{"parties", got.Parties, whole.Parties}, {"agreements", got.Agreements, whole.Agreements},
			{"events", got.Events, whole.Events}, {"obligations", got.Obligations, whole.Obligations},
			{"claims", got.Claims, whole.Claims}, {"counterclaims", got.Counterclaims, whole.Counterclaims},
			{"relations", got.Relations, whole.Relations},
		} {
			if !reflect.DeepEqual(l.got, l.want) {
				t.Errorf("%s differ from Load's:\n%#v\nwant\n%#v", l.name, l.got, l.want)
			}
		}
	})
}

func TestLoadAroundDepth(t *testing.T) {
	tests := []struct {
		name  string
		seeds []string
		opts  AroundOptions
		want  []string
	}{
		{"seed alone", []string{"us-defend-japan"}, AroundOptions{}, []string{"us-defend-japan"}},
		{"unknown seed", []string{"no-such-item"}, AroundOptions{Depth: 2}, nil},
		{"one link either way", []string{"us-defend-japan"}, AroundOptions{Depth: 1}, []string{
			"japan", "japan-us-security-treaty-1960", "trump-lack-of-reciprocity", "united-states", "us-defend-japan"}},
		// owes links nato-allies to nato, and the obligation that says so comes along.
		{"owes", []string{"nato-allies"}, AroundOptions{Depth: 1, Follow: []string{LinkOwes}}, []string{
			"nato", "nato-allies", "nato-allies-increase-defense-spending"}},
		{"counters only", []string{"trump-treaty-unfair"}, AroundOptions{Depth: -1, Follow: []string{"counters"}}, []string{
			"japan-contributes-otherwise", "trump-lack-of-reciprocity", "trump-treaty-unfair"}},
		{"relations", []string{"united-states"}, AroundOptions{Depth: 1, Follow: []string{"allied-with", "hosts-forces-of"}}, []string{
			"china", "japan", "japan/allied-with/united-states", "japan/hosts-forces-of/united-states",
			"united-states", "united-states/allied-with/china", "united-states/allied-with/japan"}},
	}
	forEachBackend(t, func(t *testing.T, addr string) {
		s := aroundStore(t, addr)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				g, err := s.LoadAround(context.Background(), tt.seeds, tt.opts)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(g); !reflect.DeepEqual(got, tt.want) {
					t.Errorf("read %q, want %q", got, tt.want)
				}
			})
		}
	})
}

// TestLoadAroundNames reads an obligation and, for their names only, what it refers to:
// all of it, or what some of its fields name.
func TestLoadAroundNames(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openStore(t, addr)
		ingest(t, s, treatyFacts())
		g, err := s.LoadAround(ctx, []string{"japan-defend-us"}, AroundOptions{Names: true, Named: []string{"donald-trump"}})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"donald-trump", "japan", "japan-defend-us", "japan-us-security-treaty-1960", "united-states"}
		if got := ids(g); !reflect.DeepEqual(got, want) {
			t.Fatalf("read %q, want %q", got, want)
		}
		for _, p := range g.Parties {
			if p.ID == "japan" && (p.Name != "Japan" || p.Kind != "state") {
				t.Errorf("japan read for its name as %+v", p)
			}
		}
		if a := g.Agreements[0]; a.Name != "Japan-US Security Treaty (1960 revision)" || a.Kind != "treaty" {
			t.Errorf("agreement read for its name as %+v", a)
		}
		// Only what the fields given name.
		g, err = s.LoadAround(ctx, []string{"japan-defend-us"}, AroundOptions{Names: true, NameFields: []string{"beneficiary", "under"}})
		if err != nil {
			t.Fatal(err)
		}
		want = []string{"japan-defend-us", "japan-us-security-treaty-1960", "united-states"}
		if got := ids(g); !reflect.DeepEqual(got, want) {
			t.Errorf("read %q for the names of the beneficiary and agreement, want %q", got, want)
		}
		if _, err := s.LoadAround(ctx, []string{"japan-defend-us"}, AroundOptions{Names: true, NameFields: []string{"name"}}); err == nil {
			t.Errorf("read the names of a field that is no reference")
		}
	})
}

func TestLoadAroundTooMany(t *testing.T) {
	s := aroundStore(t, "mem:")
	_, err := s.LoadAround(context.Background(), []string{"japan"}, AroundOptions{Depth: -1, MaxItems: 5})
	if !errors.Is(err, ErrTooMany) {
		t.Fatalf("error %v, want ErrTooMany", err)
	}
	_, err = s.LoadBetween(context.Background(), "a0-person-0", "a3-person-3", BetweenOptions{MaxItems: 5})
	if !errors.Is(err, ErrTooMany) {
		t.Fatalf("LoadBetween: error %v, want ErrTooMany", err)
	}
}

func TestReferrers(t *testing.T) {
	tests := []struct {
		id     string
		fields []string
		want   []string
	}{
		{"japan-us-security-treaty-1960", []string{"under"}, []string{"japan-defend-us", "us-defend-japan"}},
		{"donald-trump", []string{"by"}, []string{"japan-contributes-otherwise", "trump-lack-of-reciprocity", "trump-treaty-unfair"}},
		{"japan", []string{"bearer", "beneficiary"}, []string{"a0-duty-0", "a0-duty-3", "a1-duty-0", "a1-duty-3", "a2-duty-0",
			"a2-duty-3", "a3-duty-0", "a3-duty-3", "japan-defend-us", "us-defend-japan"}},
		{"japan-us-security-treaty-1951", nil, []string{"japan-us-security-treaty-1960", "treaty-signed-1951"}},
		{"no-such-item", []string{"by"}, nil},
	}
	forEachBackend(t, func(t *testing.T, addr string) {
		s := aroundStore(t, addr)
		for _, tt := range tests {
			got, err := s.Referrers(context.Background(), tt.id, tt.fields...)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Referrers(%q, %q) = %q, want %q", tt.id, tt.fields, got, tt.want)
			}
		}
		if _, err := s.Referrers(context.Background(), "japan", "duty"); err == nil {
			t.Error("Referrers through \"duty\", which holds text, did not fail")
		}
	})
}
