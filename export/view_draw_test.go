package export_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
)

// The parties view draws one edge per speaker and target, saying how many claims it stands
// for, and keeps what they say in the file.
func TestPartiesClaimSummary(t *testing.T) {
	g := facttest.Sample()
	g.Claims = append(g.Claims, graph.Claim{ID: "treaty-old", Kind: graph.KindClaim, By: "trump",
		Says: "The treaty is old.", About: []string{"security-treaty-1960", "trump"}, Sources: []string{"treaty-article"}})
	v, err := export.BuildView(g, export.ViewOptions{View: export.ViewParties})
	if err != nil {
		t.Fatal(err)
	}
	byPair := map[string][]export.Edge{}
	for _, e := range v.Edges {
		if e.Kind == export.EdgeClaim || e.Kind == export.EdgeCounterclaim {
			byPair[e.From+" "+e.To] = append(byPair[e.From+" "+e.To], e)
		}
	}
	want := map[string]string{
		"trump security-treaty-1960": "2 claims",
		"japan trump":                "1 counterclaim",
		"united-states trump":        "1 counterclaim",
	}
	got := map[string]string{}
	for pair, es := range byPair {
		if len(es) != 1 {
			t.Errorf("%d claim edges from %s; want one per speaker and target", len(es), pair)
		}
		got[pair] = es[0].Label
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("claim edges = %q; want %q", got, want)
	}
	for _, e := range byPair["trump security-treaty-1960"] {
		says := ""
		for _, a := range e.Extra {
			if a.Name == export.ExtraSays {
				says = a.Value
			}
		}
		if says != "The treaty is unfair to the United States.\nThe treaty is old." {
			t.Errorf("says = %q; want both claims, one a line", says)
		}
		if e.Weight != 2 {
			t.Errorf("weight = %v; want the number of claims, 2", e.Weight)
		}
	}
}

func TestArgumentsGroupsSpeakers(t *testing.T) {
	v, err := export.BuildView(facttest.Sample(), export.ViewOptions{View: export.ViewArguments})
	if err != nil {
		t.Fatal(err)
	}
	if want := []export.Group{{ID: "japan", Label: "Japan"}, {ID: "trump", Label: "Donald Trump"}, {ID: "united-states", Label: "United States"}}; !reflect.DeepEqual(v.Groups, want) {
		t.Errorf("groups = %+v; want %+v", v.Groups, want)
	}
	for _, n := range v.Nodes {
		by := ""
		for _, a := range n.Extra {
			if a.Name == export.ExtraBy {
				by = a.Value
			}
		}
		if n.Group == "" || by != n.Group {
			t.Errorf("node %q group %q, by %q; want both the speaker", n.ID, n.Group, by)
		}
		if want := n.ID == "treaty-unfair"; n.Contested != want {
			t.Errorf("node %q contested = %v; want %v", n.ID, n.Contested, want)
		}
	}
}

// Every drawn line of every view of the flagship is at most MaxLine characters, and the
// exact text stays in the label.
func TestCaptionsAreShort(t *testing.T) {
	flagship := fixture.Flagship(t)
	for _, view := range export.Views {
		v, err := export.BuildView(flagship, export.ViewOptions{View: view})
		if err != nil {
			t.Fatal(err)
		}
		check := func(what, id, drawn string) {
			for _, line := range strings.Split(drawn, "\n") {
				if n := utf8.RuneCountInString(line); n > export.MaxLine {
					t.Errorf("%s view: %s %q draws a line of %d characters: %q", view, what, id, n, line)
				}
			}
		}
		for i := range v.Nodes {
			check("node", v.Nodes[i].ID, export.DrawnNode(&v.Nodes[i]))
		}
		for i := range v.Edges {
			check("edge", v.Edges[i].ID, export.DrawnEdge(&v.Edges[i]))
		}
	}
}

