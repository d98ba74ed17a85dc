package store

import (
	"context"

	"github.com/cayleygraph/quad"
)

// subjectFilter narrows a read of a subject's quads: to one label, and to some predicates.
// The zero filter keeps every quad.
type subjectFilter struct {
	label quad.Value
	preds []quad.Value
}

// subjectQuadsWhere calls fn with every quad whose subject is v and that f keeps.
//
// On bolt it reads the subject index itself (boltstore.DB.SubjectQuads).
func (s *Store) subjectQuadsWhere(ctx context.Context, v quad.Value, f subjectFilter, fn func(quad.Quad) error) error {
	if s.bolt != nil {
		out, ok, err := s.bolt.SubjectQuads(ctx, v, f.label, f.preds)
		if err != nil {
			return err
		}
		if ok {
			for _, q := range out {
				if err := fn(q); err != nil {
					return err
				}
			}
			return ctx.Err()
		}
	}
	keep := func(q quad.Quad) bool {
		if f.label != nil && q.Label != f.label {
			return false
		}
		if f.preds == nil {
			return true
		}
		for _, p := range f.preds {
			if q.Predicate == p {
				return true
			}
		}
		return false
	}
	return s.subjectQuads(ctx, v, func(q quad.Quad) error {
		if !keep(q) {
			return nil
		}
		return fn(q)
	})
}
