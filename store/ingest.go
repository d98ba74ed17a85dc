package store

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
	"github.com/factgraph/factgraph/store/model"
	"github.com/factgraph/factgraph/store/pgstore"
)

// SourceInfo is a source in the store with what it states.
type SourceInfo struct {
	Source graph.Source
	Counts graph.Counts
}

// Changes a store write can make to a source.
const (
	ChangeAdded     = "added"
	ChangeReplaced  = "replaced"
	ChangeUnchanged = "unchanged"
	ChangeRemoved   = "removed"
)

// SourceChange is what a write did to one source.
type SourceChange struct {
	ID     string
	Change string // ChangeAdded, ChangeReplaced, ChangeUnchanged or ChangeRemoved
	Added  int    // quads added
	// Removed is the number of quads removed.
	Removed int
	// Counts is what the source states after the write (before it, for a removed source).
	Counts graph.Counts
}

// IngestReport says what a write did, one entry per source, sorted by id.
type IngestReport struct {
	Sources []SourceChange
}

// countFacts is f's counts with the number of quads that hold them.
func countFacts(f *graph.Facts, quads int) graph.Counts {
	c := f.Counts()
	c.Quads = quads
	return c
}

// sourceQuads returns every quad labelled with the IRI of source id. It reads only the
// subjects the source's node names, through the subject index, so its cost follows the
// size of the source rather than the size of the store. It reads the node and the items in
// one snapshot: in two read transactions on PostgreSQL, a write that replaced the source
// between them was read half old, half new, the node's list of claims from before it and
// the claims from after (TestReadersDuringWritesOnPostgres).
func (s *Store) sourceQuads(ctx context.Context, id string) ([]quad.Quad, error) {
	snap, err := s.Snapshot()
	if err != nil {
		return nil, err
	}
	defer snap.Close()
	label := model.SourceIRI(id)
	var out []quad.Quad
	var src []quad.Quad
	err = snap.subjectQuadsWhere(ctx, label, subjectFilter{label: label}, func(q quad.Quad) error {
		src = append(src, q)
		return nil
	})
	if err != nil || len(src) == 0 {
		return nil, err
	}
	out = append(out, src...)
	list, err := model.Subjects(id, src)
	if err != nil {
		return nil, err
	}
	subjects := make([]quad.Value, len(list))
	for i, subj := range list {
		subjects[i] = subj
	}
	err = snap.subjectsQuadsWhere(ctx, subjects, subjectFilter{label: label}, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// replacement is what one source should hold after a write: the quads of facts when facts
// is set, else quads with counts (none: the source is removed). Facts are encoded only when
// their source's turn comes, so that a large write never holds the quads of every source at
// once.
type replacement struct {
	id     string
	facts  *graph.Facts
	quads  []quad.Quad
	counts graph.Counts
}

// diffSource compares the quads source id holds with quads and returns what it held and
// the deltas that make it hold quads instead: removals, then additions, each sorted. unique
// is the number of distinct quads in quads.
func (s *Store) diffSource(ctx context.Context, id string, quads []quad.Quad) (old []quad.Quad, deltas []cgraph.Delta, unique int, err error) {
	old, err = s.sourceQuads(ctx, id)
	if cerr := ctx.Err(); cerr != nil {
		// Some backends lose the context's error in their own; keep it findable.
		return nil, nil, 0, cerr
	}
	if err != nil {
		return nil, nil, 0, fmt.Errorf("read source %q: %w", id, err)
	}
	oldSet := make(map[string]quad.Quad, len(old))
	for _, q := range old {
		oldSet[model.QuadKey(q)] = q
	}
	newSet := make(map[string]quad.Quad, len(quads))
	for _, q := range quads {
		newSet[model.QuadKey(q)] = q
	}
	var keys []string
	for k := range oldSet {
		if _, ok := newSet[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		deltas = append(deltas, cgraph.Delta{Quad: oldSet[k], Action: cgraph.Delete})
	}
	keys = keys[:0]
	for k := range newSet {
		if _, ok := oldSet[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		deltas = append(deltas, cgraph.Delta{Quad: newSet[k], Action: cgraph.Add})
	}
	return old, deltas, len(newSet), nil
}

// replace makes each source hold exactly its new quads. A write of fewer than batchDeltas
// deltas is one transaction: either every source changes or none does. A larger one commits
// batches of whole sources (see batchWriter), and undoes the committed ones if a later one
// fails, so a failed write still leaves the store as it was.
func (s *Store) replace(ctx context.Context, reps []replacement, removing bool) (*IngestReport, error) {
	report, err := s.write(ctx, reps, removing)
	if err == nil {
		s.wrote = true
	}
	s.empty = nil
	return report, err
}

// write is replace.
func (s *Store) write(ctx context.Context, reps []replacement, removing bool) (*IngestReport, error) {
	if err := s.checkWritable(); err != nil {
		return nil, err
	}
	sort.Slice(reps, func(i, j int) bool { return reps[i].id < reps[j].id })
	for i := 1; i < len(reps); i++ {
		if reps[i].id == reps[i-1].id {
			return nil, fmt.Errorf("source %q is given twice; give each source once per call", reps[i].id)
		}
	}
	if !removing && s.bolt != nil && !s.readOnly {
		bulk, err := s.bolt.BulkTarget()
		if err != nil {
			return nil, fmt.Errorf("read store %q: %w", s.Shown(), err)
		}
		if bulk {
			return s.bulkLoad(ctx, reps)
		}
	}
	if !removing && s.pg != nil && !s.readOnly && pgstore.BulkLoading {
		report, err := s.pgBulkLoad(ctx, reps)
		if !errors.Is(err, pgstore.ErrNotNew) {
			return report, err
		}
	}
	if err := s.checkReferences(ctx, reps, removing); err != nil {
		return nil, err
	}
	report := &IngestReport{Sources: make([]SourceChange, 0, len(reps))}
	w := &batchWriter{s: s}
	for i, r := range reps {
		quads := r.quads
		if r.facts != nil {
			quads = model.Encode(r.facts)
		}
		// Let the facts of a source go once they are encoded: a caller that keeps no other
		// reference to them (the ingest command) holds less and less as the write goes on.
		reps[i].facts, reps[i].quads = nil, nil
		old, deltas, unique, err := s.diffSource(ctx, r.id, quads)
		if err != nil {
			return nil, w.fail(ctx, err)
		}
		ch := SourceChange{ID: r.id, Counts: r.counts}
		if r.facts != nil {
			ch.Counts = countFacts(r.facts, unique)
		}
		for _, d := range deltas {
			if d.Action == cgraph.Delete {
				ch.Removed++
			} else {
				ch.Added++
			}
		}
		switch {
		case removing:
			ch.Change = ChangeRemoved
			if f, err := model.Decode(r.id, old); err == nil {
				ch.Counts = countFacts(f, uniqueQuads(old))
			}
		case len(old) == 0:
			ch.Change = ChangeAdded
		case ch.Added == 0 && ch.Removed == 0:
			ch.Change = ChangeUnchanged
		default:
			ch.Change = ChangeReplaced
		}
		report.Sources = append(report.Sources, ch)
		if len(old) == 0 {
			old = nil // undoing the write removes the source
		}
		w.add(r.id, old, deltas)
		if w.full() {
			if err := ctx.Err(); err != nil {
				return nil, w.fail(ctx, err)
			}
			if err := w.flush(); err != nil {
				return nil, w.fail(ctx, fmt.Errorf("write store %q: %w", s.Shown(), err))
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, w.fail(ctx, err)
	}
	if err := w.flush(); err != nil {
		return nil, w.fail(ctx, fmt.Errorf("write store %q: %w", s.Shown(), err))
	}
	if w.batches == 0 && s.pg != nil {
		// Nothing changed: factgraph's indexes are built again all the same if they need
		// it, which otherwise waits for a write that changes something.
		if err := s.pg.Apply(context.WithoutCancel(ctx), nil); err != nil {
			return nil, fmt.Errorf("write store %q: %w", s.Shown(), err)
		}
	}
	return report, nil
}

// Ingest stores the facts of each source under the source's label, replacing what the
// store held for that source: afterwards the store holds exactly what facts say, and other
// sources are untouched. Each source changes atomically; a small ingest is one transaction
// and a large one several, undone if a later one fails, so a failed ingest changes nothing
// (see docs/model.md for a process killed mid-way). Facts are expected to be valid (see
// package ingest).
func (s *Store) Ingest(ctx context.Context, facts []*graph.Facts) (*IngestReport, error) {
	return s.Write(ctx, facts, nil)
}

// replacements are the replacements that store facts.
func replacements(facts []*graph.Facts) ([]replacement, error) {
	reps := make([]replacement, 0, len(facts))
	for _, f := range facts {
		if f == nil {
			return nil, errors.New("nil facts given to ingest")
		}
		if f.Source.ID == "" {
			return nil, errors.New("facts without a source id; every facts file needs source.id")
		}
		reps = append(reps, replacement{id: f.Source.ID, facts: f})
	}
	return reps, nil
}

func uniqueQuads(qs []quad.Quad) int {
	set := make(map[string]bool, len(qs))
	for _, q := range qs {
		set[model.QuadKey(q)] = true
	}
	return len(set)
}

// Remove deletes the named sources and every fact stored under them, in one transaction.
// A party or agreement another source also states stays. An unknown id is an error and
// leaves the store unchanged.
func (s *Store) Remove(ctx context.Context, ids ...string) (_ *IngestReport, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkWritable(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errors.New("no source to remove; name one or more source ids")
	}
	have, err := s.hasSources(ctx, ids)
	if err != nil {
		return nil, err
	}
	var known []string // every source's id, read only when an id is not one
	listed := false
	var problems []string
	reps := make([]replacement, 0, len(ids))
	for _, id := range ids {
		if !have[id] {
			if !listed {
				if known, err = s.sourceIDs(ctx); err != nil {
					return nil, err
				}
				listed = true
			}
			msg := fmt.Sprintf("no source %q in store %q", id, s.Shown())
			if near, ok := suggest.Closest(id, known); ok {
				msg += fmt.Sprintf("; did you mean %q?", near)
			} else {
				msg += "; run factgraph sources to list them"
			}
			problems = append(problems, msg)
			continue
		}
		reps = append(reps, replacement{id: id})
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return s.replace(ctx, reps, true)
}

// hasSources says which of ids are sources of the store: those whose node states its kind
// under its own label, as sourceIDs lists them. It reads the nodes of ids alone: listing
// every source to check the ids given read 10,000 quads and their values on PostgreSQL,
// 0.42 s of the 0.53 s removal of one article of 10,000.
func (s *Store) hasSources(ctx context.Context, ids []string) (map[string]bool, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	subjects := make([]quad.Value, len(ids))
	for i, id := range ids {
		subjects[i] = model.SourceIRI(id)
	}
	have := map[string]bool{}
	err := s.subjectsQuadsWhere(ctx, subjects, subjectFilter{preds: []quad.Value{model.Kind}}, func(q quad.Quad) error {
		if id, ok := sourceNode(q); ok {
			have[id] = true
		}
		return nil
	})
	return have, err
}

// sourceNode says whether q is the quad by which a source's node states its kind under
// its own label, and the source's id.
func sourceNode(q quad.Quad) (string, bool) {
	subj, ok := q.Subject.(quad.IRI)
	if !ok || q.Predicate != model.Kind || q.Object != quad.String(graph.KindSource) || q.Label != subj {
		return "", false
	}
	return strings.CutPrefix(string(subj), model.SourcePrefix)
}

// sourceIDs lists the ids of the sources in the store, sorted, from the index of objects.
func (s *Store) sourceIDs(ctx context.Context) ([]string, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	var ids []string
	err := s.kindQuads(ctx, func(q quad.Quad) error {
		if id, ok := sourceNode(q); ok {
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(ids)
	return ids, ctx.Err()
}

// kindQuads calls fn with each quad whose object is the kind of a source. On PostgreSQL
// it reads them with their values in one snapshot (pgstore.Reader.Quads): through
// Cayley's iterator, each quad's values were a statement each, 10,002 statements at
// 10,000 articles.
func (s *Store) kindQuads(ctx context.Context, fn func(quad.Quad) error) error {
	kind := quad.String(graph.KindSource)
	if s.pg != nil {
		rd, done, err := s.pgReader(ctx)
		if err != nil {
			return err
		}
		defer done()
		qs, ok, err := rd.Quads([]quad.Direction{quad.Object}, kind)
		if err != nil {
			return err
		}
		if ok {
			return eachOf(qs, fn)
		}
	}
	ref, err := s.qs.ValueOf(kind)
	if err != nil || ref == nil {
		return err
	}
	return s.eachQuad(ctx, s.qs.QuadIterator(quad.Object, ref), fn)
}

// Sources lists the sources in the store with what each states, sorted by id.
func (s *Store) Sources(ctx context.Context) (_ []SourceInfo, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	// One pass over the whole store: reading source by source through the subject index
	// took minutes on 10,000 sources.
	facts, quads, err := s.decodeAll(ctx, false)
	if err != nil {
		return nil, err
	}
	out := make([]SourceInfo, len(facts))
	for i, f := range facts {
		out[i] = SourceInfo{Source: f.Source, Counts: countFacts(f, quads[i])}
	}
	return out, nil
}

// LoadFacts returns the facts of one source exactly as they were ingested, lists in their
// original order. Empty lists come back nil; defaults come back written out.
func (s *Store) LoadFacts(ctx context.Context, source string) (_ *graph.Facts, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	f, _, err := s.loadFacts(ctx, source)
	return f, err
}

func (s *Store) loadFacts(ctx context.Context, source string) (*graph.Facts, int, error) {
	if err := s.checkOpen(); err != nil {
		return nil, 0, err
	}
	qs, err := s.sourceQuads(ctx, source)
	if err != nil {
		return nil, 0, err
	}
	if len(qs) == 0 {
		ids, _ := s.sourceIDs(ctx)
		msg := fmt.Sprintf("no source %q in store %q", source, s.Shown())
		if near, ok := suggest.Closest(source, ids); ok {
			return nil, 0, fmt.Errorf("%s; did you mean %q?", msg, near)
		}
		return nil, 0, fmt.Errorf("%s; run factgraph sources to list them", msg)
	}
	f, err := model.Decode(source, qs)
	if err != nil {
		return nil, 0, err
	}
	return f, uniqueQuads(qs), nil
}

// SourceIDs returns the ids of the sources in the store, sorted, reading one quad per source
// (the object index of their kind), not the sources themselves.
func (s *Store) SourceIDs(ctx context.Context) (_ []string, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	return s.sourceIDs(ctx)
}
