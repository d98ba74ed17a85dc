package boltstore

import (
	"context"

	"github.com/cayleygraph/quad"
)

// SubjectQuads returns the quads whose subject is v, of the label label when it is not
// nil, and of one of the predicates preds when preds is not nil; ok is false when the
// store has no subject index to read them from.
//
// It reads the subject index itself, in one read transaction (boltReader): it drops the
// quads of other labels or predicates before resolving any value. Through Cayley's
// iterator, re-ingesting one article of a 10,000-article store read every quad of the
// parties it shares with a few hundred other articles, value by value.
func (s *DB) SubjectQuads(ctx context.Context, v, label quad.Value, preds []quad.Value) (out []quad.Quad, ok bool, err error) {
	ind, err := s.boltIndexFor(quad.Subject)
	if err != nil || ind == nil {
		return nil, false, err
	}
	err = s.viewBolt(ctx, nil, func(r *boltReader) error {
		subj := r.valueID(v)
		if subj == 0 {
			return nil
		}
		var labelID uint64
		if label != nil {
			if labelID = r.valueID(label); labelID == 0 {
				return nil
			}
		}
		// The index entries to read: the subject's, or the subject's with each predicate.
		leads := [][]uint64{{subj}}
		var predIDs map[uint64]bool
		if preds != nil {
			predIDs = map[uint64]bool{}
			byPred := len(ind.dirs) > 1 && ind.dirs[1] == quad.Predicate
			leads = nil
			for _, p := range preds {
				id := r.valueID(p)
				if id == 0 || predIDs[id] {
					continue
				}
				predIDs[id] = true
				if byPred {
					leads = append(leads, []uint64{subj, id})
				}
			}
			if !byPred && len(predIDs) > 0 {
				leads = [][]uint64{{subj}}
			}
		}
		for _, lead := range leads {
			qs, err := r.collect(ind, lead, func(p primitive) (bool, error) {
				return (labelID == 0 || p.label == labelID) && (predIDs == nil || predIDs[p.predicate]), nil
			})
			if err != nil {
				return err
			}
			out = append(out, qs...)
		}
		return nil
	})
	return out, true, err
}
