package graphology_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/graphology"
	"github.com/factgraph/factgraph/export/internal/exporttest"
)

func write(t testing.TB, g *export.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := graphology.Write(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	exporttest.GoldenAll(t, ".json", graphology.Write, func(t *testing.T, b []byte) {
		if !json.Valid(b) {
			t.Fatalf("output is not valid JSON:\n%s", b)
		}
	})
}

func TestGraphology(t *testing.T) {
	for _, f := range exporttest.All(t) {
		t.Run(f.Name, func(t *testing.T) {
			node := exporttest.Node(t)
			g := f.G
			path := filepath.Join(t.TempDir(), "g.json")
			if err := os.WriteFile(path, write(t, g), 0o644); err != nil {
				t.Fatal(err)
			}
			got := exporttest.Read(t, node, filepath.Join(exporttest.Dir(), "node", "read.js"), "json", path)
			opts := exporttest.Options{Positions: true, Rename: map[string]string{export.AttrType: graphology.AttrCategory}}
			exporttest.Compare(t, "graphology", exporttest.Expect(t, g, opts), got)
		})
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		run  func(w *graphology.Writer) error
	}{
		{"node before header", func(w *graphology.Writer) error { return w.WriteNode("a", nil) }},
		{"node after edge", func(w *graphology.Writer) error {
			w.WriteHeader(nil, graphology.Options{Type: "directed"})
			w.WriteEdge("e", "a", "a", nil)
			return w.WriteNode("a", nil)
		}},
		{"not a number", func(w *graphology.Writer) error {
			w.WriteHeader(nil, graphology.Options{Type: "directed"})
			return w.WriteNode("a", []graphology.Attr{{Name: "weight", Kind: graphology.Number, Text: "NaN"}})
		}},
		{"first error kept", func(w *graphology.Writer) error {
			w.WriteNode("a", nil)
			w.WriteHeader(nil, graphology.Options{Type: "directed"})
			return w.Close()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(graphology.NewWriter(&bytes.Buffer{})); err == nil {
				t.Error("no error, want one")
			}
		})
	}
}

func TestRegistered(t *testing.T) {
	for _, name := range []string{"out.json", "out.graphology.json"} {
		if f, ok := export.ByExt(name); !ok || f.Name != "json" {
			t.Errorf("ByExt(%q) = %q, %v; want json", name, f.Name, ok)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	g := exporttest.Large(100_000, 300_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := graphology.Write(discard{}, g); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
