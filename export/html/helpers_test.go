package html_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/sourcetext"
)

// flagship returns the flagship sample's graph and the texts of its source.
func flagship(t testing.TB) (*graph.Graph, export.TextSource) {
	t.Helper()
	g := fixture.Flagship(t)
	texts := sourcetext.New()
	texts.Add(g.Sources[0].ID, fixture.FlagshipPath(t))
	return g, texts
}

// writePage writes the page of g and returns its bytes.
func writePage(t testing.TB, g *graph.Graph, opts export.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := html.Write(context.Background(), &b, g, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pageFile writes the page of g into a temporary folder and returns its file URL.
func pageFile(t testing.TB, g *graph.Graph, opts export.Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, writePage(t, g, opts), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + path
}
