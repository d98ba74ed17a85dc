package dot_test

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/dot"
	"github.com/factgraph/factgraph/graph"
)

// unreadable is a graph whose texts no single DOT string can hold: a name and an id longer
// than Graphviz's 16 KiB for a quoted string, a NUL, and a quote of 40 KiB.
func unreadable() *graph.Graph {
	long := strings.Repeat(`a"b\c&d `, 5000) // 40,000 bytes, escapes on every piece boundary
	return &graph.Graph{
		Sources: []graph.Source{{ID: "s", Title: "long"}},
		Parties: []graph.Party{
			{ID: "p-" + strings.Repeat("x", 20000), Name: long, Kind: "state", Sources: []string{"s"},
				Evidence: graph.Evidence{Quotes: []string{long}}},
			{ID: "nul", Name: "Ja\x00pan", Kind: "state", Sources: []string{"s"}},
		},
	}
}

// A name over 16 KiB or holding a NUL made a DOT file that Graphviz refused ("longer than
// 16384?"), so build failed. The validator now refuses such names, and the writer splits
// long strings and replaces NUL anyway, for stores filled otherwise.
func TestLongAndNULTextsStayReadable(t *testing.T) {
	g, err := export.BuildView(unreadable(), export.ViewOptions{View: export.ViewFull})
	if err != nil {
		t.Fatal(err)
	}
	src := write(t, g)
	drawSVG(t, src)
	nodes, _ := readDOT(t, src)
	read := map[string]map[string]string{}
	for id, a := range nodes {
		read[plainText(id)] = a
	}
	for _, n := range g.Nodes {
		a, ok := read[n.ID]
		if !ok {
			t.Errorf("node %.20q... not read back", n.ID)
			continue
		}
		// The drawn label is a caption; the exact text is the tooltip.
		want := strings.ReplaceAll(n.Label, "\x00", "\uFFFD")
		if got := graphvizText(a["tooltip"]); got != want {
			t.Errorf("node %.20q tooltip: %d bytes %.40q..., want %d bytes %.40q...", n.ID, len(got), got, len(want), want)
		}
		if got, want := plainText(a["quote"]), strings.Join(n.Quotes, "\n"); got != want {
			t.Errorf("node %.20q quote: %d bytes, want %d", n.ID, len(got), len(want))
		}
	}
}

func TestQuoteSplitsLongStrings(t *testing.T) {
	got := dot.QuoteID(strings.Repeat("é", 10000)) // 20,000 bytes
	pieces := strings.Split(got[1:len(got)-1], `" + "`)
	if len(pieces) != 2 {
		t.Fatalf("%d pieces, want 2", len(pieces))
	}
	for _, p := range pieces {
		if len(p) > 16384 || strings.ContainsRune(p, '\uFFFD') {
			t.Errorf("a piece of %d bytes, or a character cut in two", len(p))
		}
	}
	if got := dot.QuoteLabel("a\x00b"); got != "\"a\uFFFDb\"" {
		t.Errorf("QuoteLabel of a NUL = %q", got)
	}
}
