package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func benchFacts(n int) []*graph.Facts {
	fs := make([]*graph.Facts, n)
	for i := range fs {
		fs[i] = syntheticFacts(i)
	}
	return fs
}

// BenchmarkIngest ingests 100 synthetic articles, in one call, into a new store.
func BenchmarkIngest(b *testing.B) {
	facts := benchFacts(100)
	for _, backend := range []string{"mem", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				addr := "mem:"
				if backend == "bolt" {
					addr = filepath.Join(b.TempDir(), "factgraph.db")
				}
				s, err := Open(context.Background(), addr, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Ingest(context.Background(), facts); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkReingestOne replaces one article, edited, in a store of 1,000.
func BenchmarkReingestOne(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "factgraph.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Ingest(context.Background(), benchFacts(1000)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := syntheticFacts(500)
		f.Source.Title = fmt.Sprint("Edited ", i)
		if _, err := s.Ingest(context.Background(), []*graph.Facts{f}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad loads a store of 1,000 synthetic articles into one merged Graph.
func BenchmarkLoad(b *testing.B) {
	for _, backend := range []string{"mem", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			addr := "mem:"
			if backend == "bolt" {
				addr = filepath.Join(b.TempDir(), "factgraph.db")
			}
			s, err := Open(context.Background(), addr, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Ingest(context.Background(), benchFacts(1000)); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				g, err := s.Load(context.Background(), LoadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if len(g.Sources) != 1000 {
					b.Fatalf("loaded %d sources, want 1000", len(g.Sources))
				}
			}
		})
	}
}
