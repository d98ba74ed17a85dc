package render_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/render"
	"github.com/factgraph/factgraph/graph"
)

// build draws its SVGs with the embedded Graphviz, which refused the DOT of a name with a
// NUL, so build failed after the facts were stored; the system's dot (2.43) also refuses
// quoted strings over 16 KiB (see export/dot). Both draw now.
func TestSVGOfLongAndNULNames(t *testing.T) {
	long := strings.Repeat("Japan ", 4000) // 24,000 bytes
	g := &graph.Graph{
		Sources: []graph.Source{{ID: "s", Title: "long"}},
		Parties: []graph.Party{
			{ID: "long", Name: long, Kind: "state", Sources: []string{"s"}},
			{ID: "nul", Name: "Ja\x00pan", Kind: "state", Sources: []string{"s"}},
		},
	}
	v, err := export.BuildView(g, export.ViewOptions{View: export.ViewFull})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := render.Render(context.Background(), &out, v, render.SVG); err != nil {
		t.Fatal(err)
	}
	text := svgText(t, out.Bytes())
	if !strings.Contains(text, "Ja\uFFFDpan") || strings.Count(text, "Japan") < 4000 {
		t.Errorf("the svg does not show both names whole")
	}
}
