package facttest

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

// FlagshipPath is the path of the flagship sample's facts file.
func FlagshipPath(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot find the source tree")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "samples", "japan-us-security-treaty", "facts.yaml")
}

// Flagship reads the flagship sample into a memory store and loads it back: the graph the
// export commands see.
func Flagship(t testing.TB) *graph.Graph {
	t.Helper()
	return Load(t, FlagshipPath(t))
}

// Root is the folder of the source tree.
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot find the source tree")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Load reads facts files into a memory store and loads them back, as the export commands
// would see them.
func Load(t testing.TB, paths ...string) *graph.Graph {
	t.Helper()
	files, err := ingest.Load(context.Background(), paths, nil)
	if err != nil {
		t.Fatalf("read %q: %v", paths, err)
	}
	var facts []*graph.Facts
	for _, f := range files {
		facts = append(facts, f.Facts)
	}
	return Ingest(t, facts...)
}

// Ingest puts facts into a memory store and loads them back.
func Ingest(t testing.TB, facts ...*graph.Facts) *graph.Graph {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Ingest(ctx, facts); err != nil {
		t.Fatal(err)
	}
	g, err := s.Load(ctx, graph.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}
