package dot_test

import (
	"io"
	"testing"

	"github.com/factgraph/factgraph/export/dot"
	"github.com/factgraph/factgraph/export/internal/facttest"
)

func BenchmarkWrite(b *testing.B) {
	g := facttest.Large(100_000)
	b.ResetTimer()
	for b.Loop() {
		if err := dot.Write(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}
