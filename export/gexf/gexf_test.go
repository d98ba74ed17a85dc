package gexf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/gexf"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/programtest"
)

func write(t testing.TB, g *export.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gexf.Write(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t *testing.T, g *export.Graph) (string, []byte) {
	t.Helper()
	b := write(t, g)
	path := filepath.Join(t.TempDir(), "g.gexf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b
}

func TestGolden(t *testing.T) {
	exporttest.GoldenAll(t, ".gexf", gexf.Write, nil)
}

func TestSchema(t *testing.T) {
	for _, f := range append(exporttest.All(t), exporttest.Merged(t)...) {
		t.Run(f.Name, func(t *testing.T) {
			path, _ := writeFile(t, f.G)
			exporttest.Xmllint(t, exporttest.Schema("gexf-1.3", "gexf.xsd"), path)
		})
	}
}

func TestReaders(t *testing.T) {
	readers := []struct {
		name string
		opts exporttest.Options
		run  func(t *testing.T, path string) exporttest.Canonical
	}{
		// NetworkX reads the spells but not an edge's viz:color.
		{"networkx", exporttest.Options{XML: true, Spells: true, NoEdgeColor: true, Positions: true}, func(t *testing.T, path string) exporttest.Canonical {
			py := programtest.NeedPython(t, "networkx")
			return exporttest.Read(t, py, filepath.Join(exporttest.Dir(), "readers", "read_networkx.py"), "gexf", path)
		}},
		// graphology-gexf ignores spells.
		{"graphology", exporttest.Options{XML: true, Positions: true}, func(t *testing.T, path string) exporttest.Canonical {
			node := exporttest.Node(t)
			return exporttest.Read(t, node, filepath.Join(exporttest.Dir(), "node", "read.js"), "gexf", path)
		}},
	}
	for _, f := range append(exporttest.All(t), exporttest.Merged(t)...) {
		for _, r := range readers {
			t.Run(f.Name+"/"+r.name, func(t *testing.T) {
				g := f.G
				path, _ := writeFile(t, g)
				want := exporttest.Expect(t, g, r.opts)
				exporttest.Compare(t, r.name, want, r.run(t, path))
			})
		}
	}
}

func TestSpellOf(t *testing.T) {
	d := graph.MustDate
	tests := []struct {
		name               string
		date, since, until graph.Date
		want               gexf.Spell
		ok                 bool
	}{
		{"no date", graph.Date{}, graph.Date{}, graph.Date{}, gexf.Spell{}, false},
		{"year", d("1951"), graph.Date{}, graph.Date{}, gexf.Spell{Start: "1951-01-01", End: "1951-12-31"}, true},
		{"month", d("1960-02"), graph.Date{}, graph.Date{}, gexf.Spell{Start: "1960-02-01", End: "1960-02-29"}, true},
		{"day", d("1951-09-08"), graph.Date{}, graph.Date{}, gexf.Spell{Start: "1951-09-08", End: "1951-09-08"}, true},
		{"since only", graph.Date{}, d("1960-06"), graph.Date{}, gexf.Spell{Start: "1960-06-01"}, true},
		{"until only", graph.Date{}, graph.Date{}, d("1970"), gexf.Spell{End: "1970-12-31"}, true},
		{"since and until win over date", d("1951"), d("1952-04-28"), d("1960-01"), gexf.Spell{Start: "1952-04-28", End: "1960-01-31"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := gexf.SpellOf(tt.date, tt.since, tt.until)
			if got != tt.want || ok != tt.ok {
				t.Errorf("SpellOf = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		g    *export.Graph
	}{
		{"empty node id", &export.Graph{Nodes: []export.Node{{ID: ""}}}},
		{"edge without target", &export.Graph{Nodes: []export.Node{{ID: "a"}}, Edges: []export.Edge{{ID: "e", From: "a"}}}},
		{"extra clashes", &export.Graph{Nodes: []export.Node{{ID: "a", Extra: []export.Attr{{Name: "label", Value: "x"}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := gexf.Write(&bytes.Buffer{}, tt.g); err == nil {
				t.Error("Write succeeded, want an error")
			}
		})
	}
}

func TestRegistered(t *testing.T) {
	f, ok := export.Lookup("gexf")
	if !ok || f.Write == nil {
		t.Fatal("gexf is not registered")
	}
	if g, ok := export.ByExt("out.gexf"); !ok || g.Name != "gexf" {
		t.Errorf("ByExt(out.gexf) = %q, %v", g.Name, ok)
	}
}

func BenchmarkWrite(b *testing.B) {
	g := exporttest.Large(100_000, 300_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := gexf.Write(discard{}, g); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
