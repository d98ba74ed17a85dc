package query

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

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
