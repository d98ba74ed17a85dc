package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/export/render"
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
	text := svgText(t, out.Bytes())
	for _, n := range g.Nodes {
		if !strings.Contains(text, n.Label) {
			t.Errorf("the svg does not show %q", n.Label)
		}
	}
	if !strings.Contains(text, "defend the United States") {
		t.Error("the svg does not show the absent duty")
	}
}

func TestPNG(t *testing.T) {
	facttest.NeedProgram(t, "dot")
	g, err := export.BuildView(facttest.Sample(), export.ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := render.Render(context.Background(), &out, g, render.PNG); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("not a png: % x", out.Bytes()[:min(8, out.Len())])
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct{ path, want string }{{"a.svg", "svg"}, {"A.PNG", "png"}, {"a.pdf", ""}} {
		t.Run(tc.path, func(t *testing.T) {
			got, err := render.FormatOf(tc.path)
			if got != tc.want || (err != nil) != (tc.want == "") {
				t.Errorf("FormatOf(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
			}
		})
	}
}
