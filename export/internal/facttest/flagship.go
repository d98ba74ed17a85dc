package facttest

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/store"
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
	ctx := context.Background()
	files, err := ingest.Load(ctx, []string{FlagshipPath(t)}, nil)
	if err != nil {
		t.Fatalf("read the flagship sample: %v", err)
	}
	s, err := store.Open(ctx, "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var facts []*graph.Facts
	for _, f := range files {
		facts = append(facts, f.Facts)
	}
	if _, err := s.Ingest(ctx, facts); err != nil {
		t.Fatal(err)
	}
	g, err := s.Load(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}
