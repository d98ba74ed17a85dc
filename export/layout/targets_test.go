package layout_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/dot"
	"github.com/factgraph/factgraph/export/layout"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/programtest"
	"github.com/factgraph/factgraph/internal/synth"
)

// syntheticArticles is how many articles of the synthetic corpus the picture tests draw,
// besides the curated ones: dense articles (50 facts, many speakers) unlike the samples.
const syntheticArticles = 6

type article struct {
	name string
	g    *graph.Graph
}

// articles are the graphs whose pictures must meet their targets: every sample, the test
// article of the command's tests, and the first synthetic articles.
func articles(t *testing.T) []article {
	t.Helper()
	root := fixture.Root(t)
	paths, err := filepath.Glob(filepath.Join(root, "samples", "*", "facts.yaml"))
	if err != nil || len(paths) < 2 {
		t.Fatalf("samples: %v %v", paths, err)
	}
	paths = append(paths, filepath.Join(root, "cmd", "factgraph", "testdata", "aukus", "facts.yaml"))
	var out []article
	for _, p := range paths {
		out = append(out, article{filepath.Base(filepath.Dir(p)), fixture.Load(t, p)})
	}
	gen := synth.NewGenerator(1)
	for i := 0; i < syntheticArticles; i++ {
		a := gen.Article(i)
		out = append(out, article{"synthetic-" + a.Name, fixture.Ingest(t, a.Facts)})
	}
	return out
}

// draw builds, lays out and writes a view as the export command does, and draws it with
// the system's dot -Tsvg, failing on anything dot says on its standard error.
func draw(t *testing.T, g *graph.Graph, opts export.ViewOptions) (*export.Graph, []byte) {
	t.Helper()
	dotPath := programtest.Need(t, "dot")
	v, err := export.BuildView(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := layout.Place(context.Background(), v); err != nil {
		t.Fatal(err)
	}
	var src bytes.Buffer
	if err := dot.Write(&src, v); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(dotPath, "-Tsvg")
	cmd.Stdin = &src
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
	return v, out.Bytes()
}

var (
	svgSize  = regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"`)
	svgScale = regexp.MustCompile(`<g id="graph0" class="graph" transform="scale\(([0-9.]+) ([0-9.]+)\)`)
	svgText  = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	svgColor = regexp.MustCompile(`(?:fill|stroke)="([^"]+)"`)
	svgEdge  = regexp.MustCompile(`<g id="([^"]*)" class="edge">\s*<title>([^<]*)</title>`)
)

// size reads the picture's size in points, and checks that it is drawn at its size: dot
// does not shrink a picture (and its text) to fit.
func size(t *testing.T, svg []byte) layout.Size {
	t.Helper()
	m := svgSize.FindSubmatch(svg)
	if m == nil {
		t.Fatal("no size in the svg")
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	if s := svgScale.FindSubmatch(svg); s == nil || string(s[1]) != "1" || string(s[2]) != "1" {
		t.Errorf("the picture is scaled (%s): its text is smaller than drawn", s)
	}
	return layout.Size{Width: w, Height: h}
}

// legendColors returns the colours drawn in the legend, and those drawn elsewhere.
func legendColors(t *testing.T, svg string) (legend, rest map[string]bool) {
	t.Helper()
	start := strings.Index(svg, `<g id="legend" class="node">`)
	if start < 0 {
		t.Fatal("the picture has no legend")
	}
	end := start + strings.Index(svg[start:], "</g>")
	collect := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, m := range svgColor.FindAllStringSubmatch(s, -1) {
			switch c := strings.ToLower(m[1]); c {
			case "none", "black", "white", "transparent", "#000000", "#ffffff":
			default:
				out[c] = true
			}
		}
		return out
	}
	return collect(svg[start:end]), collect(svg[:start] + svg[end:])
}

// TestPicturesMeetTheirTargets draws every view of every article with the system's
// Graphviz and measures the picture: the parties and arguments views at most 2,000 pt on
// their longer side with sides within 1:2, the full view at most 3,000 pt; no line of text
// longer than 40 characters; no warning from dot; every colour in the legend.
func TestPicturesMeetTheirTargets(t *testing.T) {
	var report []string
	for _, a := range articles(t) {
		for _, view := range export.Views {
			t.Run(a.name+"/"+view, func(t *testing.T) {
				v, svg := draw(t, a.g, export.ViewOptions{View: view})
				s := size(t, svg)
				report = append(report, fmt.Sprintf("%-38s %-9s %5.0f x %4.0f pt  %+v", a.name, view, s.Width, s.Height, v.Drawing))
				if !layout.Fits(view, s) {
					t.Errorf("%.0f x %.0f pt; want at most %.0f pt a side%s", s.Width, s.Height, layout.Limit(view),
						map[bool]string{true: "", false: ", sides within 1:2"}[view == export.ViewFull])
				}
				for _, m := range svgText.FindAllSubmatch(svg, -1) {
					line := html.UnescapeString(string(m[1]))
					if n := utf8.RuneCountInString(line); n > export.MaxLine {
						t.Errorf("a line of %d characters: %q", n, line)
					}
				}
				legend, rest := legendColors(t, string(svg))
				for c := range rest {
					if !legend[c] {
						t.Errorf("colour %s is drawn but not in the legend", c)
					}
				}
				if !v.Placed {
					t.Errorf("not placed: %s", v.Unplaced)
				}
			})
		}
	}
	sort.Strings(report)
	t.Log("sizes drawn by dot -Tsvg:\n" + strings.Join(report, "\n"))
}

// TestClaimEdges counts the claim edges the parties view draws in each claims mode.
func TestClaimEdges(t *testing.T) {
	for _, a := range articles(t)[:3] {
		for _, mode := range export.ClaimModes {
			t.Run(a.name+"/"+mode, func(t *testing.T) {
				v, svg := draw(t, a.g, export.ViewOptions{View: export.ViewParties, Claims: mode})
				claim := map[string]bool{}
				for _, e := range v.Edges {
					if e.Kind == export.EdgeClaim || e.Kind == export.EdgeCounterclaim {
						claim[e.ID] = true
					}
				}
				pairs := map[string]int{}
				drawn := 0
				for _, m := range svgEdge.FindAllStringSubmatch(string(svg), -1) {
					if claim[html.UnescapeString(m[1])] {
						drawn++
						pairs[html.UnescapeString(m[2])]++
					}
				}
				if drawn != len(claim) {
					t.Errorf("%d claim edges drawn; the view has %d", drawn, len(claim))
				}
				switch mode {
				case export.ClaimsNone:
					if drawn != 0 {
						t.Errorf("%d claim edges drawn; want none", drawn)
					}
				case export.ClaimsSummary:
					for pair, n := range pairs {
						if n > 1 {
							t.Errorf("%d claim edges drawn %s; want at most one per speaker and target", n, pair)
						}
					}
					if drawn == 0 {
						t.Error("no claim edges drawn; the summary has some")
					}
				case export.ClaimsAll:
					if len(pairs) == drawn && drawn > 0 && a.name == "japan-us-security-treaty" {
						t.Error("every claim edge has a pair of its own; want one per claim, several per pair")
					}
				}
			})
		}
	}
}