func TestSpans(t *testing.T) {
	d := graph.MustDate
	g := &graph.Graph{
		Agreements: []graph.Agreement{
			{ID: "old", Name: "Old", Signed: d("1951")},
			{ID: "new", Name: "New", Signed: d("1960-01-19"), InForce: d("1960-06"), Revises: "old"},
			{ID: "undated", Name: "Undated", Revises: "new"},
			{ID: "attested", Name: "Attested"},
			{ID: "revision", Name: "Revision", Revises: "attested"},
		},
		Events: []graph.Event{
			{ID: "signing", Name: "Signing", Date: d("1960-01")},
			{ID: "talks", Name: "Talks", Date: d("1972-03"), Involves: []string{"revision", "attested"}},
			{ID: "founding", Name: "Founding", Date: d("1965"), Involves: []string{"attested"}},
		},
		Obligations: []graph.Obligation{
			{ID: "duty", Bearer: "a", Beneficiary: "b", Duty: "pay", Since: d("1970"), Until: d("1980-02")},
		},
	}
	v, err := export.BuildView(g, export.ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]export.Span{
		"old":     {Start: "1951-01-01", End: "1960-05-31"}, // in force until its revision is
		"new":     {Start: "1960-06-01"},                    // from entry into force, open
		"undated": {},
		// Undated agreements exist by the earliest dated event that involves them (the
		// rule of the browser's time slider); the revision closes the one it revises.
		"attested": {Start: "1965-01-01", End: "1972-02-29"},
		"revision": {Start: "1972-03-01"},
		"talks":    {Start: "1972-03-01", End: "1972-03-01"},
		"founding": {Start: "1965-01-01", End: "1965-01-01"},
		"signing":  {Start: "1960-01-01", End: "1960-01-01"}, // an instant
		"duty":     {Start: "1970-01-01", End: "1980-02-29"},
	}
	for _, n := range v.Nodes {
		if got := export.NodeSpan(&n); got != want[n.ID] {
			t.Errorf("span of %q = %+v; want %+v", n.ID, got, want[n.ID])
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"the quick brown fox jumps", 10, "the quick\nbrown fox\njumps"},
		{"Japan-US Security Treaty", 10, "Japan-US\nSecurity\nTreaty"},
		{"  spaces   inside  ", 20, "spaces inside"},
		{"line\nbreak kept", 20, "line\nbreak kept"},
		{"abcdefghijkl", 5, "abcde\nfghij\nkl"},
		{"日本国とアメリカ合衆国", 4, "日本国と\nアメリカ\n合衆国"},
		{"", 5, ""},
	} {
		if got := export.Wrap(tc.in, tc.width); got != tc.want {
			t.Errorf("Wrap(%q, %d) = %q; want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"defend the United States (an obligation equivalent to the US duty to defend Japan)", 72, "defend the United States"},
		{"cooperate on regional security issues such as North Korean nuclear threats", 60, "cooperate on regional security issues"},
		{"host bases", 72, "host bases"},
		{"one two three four five six seven eight nine ten", 20, "one two three four…"},
	} {
		if got := export.Shorten(tc.in, tc.max); got != tc.want {
			t.Errorf("Shorten(%q, %d) = %q; want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

// wrapBefore is Wrap as it was written first, a string a word: Wrap must give its bytes.
func wrapBefore(s string, width int) string {
	if width < 1 {
		width = 1
	}
	var out []string
	for _, para := range strings.FieldsFunc(strings.ReplaceAll(s, "\r\n", "\n"), func(r rune) bool { return r == '\n' || r == '\r' }) {
		line := ""
		n := 0
		var words []string
		for _, f := range strings.Fields(para) {
			for f != "" {
				i := strings.IndexAny(f, "-/")
				if i <= 0 || i == len(f)-1 {
					words = append(words, f)
					break
				}
				words = append(words, f[:i+1])
				f = f[i+1:]
			}
		}
		for _, word := range words {
			w := utf8.RuneCountInString(word)
			sep := " "
			if n == 0 || strings.HasSuffix(line, "-") || strings.HasSuffix(line, "/") {
				sep = ""
			}
			if n > 0 && n+len(sep)+w <= width {
				line += sep + word
				n += len(sep) + w
				continue
			}
			if n > 0 {
				out = append(out, line)
			}
			for w > width {
				out = append(out, string([]rune(word)[:width]))
				word = string([]rune(word)[width:])
				w -= width
			}
			line, n = word, w
		}
		if n > 0 {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

var wrapSeeds = []string{
	"", " ", "a", "Japan-US Security Treaty", "a-b-c/d/e f- -g /h", "the United States of America and Japan",
	"Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop quite long", "line one\nline two\r\nthree\r\rfour",
	"日本国とアメリカ合衆国との間の相互協力及び安全保障条約", "a\xffb\xfe long\xffword\xffwith\xffbad\xffbytes",
	"-leading and trailing- /slash/ x-", "x--y//z", "  spaced   out\t\twords  ",
}

// FuzzWrap checks Wrap against wrapBefore at every width from 1 to 30.
func FuzzWrap(f *testing.F) {
	for _, s := range wrapSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for width := 0; width <= 30; width++ {
			if got, want := export.Wrap(s, width), wrapBefore(s, width); got != want {
				t.Fatalf("Wrap(%q, %d) = %q, want %q", s, width, got, want)
			}
		}
	})
}
