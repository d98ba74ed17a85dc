package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// Every reference in the store resolves after every write: a write that would leave a
// source referring to an item no source states any more (remove a, while b counters a's
// claim; re-ingest a without the agreement b's obligation is under) is refused before it
// changes anything, naming each reference that would break.

// BrokenRefsError is returned by a write that would leave references to items no source
// states any more.
type BrokenRefsError struct {
	// Removing says the write removes sources (Remove) rather than replacing them.
	Removing bool
	// Sources are the ids of the sources the write removes or replaces that state the
	// items, sorted.
	Sources []string
	// Refs are the references that would break, one a line as "SOURCE: KIND ID FIELD ->
	// TARGET", sorted.
	Refs []string
	// Dependents are the ids of the sources that make those references, sorted.
	Dependents []string
}

func (e *BrokenRefsError) Error() string {
	var b strings.Builder
	quoted := quoteList(e.Sources)
	if e.Removing {
		fmt.Fprintf(&b, "cannot remove %s: other sources refer to what only it states:\n", quoted)
	} else {
		fmt.Fprintf(&b, "cannot replace %s: these references would name items no source states any more:\n", quoted)
	}
	for _, r := range e.Refs {
		fmt.Fprintf(&b, "  %s\n", r)
	}
	if e.Removing {
		fmt.Fprintf(&b, "remove them together (factgraph remove %s), or re-ingest %s without these references first; nothing was changed",
			strings.Join(append(append([]string(nil), e.Sources...), e.Dependents...), " "), strings.Join(e.Dependents, ", "))
	} else {
		fmt.Fprintf(&b, "keep those ids in %s, or ingest %s without these references, first or in the same command; nothing was changed",
			quoted, strings.Join(e.Dependents, ", "))
	}
	return b.String()
}

// checkReferences returns a *BrokenRefsError when writing reps (removing them, when
// removing is set) would drop an item that a source left after the write refers to. An
// item is dropped when a source the write changes stated it, the source's new version does
// not, and no other source does after the write (another source of the write, new to the
// store or not, or one the write leaves alone).
func (s *Store) checkReferences(ctx context.Context, reps []replacement, removing bool) error {
	if err := s.findBrokenRefs(ctx, reps, removing); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			// Some backends lose the context's error in their own; keep it findable.
			return cerr
		}
		return err
	}
	return nil
}

