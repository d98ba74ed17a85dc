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
// On bolt it reads the subject index itself (boltstore.DB.SubjectQuads), on PostgreSQL
// the quads table by hash (subjectsQuadsWhere).
func (s *Store) subjectQuadsWhere(ctx context.Context, v quad.Value, f subjectFilter, fn func(quad.Quad) error) error {
	if s.pg != nil {
		return s.subjectsQuadsWhere(ctx, []quad.Value{v}, f, fn)
	}
	if s.bolt != nil {
		out, ok, err := s.bolt.SubjectQuads(ctx, v, f.label, f.preds)
		if err != nil {
			return err
		}
		if ok {
			if err := eachOf(out, fn); err != nil {
				return err
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

// subjectsQuadsWhere calls fn with every quad whose subject is one of vs and that f keeps,
// the quads of each subject together, in the order of vs. On PostgreSQL it reads them in
// one snapshot with two queries (pgstore.Reader.SubjectQuads), whatever the number of
// subjects.
func (s *Store) subjectsQuadsWhere(ctx context.Context, vs []quad.Value, f subjectFilter, fn func(quad.Quad) error) error {
	if s.pg == nil {
		for _, v := range vs {
			if err := s.subjectQuadsWhere(ctx, v, f, fn); err != nil {
				return err
			}
		}
		return nil
	}
	rd, done, err := s.pgReader(ctx)
	if err != nil {
		return err
	}
	defer done()
	qs, err := rd.SubjectQuads(vs, f.label, f.preds)
	if err != nil {
		return err
	}
	if err := eachOf(qs, fn); err != nil {
		return err
	}
	return ctx.Err()
}
