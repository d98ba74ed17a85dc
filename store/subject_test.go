package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// TestSubjectReadsMatchCayley compares the bolt read of a subject's quads with Cayley's
// iterator, for every subject of a store written in bulk, then through deltas (replacing
// and removing sources, so that the log holds dead quads), unfiltered, by label and by
// predicate.
func TestSubjectReadsMatchCayley(t *testing.T) {
	ctx := context.Background()
	s := newBolt(t)
	ingest(t, s, bulkCorpus()...)
	changed := syntheticFacts(3)
	changed.Parties[0].Name = "Nippon"
	ingest(t, s, changed)
	if _, err := s.Remove(ctx, "nato-spending", "article-5"); err != nil {
		t.Fatal(err)
	}
	subjects := map[quad.Value]bool{}
	labels := map[quad.Value]bool{}
	if err := s.allQuads(ctx, func(q quad.Quad) error {
		subjects[q.Subject] = true
		labels[q.Label] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	subjects[quad.IRI("nato-spending-gone")] = true
	filters := []subjectFilter{
		{},
		{preds: []quad.Value{model.Kind, model.Type, model.Name}},
		{preds: []quad.Value{quad.IRI("fg:no-such-predicate")}},
		{label: model.SourceIRI("treaty-gone")},
	}
	for l := range labels {
		filters = append(filters, subjectFilter{label: l}, subjectFilter{label: l, preds: []quad.Value{model.Name}})
	}
	read := func(f func(fn func(quad.Quad) error) error) string {
		var lines []string
		if err := f(func(q quad.Quad) error {
			lines = append(lines, model.QuadKey(q))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		slices.Sort(lines)
		return strings.Join(lines, "\n")
	}
	nonEmpty := 0
	for subj := range subjects {
		for _, f := range filters {
			got := read(func(fn func(quad.Quad) error) error { return s.subjectQuadsWhere(ctx, subj, f, fn) })
			want := read(func(fn func(quad.Quad) error) error {
				return s.subjectQuads(ctx, subj, func(q quad.Quad) error {
					if f.label != nil && q.Label != f.label {
						return nil
					}
					if f.preds != nil && !slices.Contains(f.preds, q.Predicate) {
						return nil
					}
					return fn(q)
				})
			})
			if got != want {
				t.Fatalf("subject %v, filter %+v:\n%s", subj, f, lineDiff(got, want))
			}
			if got != "" {
				nonEmpty++
			}
		}
	}
	if nonEmpty < len(subjects) {
		t.Errorf("only %d non-empty reads for %d subjects", nonEmpty, len(subjects))
	}
}
