package query

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// hostileNames are names a facts file can carry that a terminal acts on: retitle the
// window and ring, clear the screen, a C1 control sequence introducer, a right-to-left
// override, a tab and a line break inside a table cell, and a byte that is not UTF-8.
var hostileNames = map[string]string{
	"title":    "Japan\x1b]0;pwned\x07",
	"clear":    "\x1b[2J\x1b[HUnited States",
	"c1":       "C1 \u009b31m red",
	"rlo":      "evil \u202egnp.exe",
	"tabbed":   "tab\there\nnewline",
	"not-utf8": "bad \xff byte",
}

// Names with terminal escape sequences reached the terminal raw through query tables and
// stats. Every text output shows them escaped, and keeps everything else as it was.
func TestTextOutputShowsControlCharactersEscaped(t *testing.T) {
	g := small(t)
	for id, name := range hostileNames {
		g.Parties = append(g.Parties, graph.Party{ID: id, Name: name, Kind: "state", Sources: []string{"src"}})
		g.Obligations = append(g.Obligations, graph.Obligation{ID: id + "-duty", Bearer: id, Beneficiary: "japan", Duty: name, Status: "in-force", Sources: []string{"src"}})
		g.Claims = append(g.Claims, graph.Claim{ID: id + "-claim", Kind: graph.KindClaim, By: id, Says: name, Sources: []string{"src"}})
		g.Relations = append(g.Relations, graph.Relation{From: id, Type: "allied-with", To: "japan", Sources: []string{"src"}})
	}
	ix := NewIndex(g)
	outputs := map[string]func() (result, error){
		"obligations": func() (result, error) { return ix.Obligations(ObligationsOptions{}) },
		"claims":      func() (result, error) { return ix.Claims(ClaimsOptions{}) },
		"neighbors":   func() (result, error) { return ix.Neighbors("japan", NeighborsOptions{}) },
		"path":        func() (result, error) { return ix.Path("title", "clear", PathOptions{}) },
		"stats":       func() (result, error) { return ix.Stats(StatsOptions{Top: 50}) },
		"gizmo": func() (result, error) {
			return &GizmoResult{Results: []any{hostileNames["title"], hostileNames["c1"]}}, nil
		},
	}
	for what, run := range outputs {
		t.Run(what, func(t *testing.T) {
			r, err := run()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.WriteText(&buf, 200); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if !utf8.ValidString(out) {
				t.Errorf("output is not UTF-8")
			}
			for _, r := range out {
				if r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069) {
					t.Fatalf("output holds %U raw:\n%q", r, out)
				}
			}
			if want := `Japan\x1b]0;pwned\x07`; what != "gizmo" && what != "path" && !strings.Contains(out, want) {
				t.Errorf("output does not show %s:\n%s", want, out)
			}
		})
	}
}

func TestVisibleText(t *testing.T) {
	for in, want := range map[string]string{
		"plain Japan 日本 🇯🇵":   "plain Japan 日本 🇯🇵",
		"a\x1b[31mb":          `a\x1b[31mb`,
		"tab\tnl\ncr\r":       `tab\x09nl\x0acr\x0d`,
		"del\x7f c1\u0085":    `del\x7f c1\u0085`,
		"rlo\u202e lrm\u200e": `rlo\u202e lrm` + "\u200e",
		"bad\xff":             `bad\xff`,
	} {
		if got := visibleText(in); got != want {
			t.Errorf("visibleText(%q) = %q, want %q", in, got, want)
		}
	}
	// Written in pieces that split a character, the writer gives the same.
	var buf bytes.Buffer
	w := visible(&buf)
	in := []byte("é\x1b\u009bx\n")
	for i := range in {
		w.Write(in[i : i+1])
	}
	if got, want := buf.String(), `é\x1b\u009bx`+"\n"; got != want {
		t.Errorf("byte by byte: %q, want %q", got, want)
	}
}
