package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestTargetedReadsIgnoreForeignQuads checks that the targeted reads (LoadAround of many
// items and of one, Lookup) give what they gave before another tool wrote quads about the
// same items under a label that is not a source's, or none: on every backend with
// indexes, whose readers pick a source's quads by their labels.
func TestTargetedReadsIgnoreForeignQuads(t *testing.T) {
	ctx := context.Background()
	for _, b := range storetest.Backends(t) {
		if b.Name == "mem" {
			continue // a memory store reads whole
		}
		t.Run(b.Name, func(t *testing.T) {
			s, err := store.Open(ctx, b.Addr(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			mustIngest(t, s, sampleFacts(t)...)
			whole, err := s.Load(ctx, store.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, p := range whole.Parties {
				ids = append(ids, p.ID)
			}
			for _, o := range whole.Obligations {
				ids = append(ids, o.ID)
			}
			if len(ids) < 10 {
				t.Fatalf("only %d parties and obligations", len(ids))
			}
			read := func() (out []any) {
				t.Helper()
				for _, seeds := range [][]string{ids, {"japan"}} {
					g, err := s.LoadAround(ctx, seeds, store.AroundOptions{Depth: 1, Names: true})
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, g)
				}
				info, ok, err := s.Lookup(ctx, "japan")
				if err != nil || !ok {
					t.Fatalf("Lookup(japan) = %v, %v", ok, err)
				}
				return append(out, info)
			}
			before := read()
			var foreign []quad.Quad
			for _, id := range []string{"japan", ids[len(ids)-1]} {
				for _, label := range []quad.Value{quad.IRI("crawler"), quad.String("source/x"), nil} {
					foreign = append(foreign,
						quad.Quad{Subject: quad.IRI(id), Predicate: quad.IRI("fg:name"), Object: quad.String("Nippon"), Label: label},
						quad.Quad{Subject: quad.IRI(id), Predicate: quad.IRI("fg:alias"), Object: quad.String("JP"), Label: label},
						quad.Quad{Subject: quad.IRI(id), Predicate: quad.IRI("fg:kind"), Object: quad.String(graph.KindAgreement), Label: label})
				}
			}
			if err := store.AddForeignQuads(s, foreign); err != nil {
				t.Fatalf("add quads: %v", err)
			}
			if after := read(); !reflect.DeepEqual(after, before) {
				t.Errorf("targeted reads changed with another tool's quads:\n got %+v\nwant %+v", after, before)
			}
		})
	}
}
