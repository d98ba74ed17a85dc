package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Counts says how many items of each kind a source states, and how many quads hold them.
type Counts struct {
	Parties, Agreements, Events, Obligations, Claims, Counterclaims, Relations, Quads int
}

// SourceInfo is a source in the store with what it states.
type SourceInfo struct {
	Source Source
	Counts Counts
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
	Counts Counts
}

// IngestReport says what a write did, one entry per source, sorted by id.
type IngestReport struct {
	Sources []SourceChange
}

func countFacts(f *Facts, quads int) Counts {
	return Counts{
		Parties:       len(f.Parties),
		Agreements:    len(f.Agreements),
		Events:        len(f.Events),
		Obligations:   len(f.Obligations),
		Claims:        len(f.Claims),
		Counterclaims: len(f.Counterclaims),
		Relations:     len(f.Relations),
		Quads:         quads,
	}
}

// sourceQuads returns every quad labelled with the IRI of source id. It reads only the
// subjects the source's node names, through the subject index, so its cost follows the
// size of the source rather than the size of the store.
func (s *Store) sourceQuads(ctx context.Context, id string) ([]quad.Quad, error) {
	label := SourceIRI(id)
	var out []quad.Quad
	var src []quad.Quad
	err := s.subjectQuads(ctx, label, func(q quad.Quad) error {
		if q.Label == label {
			src = append(src, q)
		}
		return nil
	})
	if err != nil || len(src) == 0 {
		return nil, err
	}
	out = append(out, src...)
	subjects := make(map[quad.IRI]bool)
	d := &decoder{label: string(label)}
	n := make(node)
	for _, q := range src {
		if p, ok := q.Predicate.(quad.IRI); ok {
			n[p] = append(n[p], q.Object)
		}
	}
	for _, sec := range []string{secParties, secAgreements, secEvents, secObligations, secClaims, secCounterclaims} {
		for _, id := range d.sectionIDs(n, sec) {
			subjects[ItemIRI(id)] = true
		}
	}
	for _, key := range d.sectionIDs(n, secRelations) {
		subjects[quad.IRI(relationPrefix+key)] = true
		from, _, _ := strings.Cut(key, "/")
		subjects[ItemIRI(from)] = true
	}
	if len(d.errs) > 0 {
		return nil, decodeError(id, d.errs)
	}
	list := make([]quad.IRI, 0, len(subjects))
	for subj := range subjects {
		list = append(list, subj)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	for _, subj := range list {
		err := s.subjectQuads(ctx, subj, func(q quad.Quad) error {
			if q.Label == label {
				out = append(out, q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// replacement is the quads one source should hold after a write.
type replacement struct {
	id     string
	quads  []quad.Quad // nil to remove the source
	counts Counts
}

// replace makes each source hold exactly its new quads, in one delta set applied in one
// transaction: either every source changes or none does.
func (s *Store) replace(ctx context.Context, reps []replacement, removing bool) (*IngestReport, error) {
	if err := s.checkWritable(); err != nil {
		return nil, err
	}
	sort.Slice(reps, func(i, j int) bool { return reps[i].id < reps[j].id })
	for i := 1; i < len(reps); i++ {
		if reps[i].id == reps[i-1].id {
			return nil, fmt.Errorf("source %q is given twice; give each source once per call", reps[i].id)
		}
	}
	var deltas []cgraph.Delta
	report := &IngestReport{}
	for _, r := range reps {
		old, err := s.sourceQuads(ctx, r.id)
		if cerr := ctx.Err(); cerr != nil {
			// Some backends lose the context's error in their own; keep it findable.
			return nil, cerr
		}
		if err != nil {
			return nil, fmt.Errorf("read source %q: %w", r.id, err)
		}
		oldSet := make(map[string]quad.Quad, len(old))
		for _, q := range old {
			oldSet[quadKey(q)] = q
		}
		newSet := make(map[string]quad.Quad, len(r.quads))
		for _, q := range r.quads {
			newSet[quadKey(q)] = q
		}
		ch := SourceChange{ID: r.id, Counts: r.counts}
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
		ch.Removed = len(keys)
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
		ch.Added = len(keys)
		switch {
		case removing:
			ch.Change = ChangeRemoved
			if f, err := DecodeFacts(r.id, old); err == nil {
				ch.Counts = countFacts(f, len(oldSet))
			}
		case len(old) == 0:
			ch.Change = ChangeAdded
		case ch.Added == 0 && ch.Removed == 0:
			ch.Change = ChangeUnchanged
		default:
			ch.Change = ChangeReplaced
		}
		report.Sources = append(report.Sources, ch)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(deltas) == 0 {
		return report, nil
	}
	if err := s.apply(deltas); err != nil {
		return nil, fmt.Errorf("write store %q: %w; nothing was changed", s.addr, err)
	}
	return report, nil
}

// Ingest stores the facts of each source under the source's label, replacing what the
// store held for that source: afterwards the store holds exactly what facts say, and other
// sources are untouched. All sources are written in one transaction; a failed ingest
// changes nothing. Facts are expected to be valid (see package ingest).
func (s *Store) Ingest(ctx context.Context, facts []*Facts) (*IngestReport, error) {
	reps := make([]replacement, 0, len(facts))
	for _, f := range facts {
		if f == nil {
			return nil, errors.New("nil facts given to ingest")
		}
		if f.Source.ID == "" {
			return nil, errors.New("facts without a source id; every facts file needs source.id")
		}
		q := EncodeFacts(f)
		reps = append(reps, replacement{id: f.Source.ID, quads: q, counts: countFacts(f, uniqueQuads(q))})
	}
	return s.replace(ctx, reps, false)
}

func uniqueQuads(qs []quad.Quad) int {
	set := make(map[string]bool, len(qs))
	for _, q := range qs {
		set[quadKey(q)] = true
	}
	return len(set)
}

// Remove deletes the named sources and every fact stored under them, in one transaction.
// A party or agreement another source also states stays. An unknown id is an error and
// leaves the store unchanged.
func (s *Store) Remove(ctx context.Context, ids ...string) (*IngestReport, error) {
	if err := s.checkWritable(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errors.New("no source to remove; name one or more source ids")
	}
	known, err := s.sourceIDs(ctx)
	if err != nil {
		return nil, err
	}
	have := make(map[string]bool, len(known))
	for _, id := range known {
		have[id] = true
	}
	var problems []string
	reps := make([]replacement, 0, len(ids))
	for _, id := range ids {
		if !have[id] {
			msg := fmt.Sprintf("no source %q in store %q", id, s.addr)
			if near := closest(id, known); near != "" {
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

// sourceIDs lists the ids of the sources in the store, sorted, from the index of objects.
func (s *Store) sourceIDs(ctx context.Context) ([]string, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	ref, err := s.qs.ValueOf(quad.String(KindSource))
	if err != nil || ref == nil {
		return nil, err
	}
	it := s.qs.QuadIterator(quad.Object, ref).Iterate()
	defer it.Close()
	var ids []string
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		subj, ok := q.Subject.(quad.IRI)
		if q.Predicate != pKind || !ok || q.Label != subj || !strings.HasPrefix(string(subj), sourcePrefix) {
			continue
		}
		ids = append(ids, strings.TrimPrefix(string(subj), sourcePrefix))
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	sort.Strings(ids)
	return ids, ctx.Err()
}

// Sources lists the sources in the store with what each states, sorted by id.
func (s *Store) Sources(ctx context.Context) ([]SourceInfo, error) {
	ids, err := s.sourceIDs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SourceInfo, 0, len(ids))
	for _, id := range ids {
		f, n, err := s.loadFacts(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, SourceInfo{Source: f.Source, Counts: countFacts(f, n)})
	}
	return out, nil
}

// LoadFacts returns the facts of one source exactly as they were ingested, lists in their
// original order. Empty lists come back nil; defaults come back written out.
func (s *Store) LoadFacts(ctx context.Context, source string) (*Facts, error) {
	f, _, err := s.loadFacts(ctx, source)
	return f, err
}

func (s *Store) loadFacts(ctx context.Context, source string) (*Facts, int, error) {
	if err := s.checkOpen(); err != nil {
		return nil, 0, err
	}
	qs, err := s.sourceQuads(ctx, source)
	if err != nil {
		return nil, 0, err
	}
	if len(qs) == 0 {
		ids, _ := s.sourceIDs(ctx)
		msg := fmt.Sprintf("no source %q in store %q", source, s.addr)
		if near := closest(source, ids); near != "" {
			return nil, 0, fmt.Errorf("%s; did you mean %q?", msg, near)
		}
		return nil, 0, fmt.Errorf("%s; run factgraph sources to list them", msg)
	}
	f, err := DecodeFacts(source, qs)
	if err != nil {
		return nil, 0, err
	}
	return f, uniqueQuads(qs), nil
}

// closest returns the candidate nearest to s in edit distance, if it is near enough to be
// a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(s, c)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(2, len(s)/3) {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
