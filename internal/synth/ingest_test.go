package synth_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store"
)

// TestCorpusValidates reads a written corpus with the real reader: no problems at all, and
// each file reads back as exactly the facts it was written from.
func TestCorpusValidates(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c, err := synth.Write(ctx, synth.Options{Dir: dir, Articles: 20, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	files, err := ingest.Load(ctx, c.Files, nil)
	if err != nil {
		t.Fatalf("the generated corpus does not validate:\n%v", err)
	}
	g := synth.NewGenerator(42)
	for i, f := range files {
		want := g.Article(i).Facts
		if !reflect.DeepEqual(f.Facts, want) {
			t.Errorf("%s reads back as\n%+v\nwant\n%+v", f.Path, f.Facts, want)
		}
	}
}

// TestNQuadsImport checks the N-Quads given to "cayley load" hold the same graph: a store
// importing them reads back what the facts merged in memory give.
func TestNQuadsImport(t *testing.T) {
	ctx := context.Background()
	var b bytes.Buffer
	n, err := synth.WriteNQuads(ctx, &b, 10, 42)
	if err != nil {
		t.Fatal(err)
	}
	if lines := bytes.Count(b.Bytes(), []byte("\n")); n != lines || n < 10*synth.FactsPerArticle {
		t.Fatalf("WriteNQuads reported %d quads and wrote %d lines", n, lines)
	}
	s, err := store.Open(ctx, "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ImportNQuads(ctx, &b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := synth.NewGenerator(42)
	var facts []*graph.Facts
	for i := 0; i < 10; i++ {
		facts = append(facts, g.Article(i).Facts)
	}
	if want := graph.Merge(facts); !reflect.DeepEqual(got, want) {
		t.Error("the graph imported from the N-Quads differs from the generated facts")
	}
}
