package mermaid_test

import (
	"os"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/export/mermaid"
	"github.com/factgraph/factgraph/internal/fixture"
)

func TestGolden(t *testing.T) {
	flagship := fixture.Flagship(t)
	for _, view := range export.Views {
		t.Run(view, func(t *testing.T) {
			g, err := export.BuildView(flagship, export.ViewOptions{View: view})
			if err != nil {
				t.Fatal(err)
			}
			exporttest.Golden(t, view+".mmd", exporttest.Stable(t, mermaid.Write, g))
		})
	}
}

// unlabel undoes Label, as a Markdown viewer's Mermaid does.
func unlabel(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
	return strings.NewReplacer("#quot;", `"`, "#35;", "#", "#amp;", "&", "#lt;", "<", "#gt;", ">", "#96;", "`", "<br>", "\n", "#9;", "\t").Replace(s)
}

func TestHostileLabels(t *testing.T) {
	for _, s := range facttest.HostileStrings {
		t.Run(s, func(t *testing.T) {
			l := mermaid.Label(s)
			inner := l[1 : len(l)-1]
			if strings.ContainsAny(inner, "\"\n`<>") && !strings.Contains(s, "<br>") {
				// Only the <br> line breaks Label writes may contain markup.
				if strings.ContainsAny(strings.ReplaceAll(inner, "<br>", ""), "\"\n`<>") {
					t.Errorf("Label(%q) = %s leaves a character Mermaid reads", s, l)
				}
			}
			if got := unlabel(l); got != s {
				t.Errorf("unlabel(Label(%q)) = %q", s, got)
			}
		})
	}
}

func TestIDs(t *testing.T) {
	seen := map[string]string{}
	ids := append([]string{"us-japan", "us_japan", "end", "graph", "o", "x", "a b", "日本"}, facttest.HostileIDs...)
	for _, id := range ids {
		m := mermaid.ID(id)
		for _, r := range m {
			if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				t.Errorf("ID(%q) = %q has %q", id, m, r)
			}
		}
		if other, dup := seen[m]; dup && other != id {
			t.Errorf("ID(%q) = ID(%q) = %q", id, other, m)
		}
		seen[m] = id
		if mermaid.ID(id) != m {
			t.Errorf("ID(%q) is not stable", id)
		}
	}
}

func ExampleWrite() {
	g := &export.Graph{
		Name: "example",
		Nodes: []export.Node{
			{ID: "japan", Label: "Japan", Kind: "party", Shape: "ellipse"},
			{ID: "united-states", Label: `The "US"`, Kind: "party", Shape: "ellipse"},
		},
		Edges: []export.Edge{{ID: "o", From: "japan", To: "united-states", Label: "defend the US", Dashed: true, Color: export.ColorAbsent}},
	}
	mermaid.Write(os.Stdout, g)
	// Output:
	// ---
	// title: "example"
	// ---
	// flowchart LR
	//     n_japan(["Japan"]):::k_party
	//     n_united_states(["The #quot;US#quot;"]):::k_party
	//     n_japan -.->|"defend the US"| n_united_states
	//     classDef k_party fill:#A6CEE3,stroke:#333333,color:#000000
	//     linkStyle 0 stroke:#8C564B,color:#8C564B
}
