package store_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/storetest"
)

func sampleFacts(t *testing.T) []*graph.Facts {
	t.Helper()
	files, err := ingest.Load(context.Background(), []string{
		filepath.Join("..", "samples", "japan-us-security-treaty", "facts.yaml"),
		filepath.Join("..", "samples", "nato-spending", "facts.yaml"),
	}, nil)
	if err != nil {
		t.Fatalf("load samples: %v", err)
	}
	var out []*graph.Facts
	for _, f := range files {
		out = append(out, f.Facts)
	}
	return out
}

func synthFacts(from, to int) []*graph.Facts {
	gen := synth.NewGenerator(7)
	var out []*graph.Facts
	for i := from; i < to; i++ {
		out = append(out, gen.Article(i).Facts)
	}
	return out
}

// TestBulkReadMatchesGeneric reads bolt and PostgreSQL stores whole in bulk (one scan of
// Cayley's log; two queries) and through Cayley's quad iterator, and wants the same Graph
// and the same N-Quads from both: on the samples, on synthetic corpora, after re-ingests and removals have left
// deleted quads and values in the log, and with quads of another tool in the store.
func TestBulkReadMatchesGeneric(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		write func(t *testing.T, s *store.Store)
	}{
		{"empty", func(*testing.T, *store.Store) {}},
		{"samples", func(t *testing.T, s *store.Store) {
			mustIngest(t, s, sampleFacts(t)...)
		}},
		{"synthetic", func(t *testing.T, s *store.Store) {
			var facts []*graph.Facts
			for i := 0; i < 50; i++ {
				facts = append(facts, store.SyntheticFacts(i))
			}
			mustIngest(t, s, facts...)
		}},
		{"corpus", func(t *testing.T, s *store.Store) {
			mustIngest(t, s, synthFacts(0, 30)...)
			mustIngest(t, s, sampleFacts(t)...)
		}},
		{"churn", func(t *testing.T, s *store.Store) {
			samples := sampleFacts(t)
			mustIngest(t, s, synthFacts(0, 30)...)
			mustIngest(t, s, samples...)
			edited := synthFacts(10, 30)
			for i, f := range edited {
				f.Source.Title = fmt.Sprint("Edited ", i)
				f.Claims = f.Claims[:len(f.Claims)/2]
				f.Relations = nil
				keepStatedRefs(f)
			}
			mustIngest(t, s, edited...)
			ids := []string{samples[1].Source.ID}
			for _, f := range synthFacts(0, 5) {
				ids = append(ids, f.Source.ID)
			}
			if _, err := s.Remove(ctx, ids...); err != nil {
				t.Fatalf("Remove: %v", err)
			}
			mustIngest(t, s, synthFacts(2, 4)...)
		}},
		{"foreign quads", func(t *testing.T, s *store.Store) {
			mustIngest(t, s, sampleFacts(t)...)
			err := store.AddForeignQuads(s, []quad.Quad{
				{Subject: quad.IRI("japan"), Predicate: quad.IRI("seen-by"), Object: quad.String("a crawler")},
				{Subject: quad.IRI("japan"), Predicate: quad.IRI("fg:name"), Object: quad.String("Nippon"), Label: quad.IRI("crawler")},
				{Subject: quad.BNode("x"), Predicate: quad.IRI("p"), Object: quad.Int(3), Label: quad.String("not an IRI")},
				{Subject: quad.BNode("x"), Predicate: quad.IRI("p"), Object: quad.LangString{Value: "日本", Lang: "ja"}},
				{Subject: quad.BNode("x"), Predicate: quad.IRI("p"), Object: quad.Float(1.5)},
				{Subject: quad.BNode("x"), Predicate: quad.IRI("p"), Object: quad.Bool(true)},
				{Subject: quad.BNode("x"), Predicate: quad.IRI("p"), Object: quad.Time(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))},
				{Subject: quad.BNode("x"), Predicate: quad.IRI("p"), Object: quad.String("a NUL \x00 and \x00 escaped")},
			})
			if err != nil {
				t.Fatalf("add quads: %v", err)
			}
		}},
		{"quad that does not fit", func(t *testing.T, s *store.Store) {
			mustIngest(t, s, sampleFacts(t)...)
			err := store.AddForeignQuads(s, []quad.Quad{{Subject: quad.BNode("x"), Predicate: quad.IRI("p"),
				Object: quad.TypedString{Value: "1", Type: "xsd:int"}, Label: quad.IRI("source/japan-us-security-treaty-article")}})
			if err != nil {
				t.Fatalf("add quads: %v", err)
			}
		}},
	}
	for _, b := range storetest.Backends(t) {
		if b.Name == "mem" {
			continue // a memory store has only the generic path
		}
		for _, tt := range tests {
			t.Run(b.Name+"/"+tt.name, func(t *testing.T) {
				s, err := store.Open(ctx, b.Addr(t), nil)
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				tt.write(t, s)

				want, wantErr := store.LoadGeneric(ctx, s)
				got, err := s.Load(ctx, store.LoadOptions{})
				switch {
				case wantErr != nil:
					if err == nil || err.Error() != wantErr.Error() {
						t.Errorf("Load: error %v, want the generic path's %v", err, wantErr)
					}
				case err != nil:
					t.Fatalf("Load: %v", err)
				case !reflect.DeepEqual(got, want):
					t.Errorf("Load differs from the generic path:\n got %+v\nwant %+v", got, want)
				case tt.name != "empty" && len(got.Sources) == 0:
					t.Errorf("Load found no sources")
				}

				var gotNQ, wantNQ bytes.Buffer
				if err := store.WriteNQuadsGeneric(ctx, s, &wantNQ); err != nil {
					t.Fatalf("generic WriteNQuads: %v", err)
				}
				if err := s.WriteNQuads(ctx, &gotNQ, ""); err != nil {
					t.Fatalf("WriteNQuads: %v", err)
				}
				if gotNQ.String() != wantNQ.String() {
					t.Errorf("WriteNQuads differs from the generic path:\n got %s\nwant %s", gotNQ.String(), wantNQ.String())
				}
				if tt.name != "empty" && gotNQ.Len() == 0 {
					t.Errorf("WriteNQuads wrote nothing")
				}
			})
		}
	}
}

func mustIngest(t *testing.T, s *store.Store, facts ...*graph.Facts) {
	t.Helper()
	if _, err := s.Ingest(context.Background(), facts); err != nil {
		t.Fatalf("Ingest: %v", err)
	}
}

// keepStatedRefs drops from the claims and counterclaims of f the references to claims f no
// longer states, as a curator editing a facts file must for it to pass validation.
func keepStatedRefs(f *graph.Facts) {
	stated := map[string]bool{}
	for _, c := range append(append([]graph.Claim(nil), f.Claims...), f.Counterclaims...) {
		stated[c.ID] = true
	}
	keep := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if stated[id] {
				out = append(out, id)
			}
		}
		return out
	}
	for _, cs := range [][]graph.Claim{f.Claims, f.Counterclaims} {
		for i := range cs {
			cs[i].Counters, cs[i].Supports = keep(cs[i].Counters), keep(cs[i].Supports)
		}
	}
}
