package pgstore

import (
	"fmt"
	"testing"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// sourceQuads are quads shaped as one article's: items of a source, each with a few
// fields, the shared predicates and parties named again and again, under one label.
func sourceQuads(n int) []quad.Quad {
	preds := []quad.IRI{"fg:kind", "fg:name", "fg:bearer", "fg:owed-to", "fg:duty", "fg:quote", "fg:status", "fg:date"}
	label := quad.IRI("source/a05000")
	var qs []quad.Quad
	for i := 0; len(qs) < n; i++ {
		item := quad.IRI(fmt.Sprintf("a05000-obligation-%d", i))
		for j, p := range preds {
			var o quad.Value = quad.IRI(fmt.Sprintf("republic-of-%d", (i+j)%9))
			if j%3 == 1 {
				o = quad.String(fmt.Sprintf("a quote of obligation %d, field %d", i, j))
			}
			qs = append(qs, quad.Quad{Subject: item, Predicate: p, Object: o, Label: label})
		}
	}
	return qs[:n]
}

// TestEncodeSourceHashes checks that encodeSource gives each value of each quad its hash,
// the zero hash for a missing value, however often a value comes again.
func TestEncodeSourceHashes(t *testing.T) {
	qs := sourceQuads(400)
	qs = append(qs, quad.Quad{Subject: quad.IRI("a"), Predicate: quad.IRI("fg:kind"), Object: quad.String("party")})
	got := encodeSource(Source{ID: "a05000", Quads: func() []quad.Quad { return qs }})
	if len(got.hashes) != 4*len(qs) {
		t.Fatalf("%d hashes for %d quads, want 4 a quad", len(got.hashes), len(qs))
	}
	for i, q := range qs {
		for d, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			var want refs.ValueHash
			if v != nil {
				want = refs.HashOf(v)
			}
			if got.hashes[4*i+d] != want {
				t.Fatalf("quad %d (%v), value %d: hash %x, want %x", i, q, d, got.hashes[4*i+d], want)
			}
		}
	}
}

// BenchmarkEncodeSource hashes the values of an article's quads, as a bulk load does for
// every source on the way to the copy.
func BenchmarkEncodeSource(b *testing.B) {
	qs := sourceQuads(403)
	src := Source{ID: "a05000", Quads: func() []quad.Quad { return qs }}
	b.ReportAllocs()
	for b.Loop() {
		encodeSource(src)
	}
}
