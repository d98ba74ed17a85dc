package store_test

import (
	"bytes"
	"context"
	"flag"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store"
)

var corpusArticles = flag.Int("corpus", 1000, "articles of the synthetic corpus BenchmarkReadCorpus stores in bolt (403 quads each: 10000 is 4.03M quads)")

// BenchmarkReadCorpus reads a bolt store of the synthetic corpus (internal/synth, -corpus
// articles) whole: Load into one merged Graph and WriteNQuads of every source, each through
// the bulk scan of the store and through Cayley's quad iterator. ns/quad is the cost per
// stored quad; cpu-ns/quad counts the CPU time of the whole process (garbage collection
// included), which a busy machine inflates less than wall-clock time.
//
//	go test ./store -run XXX -bench ReadCorpus -benchmem
//	go test ./store -run XXX -bench ReadCorpus -benchmem -corpus 10000 -benchtime 1x -timeout 30m
//
// On a 2-core machine shared with other work, 10,000 articles (4.03M quads): Load 3.8 s
// (914 CPU ns/quad, 1.8 GB allocated) in bulk against 69 s (11,890 CPU ns/quad, 19 GB)
// through the iterator; WriteNQuads 3.8 s against 79 s.
func BenchmarkReadCorpus(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "factgraph.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	gen := synth.NewGenerator(1)
	const batch = 500
	for i := 0; i < *corpusArticles; i += batch {
		var facts []*graph.Facts
		for j := i; j < i+batch && j < *corpusArticles; j++ {
			facts = append(facts, gen.Article(j).Facts)
		}
		if _, err := s.Ingest(ctx, facts); err != nil {
			b.Fatal(err)
		}
	}
	var nq bytes.Buffer
	if err := s.WriteNQuads(ctx, &nq, ""); err != nil {
		b.Fatal(err)
	}
	quads := bytes.Count(nq.Bytes(), []byte("\n"))
	b.Logf("%d articles, %d quads", *corpusArticles, quads)

	load := map[string]func() (*graph.Graph, error){
		"scan":    func() (*graph.Graph, error) { return s.Load(ctx, store.LoadOptions{}) },
		"generic": func() (*graph.Graph, error) { return store.LoadGeneric(ctx, s) },
	}
	write := map[string]func() error{
		"scan":    func() error { return s.WriteNQuads(ctx, io.Discard, "") },
		"generic": func() error { return store.WriteNQuadsGeneric(ctx, s, io.Discard) },
	}
	for _, path := range []string{"scan", "generic"} {
		b.Run("Load/"+path, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				g, err := load[path]()
				if err != nil {
					b.Fatal(err)
				}
				if len(g.Sources) != *corpusArticles {
					b.Fatalf("loaded %d sources, want %d", len(g.Sources), *corpusArticles)
				}
			}
			perQuad(b, quads, cpu)
		})
		b.Run("WriteNQuads/"+path, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				if err := write[path](); err != nil {
					b.Fatal(err)
				}
			}
			perQuad(b, quads, cpu)
		})
	}
}

func perQuad(b *testing.B, quads int, cpu time.Duration) {
	b.Helper()
	n := float64(b.N) * float64(quads)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/quad")
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/n, "cpu-ns/quad")
}
