package query

import "testing"

// The benchmarks run each query on the synthetic graph of ten thousand articles. Building
// the index is measured on its own; the queries reuse one index, as a long-lived caller
// would, and the CLI pays the index once per run.

func BenchmarkNewIndex(b *testing.B) {
	g := large(b)
	b.ResetTimer()
	for b.Loop() {
		NewIndex(g)
	}
}

func largeIndex(b *testing.B) *Index {
	b.Helper()
	ix := NewIndex(large(b))
	b.ResetTimer()
	return ix
}

func BenchmarkObligations(b *testing.B) {
	ix := largeIndex(b)
	for b.Loop() {
		if _, err := ix.Obligations(ObligationsOptions{Between: [2]string{"party-00001", "party-00002"}}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClaims(b *testing.B) {
	ix := largeIndex(b)
	for b.Loop() {
		if _, err := ix.Claims(ClaimsOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNeighbors(b *testing.B) {
	ix := largeIndex(b)
	for b.Loop() {
		if _, err := ix.Neighbors("party-00001", NeighborsOptions{Depth: 2}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPath(b *testing.B) {
	ix := largeIndex(b)
	for b.Loop() {
		if _, err := ix.Path("article-00000-claim-0", "article-09999-counter-2", PathOptions{All: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTimeline(b *testing.B) {
	ix := largeIndex(b)
	for b.Loop() {
		if _, err := ix.Timeline(TimelineOptions{From: "1960", To: "1990"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStats(b *testing.B) {
	ix := largeIndex(b)
	for b.Loop() {
		if _, err := ix.Stats(StatsOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolveMiss(b *testing.B) {
	ix := largeIndex(b)
	for b.Loop() {
		if _, err := ix.Resolve("party-0000x"); err == nil {
			b.Fatal("no error")
		}
	}
}