// findBrokenRefs is checkReferences.
func (s *Store) findBrokenRefs(ctx context.Context, reps []replacement, removing bool) error {
	changed := map[string]*replacement{}
	for i := range reps {
		changed[reps[i].id] = &reps[i]
	}
	// The items each changed source stops stating.
	var dropped []string
	droppedBy := map[string][]string{}
	for i := range reps {
		r := &reps[i]
		label := model.SourceIRI(r.id)
		var node []quad.Quad
		err := s.subjectQuadsWhere(ctx, label, subjectFilter{label: label}, func(q quad.Quad) error {
			node = append(node, q)
			return nil
		})
		if err != nil {
			return fmt.Errorf("read source %q: %w", r.id, err)
		}
		if len(node) == 0 {
			continue // a new source drops nothing
		}
		old, err := model.Items(r.id, node)
		if err != nil {
			return err
		}
		kept := statedBy(r)
		for _, id := range old {
			if !kept[id] {
				if droppedBy[id] == nil {
					dropped = append(dropped, id)
				}
				droppedBy[id] = append(droppedBy[id], r.id)
			}
		}
	}
	if len(dropped) == 0 {
		return nil
	}
	sort.Strings(dropped)
	// Which of them no source states after the write, and who refers to those.
	refsCache := map[string]map[string]bool{}
	newRefs := func(id string) map[string]bool {
		if m, ok := refsCache[id]; ok {
			return m
		}
		m := referencedBy(changed[id])
		refsCache[id] = m
		return m
	}
	w := newWalker(ctx, s, -1, nil)
	defer w.close()
	broken := &BrokenRefsError{Removing: removing}
	srcSet, depSet, refSet := map[string]bool{}, map[string]bool{}, map[string]bool{}
	// A dropped item stays when a changed source's new version states it, a source new to
	// the store included, or a source the write leaves alone does; the kinds stated of
	// them are read at once: a removal drops every item of its article, and each was a
	// read transaction on PostgreSQL.
	stays := map[quad.Value]bool{}
	for i := range reps {
		for id := range statedBy(&reps[i]) {
			stays[model.ItemIRI(id)] = true
		}
	}
	items := make([]quad.Value, len(dropped))
	for i, id := range dropped {
		items[i] = model.ItemIRI(id)
	}
	err := s.subjectsQuadsWhere(ctx, items, subjectFilter{preds: []quad.Value{model.Kind}}, func(q quad.Quad) error {
		if src, ok := sourceOf(q); ok && changed[src] == nil {
			stays[q.Subject] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, id := range dropped {
		if stays[items[i]] {
			continue
		}
		// Quads of other sources that name the item: as the object of a field or a
		// relation, or as the subject of a relation.
		var refs []quad.Quad
		collect := func(q quad.Quad, src string) error {
			p, _ := q.Predicate.(quad.IRI)
			if model.IsRef(p) || model.IsRelationType(p) {
				refs = append(refs, q)
			}
			return nil
		}
		if err := w.quads(quad.Object, model.ItemIRI(id), collect); err != nil {
			return err
		}
		if err := w.quads(quad.Subject, model.ItemIRI(id), func(q quad.Quad, src string) error {
			if p, _ := q.Predicate.(quad.IRI); model.IsRelationType(p) {
				refs = append(refs, q)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, q := range refs {
			src, ok := sourceOf(q)
			if !ok {
				continue
			}
			if r, ch := changed[src]; ch && (r.facts == nil && r.quads == nil || !newRefs(src)[id]) {
				continue // removed, or its new version no longer refers to it
			}
			line, err := s.describeRef(ctx, src, q)
			if err != nil {
				return err
			}
			if !refSet[line] {
				refSet[line] = true
				broken.Refs = append(broken.Refs, line)
			}
			depSet[src] = true
			for _, by := range droppedBy[id] {
				srcSet[by] = true
			}
		}
	}
	if len(broken.Refs) == 0 {
		return nil
	}
	sort.Strings(broken.Refs)
	broken.Sources = sortedKeys(srcSet)
	broken.Dependents = sortedKeys(depSet)
	return broken
}

// sourceOf returns the id of the source whose label q has.
func sourceOf(q quad.Quad) (string, bool) {
	l, ok := q.Label.(quad.IRI)
	if !ok || !strings.HasPrefix(string(l), model.SourcePrefix) {
		return "", false
	}
	return strings.TrimPrefix(string(l), model.SourcePrefix), true
}

// describeRef describes the quad q of source src that refers to an item: "src: KIND ID
// FIELD -> TARGET" for a field, "src: relation FROM TYPE -> TO" for a relation.
func (s *Store) describeRef(ctx context.Context, src string, q quad.Quad) (string, error) {
	sub, _ := q.Subject.(quad.IRI)
	p, _ := q.Predicate.(quad.IRI)
	obj, _ := q.Object.(quad.IRI)
	if model.IsRelationType(p) {
		return fmt.Sprintf("%s: relation %s %s -> %s", src, string(sub), string(p), string(obj)), nil
	}
	kind := "item"
	label := model.SourceIRI(src)
	err := s.subjectQuadsWhere(ctx, sub, subjectFilter{label: label, preds: []quad.Value{model.Kind}}, func(k quad.Quad) error {
		if v, ok := k.Object.(quad.String); ok {
			kind = string(v)
		}
		return nil
	})
	if strings.HasPrefix(string(sub), model.RelationPrefix) {
		kind = graph.KindRelation
	}
	return fmt.Sprintf("%s: %s %s %s -> %s", src, kind, strings.TrimPrefix(string(sub), model.RelationPrefix), strings.TrimPrefix(string(p), "fg:"), string(obj)), err
}

// statedBy returns the ids of the items the new version of r states; none when r removes
// its source.
func statedBy(r *replacement) map[string]bool {
	out := map[string]bool{}
	switch {
	case r.facts != nil:
		f := r.facts
		for _, p := range f.Parties {
			out[p.ID] = true
		}
		for _, a := range f.Agreements {
			out[a.ID] = true
		}
		for _, e := range f.Events {
			out[e.ID] = true
		}
		for _, o := range f.Obligations {
			out[o.ID] = true
		}
		for _, c := range f.Claims {
			out[c.ID] = true
		}
		for _, c := range f.Counterclaims {
			out[c.ID] = true
		}
	case r.quads != nil:
		for _, q := range r.quads {
			sub, ok1 := q.Subject.(quad.IRI)
			k, ok2 := q.Object.(quad.String)
			if ok1 && ok2 && q.Predicate == model.Kind && model.IsItemKind(string(k)) {
				out[string(sub)] = true
			}
		}
	}
	return out
}

// referencedBy returns the ids the new version of r refers to through a field or a
// relation; none when r removes its source.
func referencedBy(r *replacement) map[string]bool {
	out := map[string]bool{}
	add := func(ids ...string) {
		for _, id := range ids {
			if id != "" {
				out[id] = true
			}
		}
	}
	switch {
	case r.facts != nil:
		f := r.facts
		for _, p := range f.Parties {
			add(p.MemberOf...)
		}
		for _, a := range f.Agreements {
			add(a.Parties...)
			add(a.Revises)
		}
		for _, e := range f.Events {
			add(e.Involves...)
		}
		for _, o := range f.Obligations {
			add(o.Bearer, o.Beneficiary, o.Under)
		}
		for _, cs := range [][]graph.Claim{f.Claims, f.Counterclaims} {
			for _, c := range cs {
				add(c.By)
				add(c.About...)
				add(c.Counters...)
				add(c.Supports...)
			}
		}
		for _, rel := range f.Relations {
			add(rel.From, rel.To)
		}
	case r.quads != nil:
		for _, q := range r.quads {
			p, _ := q.Predicate.(quad.IRI)
			if o, ok := q.Object.(quad.IRI); ok && (model.IsRef(p) || model.IsRelationType(p)) {
				add(string(o))
			}
			if sub, ok := q.Subject.(quad.IRI); ok && model.IsRelationType(p) {
				add(string(sub))
			}
		}
	}
	return out
}
