package argdown_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/argdown"
	"github.com/factgraph/factgraph/export/internal/exporttest"
)

// unescape reads escaped text as Argdown does: a backslash and the character after it
// stand for that character.
func unescape(s string) string {
	var b strings.Builder
	escaped := false
	for _, r := range s {
		if r == '\\' && !escaped {
			escaped = true
			continue
		}
		escaped = false
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzText checks that Text leaves no character Argdown reads as syntax unescaped, no line
// break, and no white space at either end that Argdown would trim, and that unescaping
// gives the text back with its line breaks as spaces. The real Argdown parser reads the
// seeds in TestArgdownJSON; this covers what no seed thought of.
func FuzzText(f *testing.F) {
	for _, s := range append(append([]string{}, exporttest.Hostile...), hostileTexts...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := argdown.Text(s)
		if strings.ContainsAny(got, "\r\n") {
			t.Fatalf("Text(%q) = %q holds a line break", s, got)
		}
		want := string([]rune(strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s))) // bad bytes as U+FFFD
		if u := unescape(got); u != want {
			t.Fatalf("unescape(Text(%q)) = %q, want %q", s, u, want)
		}
		rs := []rune(got)
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if r == '\\' {
				i++ // the escaped character
				continue
			}
			if strings.ContainsRune("\\[]<>#{}@*_/`=", r) {
				t.Fatalf("Text(%q) = %q leaves %q unescaped", s, got, r)
			}
			if (i == 0 || i == len(rs)-1) && (unicode.IsSpace(r) || r == '\uFEFF') {
				t.Fatalf("Text(%q) = %q leaves white space %q at an end", s, got, r)
			}
		}
	})
}

// FuzzWrite writes an argument of arbitrary text and checks what must hold for Argdown to
// read it as written: each statement on one line, its data's braces escaped, the same
// bytes every time.
func FuzzWrite(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, says, quote string) {
		g := &export.Graph{
			Name: quote,
			Nodes: []export.Node{
				{ID: "a", Label: says, Kind: "claim", Quotes: []string{quote, says}, Sources: []string{quote}},
				{ID: "b", Label: quote, Kind: "counterclaim"},
			},
			Edges: []export.Edge{{ID: "1", From: "b", To: "a", Kind: export.RoleCounters}},
		}
		var one, two bytes.Buffer
		if err := argdown.Write(&one, g); err != nil {
			t.Fatal(err)
		}
		argdown.Write(&two, g)
		if !bytes.Equal(one.Bytes(), two.Bytes()) {
			t.Fatal("two writes differ")
		}
		lines := strings.Split(one.String(), "\n")
		var defs int
		for _, l := range lines {
			if strings.HasPrefix(l, "[a]") || strings.HasPrefix(l, "[b]") {
				defs++
				if i := strings.Index(l, " {"); i >= 0 && strings.ContainsAny(l[i+2:len(l)-1], "{}") {
					t.Errorf("data with a raw brace: %q", l)
				}
			}
		}
		if defs != 2 {
			t.Fatalf("%d statement lines, want 2:\n%s", defs, one.String())
		}
	})
}
