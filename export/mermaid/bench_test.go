package mermaid_test

import (
	"io"
	"testing"

	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/export/mermaid"
)

func BenchmarkWrite(b *testing.B) {
	g := facttest.Large(100_000)
	b.ResetTimer()
	for b.Loop() {
		if err := mermaid.Write(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}
