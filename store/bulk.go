package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/boltstore"
	"github.com/factgraph/factgraph/store/model"
	"github.com/factgraph/factgraph/store/pgstore"
)

// A bulk load writes every source of a first write into a new store at once, in the
// backend's own layout (bolt's BulkLoad, PostgreSQL's COPY). Each source is encoded when the
// load reaches it, and its facts let go after, as replace does.

// bulkLoad writes reps into the empty bolt store s (boltstore.DB.BulkTarget): every source
// is added.
func (s *Store) bulkLoad(ctx context.Context, reps []replacement) (*IngestReport, error) {
	counts := make([]graph.Counts, len(reps))
	sources := make([]boltstore.Source, len(reps))
	for i := range reps {
		sources[i] = boltstore.Source{ID: reps[i].id, Quads: encodeLater(reps, counts, i)}
	}
	unique, err := s.bolt.BulkLoad(ctx, sources)
	s.qs = s.bolt.QuadStore()
	if err != nil {
		return nil, err
	}
	return addedReport(reps, counts, unique), nil
}

// pgBulkLoad writes reps into the PostgreSQL store s with COPY if nothing was ever written
// into it (pgstore.DB.BulkLoad), in one transaction: every source is added. It returns
// pgstore.ErrNotNew, having changed nothing, when the store was written before.
func (s *Store) pgBulkLoad(ctx context.Context, reps []replacement) (*IngestReport, error) {
	counts := make([]graph.Counts, len(reps))
	sources := make([]pgstore.Source, len(reps))
	for i := range reps {
		sources[i] = pgstore.Source{ID: reps[i].id, Quads: encodeLater(reps, counts, i)}
	}
	unique, err := s.pg.BulkLoad(ctx, sources)
	if errors.Is(err, pgstore.ErrNotNew) {
		return nil, err
	}
	if err != nil {
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			err = fmt.Errorf("%w (%v)", cerr, err)
		}
		return nil, fmt.Errorf("write store %q: %w; nothing was changed", s.Shown(), err)
	}
	return addedReport(reps, counts, unique), nil
}

// encodeLater returns the quads of reps[i] when called, encoding its facts then, noting its
// counts in counts[i] and letting the facts go.
func encodeLater(reps []replacement, counts []graph.Counts, i int) func() []quad.Quad {
	return func() []quad.Quad {
		r := &reps[i]
		quads := r.quads
		counts[i] = r.counts
		if r.facts != nil {
			quads = model.Encode(r.facts)
			counts[i] = r.facts.Counts()
		}
		r.facts, r.quads = nil, nil
		return quads
	}
}

// addedReport is the report of a bulk load: every source added, with the unique quads the
// load counted for each.
func addedReport(reps []replacement, counts []graph.Counts, unique []int) *IngestReport {
	report := &IngestReport{Sources: make([]SourceChange, len(reps))}
	for i, r := range reps {
		c := counts[i]
		c.Quads = unique[i]
		report.Sources[i] = SourceChange{ID: r.id, Change: ChangeAdded, Added: unique[i], Counts: c}
	}
	return report
}
