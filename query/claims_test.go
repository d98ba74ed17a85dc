package query

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

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
