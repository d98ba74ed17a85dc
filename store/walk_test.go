package store

import (
	"slices"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// TestItemQuadsAddAll checks that addAll groups an item's quads by source as add does one
// at a time, in their order, when a source's quads come in two runs (a source re-ingested
// with one quad changed), and that the runs it keeps without a copy are not written over
// when a later run of their source is appended.
func TestItemQuadsAddAll(t *testing.T) {
	iri := model.ItemIRI("o")
	q := func(p, o, src string) quad.Quad {
		return quad.Quad{Subject: iri, Predicate: quad.IRI(p), Object: quad.String(o), Label: model.SourceIRI(src)}
	}
	qs := []quad.Quad{
		q(string(model.Kind), graph.KindObligation, "a"), q("fg:duty", "one", "a"),
		q(string(model.Kind), graph.KindObligation, "b"),
		q("fg:status", "active", "a"),
		q("fg:duty", "two", "b"),
	}
	orig := slices.Clone(qs)
	want := newItemQuads(iri)
	for _, x := range qs {
		want.add(x, string(x.Label.(quad.IRI))[len(model.SourcePrefix):])
	}
	got := newItemQuads(iri)
	got.addAll(qs)
	for _, src := range []string{"a", "b"} {
		if !slices.Equal(got.bySource[src], want.bySource[src]) {
			t.Errorf("source %s: %v, want %v", src, got.bySource[src], want.bySource[src])
		}
		if got.kind[src] != want.kind[src] {
			t.Errorf("source %s: kind %q, want %q", src, got.kind[src], want.kind[src])
		}
	}
	if len(got.bySource) != 2 {
		t.Errorf("%d sources, want 2", len(got.bySource))
	}
	if !slices.Equal(qs, orig) {
		t.Errorf("addAll changed the quads it was given: %v, want %v", qs, orig)
	}
}
