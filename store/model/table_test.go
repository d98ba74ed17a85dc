package model_test

import (
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store/model"
)

// tableOf interns quads into a Table, in their order, as the whole-store reads do.
func tableOf(quads []quad.Quad) *model.Table {
	t := &model.Table{Values: []quad.Value{nil}}
	ids := map[quad.Value]uint32{}
	intern := func(v quad.Value) uint32 {
		if v == nil {
			return 0
		}
		if id, ok := ids[v]; ok {
			return id
		}
		ids[v] = uint32(len(t.Values))
		t.Values = append(t.Values, v)
		return ids[v]
	}
	for _, q := range quads {
		t.Quads = append(t.Quads, [4]uint32{intern(q.Subject), intern(q.Predicate), intern(q.Object), intern(q.Label)})
	}
	return t
}

// TestGroupsDecode checks that decoding a source from a Table gives what model.Decode
// gives for its quads: the same facts, or the same error, for sources as Encode writes
// them, their quads shuffled among other sources', and quads that do not fit the model.
func TestGroupsDecode(t *testing.T) {
	gen := synth.NewGenerator(1)
	var all []quad.Quad
	bySource := map[string][]quad.Quad{}
	for i := 0; i < 6; i++ {
		a := gen.Article(i)
		qs := model.Encode(a.Facts)
		label := qs[0].Label
		switch i {
		case 3: // a subject that is not an IRI, and a predicate that is not one
			qs = append(qs, quad.Quad{Subject: quad.String("x"), Predicate: model.Name, Object: quad.String("y"), Label: label},
				quad.Quad{Subject: qs[0].Subject, Predicate: quad.String("p"), Object: quad.String("y"), Label: label})
		case 4: // a second value where one is allowed, and a kind that does not match
			qs = append(qs, quad.Quad{Subject: qs[0].Subject, Predicate: model.Title, Object: quad.String("Another title"), Label: label})
			for j, q := range qs {
				if q.Predicate == model.Kind && q.Subject != qs[0].Subject {
					qs[j].Object = quad.String("event")
					break
				}
			}
		}
		bySource[a.Facts.Source.ID] = qs
		all = append(all, qs...)
	}
	// The sources' quads interleaved, as a store's log may hold them.
	var mixed []quad.Quad
	for i := 0; len(mixed) < len(all); i++ {
		for _, qs := range bySource {
			if i < len(qs) {
				mixed = append(mixed, qs[i])
			}
		}
	}
	g := model.GroupBySource(tableOf(mixed))
	if len(g.IDs) != len(bySource) {
		t.Fatalf("%d sources grouped, want %d", len(g.IDs), len(bySource))
	}
	failed := 0
	for k, id := range g.IDs {
		got, n, err := g.Decode(k)
		var qs []quad.Quad // the source's quads in table order
		for _, q := range mixed {
			if q.Label == model.SourceIRI(id) {
				qs = append(qs, q)
			}
		}
		want, wantErr := model.Decode(id, qs)
		if n != len(bySource[id]) {
			t.Errorf("%s: %d quads, want %d", id, n, len(bySource[id]))
		}
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("%s: error %v, model.Decode's %v", id, err, wantErr)
		}
		if err != nil {
			failed++
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded from the table\n%+v\nfrom the quads\n%+v", id, got, want)
		}
	}
	if failed != 2 {
		t.Errorf("%d sources failed to decode, want the 2 given quads that do not fit", failed)
	}
}
