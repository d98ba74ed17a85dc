package dot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/dot"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/export/layout"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/programtest"
)

func write(t *testing.T, g *export.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := dot.Write(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// drawSVG runs dot -Tsvg and fails on any output to stderr: a warning is a defect.
func drawSVG(t *testing.T, src []byte) []byte {
	t.Helper()
	dotPath := programtest.Need(t, "dot")
	cmd := exec.Command(dotPath, "-Tsvg")
	cmd.Stdin = bytes.NewReader(src)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, errb.String())
	}
	return out.Bytes()
}

func TestGolden(t *testing.T) {
	flagship := fixture.Flagship(t)
	for _, view := range export.Views {
		t.Run(view, func(t *testing.T) {
			g, err := export.BuildView(flagship, export.ViewOptions{View: view})
			if err != nil {
				t.Fatal(err)
			}
			// As the export command does: lay out, to pick how the view is drawn.
			if err := layout.Place(context.Background(), g); err != nil {
				t.Fatal(err)
			}
			got := exporttest.Stable(t, dot.Write, g)
			exporttest.Golden(t, view+".dot", got)
			drawSVG(t, got)
		})
	}
}

// graphvizText is the text Graphviz draws for an escString label (only the escapes
// QuoteLabel writes).
func graphvizText(s string) string {
	r := strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\"`, `"`, "&amp;", "&")
	return r.Replace(s)
}

// readDOT reads a DOT file with NetworkX's pygraphviz reader, which uses Graphviz's own
// parser: node id -> attributes, and edge id -> attributes with "from" and "to".
func readDOT(t *testing.T, src []byte) (nodes, edges map[string]map[string]string) {
	t.Helper()
	py := programtest.NeedPython(t, "pygraphviz")
	const script = `
import json, sys
from networkx.drawing import nx_agraph
g = nx_agraph.read_dot(sys.argv[1])
nodes = {str(n): {k: str(v) for k, v in d.items()} for n, d in g.nodes(data=True)}
edges = {}
for u, v, d in g.edges(data=True):
    a = {k: str(x) for k, x in d.items()}
    a["from"], a["to"] = str(u), str(v)
    edges[a.get("id", "")] = a
json.dump({"nodes": nodes, "edges": edges}, sys.stdout)
`
	file := filepath.Join(t.TempDir(), "g.dot")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", script, file).Output()
	if err != nil {
		t.Fatalf("read_dot: %v", err)
	}
	var res struct{ Nodes, Edges map[string]map[string]string }
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res.Nodes, res.Edges
}

// Graphviz keeps a backslash pair in ids and plain attributes as written; only \" is
// read as a quote.
func plainText(s string) string { return strings.NewReplacer(`\\`, `\`, `\"`, `"`).Replace(s) }

func TestHostileRoundTrip(t *testing.T) {
	for _, view := range export.Views {
		t.Run(view, func(t *testing.T) {
			g, err := export.BuildView(facttest.Hostile(), export.ViewOptions{View: view})
			if err != nil {
				t.Fatal(err)
			}
			src := write(t, g)
			drawSVG(t, src)
			nodes, edges := readDOT(t, src)
			read := map[string]map[string]string{}
			for id, a := range nodes {
				read[plainText(id)] = a
			}
			group := map[string]string{}
			for _, n := range g.Nodes {
				group[n.ID] = n.Group
				a, ok := read[n.ID]
				if !ok {
					t.Errorf("node %q not read back", n.ID)
					continue
				}
				if got, want := graphvizText(a["label"]), export.DrawnNode(&n); got != want {
					t.Errorf("node %q drawn label = %q; want %q", n.ID, got, want)
				}
				if got := graphvizText(a["tooltip"]); n.Label != "" && got != n.Label {
					t.Errorf("node %q tooltip = %q; want the exact label %q", n.ID, got, n.Label)
				}
				if got, want := plainText(a["quote"]), strings.Join(n.Quotes, "\n"); got != want {
					t.Errorf("node %q quote = %q; want %q", n.ID, got, want)
				}
				if a["kind"] != n.Kind {
					t.Errorf("node %q kind = %q; want %q", n.ID, a["kind"], n.Kind)
				}
			}
			for _, e := range g.Edges {
				a, ok := edges[e.ID]
				if e.Kind == export.RoleBy && group[e.From] == e.To {
					// Drawn as the speaker's box; the claim's by attribute says it.
					if ok {
						t.Errorf("edge %q drawn; want it left to the speaker's box", e.ID)
					}
					if got := read[e.From]["by"]; plainText(got) != e.To {
						t.Errorf("node %q by = %q; want %q", e.From, got, e.To)
					}
					continue
				}
				if !ok {
					t.Errorf("edge %q not read back", e.ID)
					continue
				}
				if plainText(a["from"]) != e.From || plainText(a["to"]) != e.To {
					t.Errorf("edge %q runs %q -> %q; want %q -> %q", e.ID, a["from"], a["to"], e.From, e.To)
				}
				if got, want := graphvizText(a["label"]), export.DrawnEdge(&e); got != want {
					t.Errorf("edge %q drawn label = %q; want %q", e.ID, got, want)
				}
				want := e.Label
				for _, x := range e.Extra {
					if x.Name == export.ExtraSays {
						want = x.Value
					}
				}
				if got := graphvizText(a["tooltip"]); want != "" && got != want {
					t.Errorf("edge %q tooltip = %q; want %q", e.ID, got, want)
				}
			}
			if len(g.Nodes) == 0 {
				t.Fatal("the hostile view is empty")
			}
		})
	}
}

func TestQuoteLabelEscapesEverything(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`a"b`, `"a\"b"`},
		{`a\b`, `"a\\b"`},
		{`\N`, `"\\N"`},
		{"a\nb", `"a\nb"`},
		{"a\r\nb", `"a\nb"`},
		{"&amp;", `"&amp;amp;"`},
		{"日本 🇯🇵", `"日本 🇯🇵"`},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := dot.QuoteLabel(tc.in); got != tc.want {
				t.Errorf("QuoteLabel(%q) = %s; want %s", tc.in, got, tc.want)
			}
		})
	}
}

// TestMergedDutiesThicker: in a merged parties view, an edge that stands for several duties
// is drawn thicker than one that stands for one, and says how many; dot draws it without a
// warning.
func TestMergedDutiesThicker(t *testing.T) {
	g, err := export.BuildView(fixture.Flagship(t), export.ViewOptions{View: export.ViewParties, Merge: true})
	if err != nil {
		t.Fatal(err)
	}
	src := write(t, g)
	var merged, single string
	for _, line := range strings.Split(string(src), "\n") {
		switch {
		case strings.Contains(line, `[id="japan:duties:in-force:united-states"`):
			merged = line
		case strings.Contains(line, `[id="us-defend-japan"`):
			single = line
		}
	}
	if !strings.Contains(merged, `label="3 duties"`) || !strings.Contains(merged, `penwidth="3.6"`) {
		t.Errorf("the three duties of Japan: %s; want labelled 3 duties, penwidth 3.6", merged)
	}
	if single == "" || strings.Contains(single, "penwidth=\"3") {
		t.Errorf("the one duty of the United States: %q; want it drawn as before", single)
	}
	drawSVG(t, src)
}
