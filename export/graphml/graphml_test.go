package graphml_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/graphml"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/internal/programtest"
)

// variants are the two GraphML formats: plain, valid against the official schema, and
// with yEd's graphics, valid against the official schema as yEd's schema extends it.
var variants = []struct {
	name, ext, schema string
	write             func(io.Writer, *export.Graph) error
}{
	{"graphml", ".graphml", "graphml.xsd", graphml.Write},
	{"yed", ".yed.graphml", "ygraphml.xsd", graphml.WriteYEd},
}

func writeWith(t testing.TB, fn func(io.Writer, *export.Graph) error, g *export.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := fn(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFileWith(t *testing.T, fn func(io.Writer, *export.Graph) error, g *export.Graph) (string, []byte) {
	t.Helper()
	b := writeWith(t, fn, g)
	path := filepath.Join(t.TempDir(), "g.graphml")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b
}

func TestGolden(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			exporttest.GoldenAll(t, v.ext, v.write, nil)
		})
	}
}

func TestSchema(t *testing.T) {
	for _, v := range variants {
		for _, f := range exporttest.All(t) {
			t.Run(v.name+"/"+f.Name, func(t *testing.T) {
				path, _ := writeFileWith(t, v.write, f.G)
				exporttest.Xmllint(t, exporttest.Schema("graphml", v.schema), path)
			})
		}
	}
}

// TestSchemaPlain checks that the yEd graphics are all that the plain GraphML schema
// objects to: without them, the file is valid GraphML 1.0 as it stands.
func TestSchemaPlain(t *testing.T) {
	var buf bytes.Buffer
	w := graphml.NewWriter(&buf)
	w.WriteHeader(graphml.Header{Keys: []graphml.Key{{ID: "label", For: "node", Name: "label", Type: "string"}}})
	w.WriteNode(&graphml.Node{ID: "a", Data: []graphml.Data{{Key: "label", Value: "A & B"}}, Graphics: &graphml.ShapeNode{Label: "ignored"}})
	w.WriteNode(&graphml.Node{ID: "b"})
	w.WriteEdge(&graphml.Edge{ID: "e", Source: "a", Target: "b"})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plain.graphml")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	exporttest.Xmllint(t, exporttest.Schema("graphml", "graphml.xsd"), path)
}

func TestReaders(t *testing.T) {
	readers := []struct {
		name string
		run  func(t *testing.T, path string) exporttest.Canonical
	}{
		{"networkx", func(t *testing.T, path string) exporttest.Canonical {
			py := programtest.NeedPython(t, "networkx")
			kind := "graphml"
			if strings.HasSuffix(t.Name(), "/networkx") && strings.Contains(t.Name(), "/yed/") {
				kind = "yed"
			}
			return exporttest.Read(t, py, filepath.Join(exporttest.Dir(), "readers", "read_networkx.py"), kind, path)
		}},
		{"igraph", func(t *testing.T, path string) exporttest.Canonical {
			py := programtest.NeedPython(t, "igraph")
			return exporttest.Read(t, py, filepath.Join(exporttest.Dir(), "readers", "read_igraph.py"), path)
		}},
		{"graphology", func(t *testing.T, path string) exporttest.Canonical {
			node := exporttest.Node(t)
			return exporttest.Read(t, node, filepath.Join(exporttest.Dir(), "node", "read.js"), "graphml", path)
		}},
	}
	for _, v := range variants {
		for _, f := range append(exporttest.All(t), exporttest.Merged(t)...) {
			// The yEd graphics change nothing the readers report; two fixtures show that
			// they also break nothing, without reading every fixture twice.
			if v.name == "yed" && f.Name != "hostile" && f.Name != "flagship-full" {
				continue
			}
			for _, r := range readers {
				t.Run(v.name+"/"+f.Name+"/"+r.name, func(t *testing.T) {
					g := f.G
					path, _ := writeFileWith(t, v.write, g)
					opts := exporttest.Options{XML: true, Positions: true}
					// NetworkX takes a yEd file's labels and x, y from yEd's graphics, the
					// drawing (read_networkx.py drops x and y).
					yedNX := v.name == "yed" && r.name == "networkx"
					opts.DrawnLabels = yedNX
					want := exporttest.Expect(t, g, opts)
					if yedNX {
						for _, a := range want.Nodes {
							delete(a, "x")
							delete(a, "y")
						}
					}
					exporttest.Compare(t, r.name, want, r.run(t, path))
				})
			}
		}
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		g    *export.Graph
	}{
		{"node id with space", &export.Graph{Nodes: []export.Node{{ID: "a b"}}}},
		{"empty node id", &export.Graph{Nodes: []export.Node{{ID: ""}}}},
		{"edge end not a token", &export.Graph{Nodes: []export.Node{{ID: "a"}}, Edges: []export.Edge{{ID: "e", From: "a", To: "<b>"}}}},
		{"extra clashes", &export.Graph{Nodes: []export.Node{{ID: "a", Extra: []export.Attr{{Name: "label", Value: "x"}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := graphml.Write(&bytes.Buffer{}, tt.g); err == nil {
				t.Error("Write succeeded, want an error")
			}
		})
	}
}

func TestRegistered(t *testing.T) {
	f, ok := export.Lookup("graphml")
	if !ok || f.Write == nil {
		t.Fatal("graphml is not registered")
	}
	if g, ok := export.ByExt("out.graphml"); !ok || g.Name != "graphml" {
		t.Errorf("ByExt(out.graphml) = %q, %v", g.Name, ok)
	}
	if g, ok := export.ByExt("out.yed.graphml"); !ok || g.Name != "yed" {
		t.Errorf("ByExt(out.yed.graphml) = %q, %v", g.Name, ok)
	}
}

func BenchmarkWrite(b *testing.B) {
	g := exporttest.Large(100_000, 300_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := graphml.Write(discard{}, g); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
