package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/export/render"
	"github.com/factgraph/factgraph/internal/programtest"
)

// svgText collects the text Graphviz drew.
func svgText(t *testing.T, svg []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			if inText {
				b.WriteString("\n")
			}
			inText = false
		case xml.CharData:
			if inText {
				b.Write(tok)
			}
		}
	}
	return b.String()
}

func TestSVGDrawsEveryLabel(t *testing.T) {
	g, err := export.BuildView(facttest.Sample(), export.ViewOptions{View: export.ViewParties})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := render.Render(context.Background(), &out, g, render.SVG); err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(svgText(t, out.Bytes()), "\n") {
		lines[l] = true
	}
	shows := func(drawn string) bool {
		for _, l := range strings.Split(drawn, "\n") {
			if !lines[l] {
				return false
			}
		}
		return true
	}
	for i := range g.Nodes {
		if d := export.DrawnNode(&g.Nodes[i]); !shows(d) {
			t.Errorf("the svg does not show %q", d)
		}
	}
	for i := range g.Edges {
		if d := export.DrawnEdge(&g.Edges[i]); !shows(d) {
			t.Errorf("the svg does not show %q", d)
		}
	}
	if !lines["defend the United"] || !lines["States"] {
		t.Error("the svg does not show the absent duty")
	}
}

// PNG and PDF come from the system's dot, which draws them right.
func TestPNGAndPDF(t *testing.T) {
	programtest.Need(t, "dot")
	for _, tc := range []struct{ format, magic string }{{render.PNG, "\x89PNG\r\n\x1a\n"}, {render.PDF, "%PDF-"}} {
		t.Run(tc.format, func(t *testing.T) {
			g, err := export.BuildView(facttest.Sample(), export.ViewOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := render.Render(context.Background(), &out, g, tc.format); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(out.Bytes(), []byte(tc.magic)) {
				t.Errorf("not a %s: % x", tc.format, out.Bytes()[:min(8, out.Len())])
			}
		})
	}
}

// Without Graphviz on PATH, PNG and PDF fail with a message that says what to install,
// and SVG still works.
func TestNoDot(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	g, err := export.BuildView(facttest.Sample(), export.ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{render.PNG, render.PDF} {
		err := render.Render(context.Background(), io.Discard, g, f)
		if !errors.Is(err, render.ErrNoDot) || !strings.Contains(err.Error(), "install graphviz") {
			t.Errorf("%s without dot: %v; want ErrNoDot, saying what to install", f, err)
		}
	}
	if err := render.Render(context.Background(), io.Discard, g, render.SVG); err != nil {
		t.Errorf("svg without dot: %v", err)
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct{ path, want string }{{"a.svg", "svg"}, {"A.PNG", "png"}, {"a.pdf", "pdf"}, {"a.jpg", ""}} {
		t.Run(tc.path, func(t *testing.T) {
			got, err := render.FormatOf(tc.path)
			if got != tc.want || (err != nil) != (tc.want == "") {
				t.Errorf("FormatOf(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
			}
		})
	}
}
