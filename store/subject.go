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
// On bolt it reads the subject index itself, in one read transaction (boltReader): it drops
// the quads of other labels or predicates before resolving any value. Through Cayley's
// iterator, re-ingesting one article of a 10,000-article store read every quad of the
// parties it shares with a few hundred other articles, value by value.
func (s *Store) subjectQuadsWhere(ctx context.Context, v quad.Value, f subjectFilter, fn func(quad.Quad) error) error {
	ind, err := s.boltIndexFor(quad.Subject)
	if err != nil {
		return err
	}
	if ind != nil {
		var out []quad.Quad
		err := s.viewBolt(ctx, nil, func(r *boltReader) error {
			subj := r.valueID(v)
			if subj == 0 {
				return nil
			}
			var label uint64
			if f.label != nil {
				if label = r.valueID(f.label); label == 0 {
					return nil
				}
			}
			// The index entries to read: the subject's, or the subject's with each predicate.
			leads := [][]uint64{{subj}}
			var preds map[uint64]bool
			if f.preds != nil {
				preds = map[uint64]bool{}
				byPred := len(ind.dirs) > 1 && ind.dirs[1] == quad.Predicate
				leads = nil
				for _, p := range f.preds {
					id := r.valueID(p)
					if id == 0 || preds[id] {
						continue
					}
					preds[id] = true
					if byPred {
						leads = append(leads, []uint64{subj, id})
					}
				}
				if !byPred && len(preds) > 0 {
					leads = [][]uint64{{subj}}
				}
			}
			for _, lead := range leads {
				qs, err := r.collect(ind, lead, func(p primitive) (bool, error) {
					return (label == 0 || p.label == label) && (preds == nil || preds[p.predicate]), nil
				})
				if err != nil {
					return err
				}
				out = append(out, qs...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, q := range out {
			if err := fn(q); err != nil {
				return err
			}
		}
		return ctx.Err()
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
