package pgstore

import (
	"slices"

	"github.com/cayleygraph/quad"
)

// quadsWith are the quads of a subject with some predicates (preds), as PreloadQuadsWith
// read them.
type quadsWith struct {
	preds []quad.IRI
	quads []quad.Quad
}

// PreloadQuadsWith reads the quads with a source's label of each of subjects whose
// predicate is one of preds, with one query, for QuadsWith to answer from: the labels of a
// hub's neighbours are a field or two of each. Where factgraph's indexes cover the store
// it reads the subjects whole from the item table (readItems), an item a descent of its
// index; else it reads the fields through Cayley's subject-predicate index, a descent for
// each subject and predicate, which the neighbours' quotes and notes do not cost.
func (rd *Reader) PreloadQuadsWith(subjects []quad.IRI, preds []quad.IRI) error {
	if rd.links {
		// The subjects whole from the item table: a row an item and source, where the
		// quads with preds were a descent of the subject index for each subject and
		// predicate.
		return rd.readItems(subjects)
	}
	var hs [][]byte
	known := byHash{}
	for _, s := range subjects {
		if _, ok := rd.items[s]; ok {
			continue
		}
		if w, ok := rd.with[s]; ok && covers(w.preds, preds) {
			continue
		}
		if _, ok := known[string(hashOf(s))]; ok {
			continue // asked twice
		}
		hs = append(hs, known.add(s))
		rd.with[s] = quadsWith{preds: preds}
	}
	if len(hs) == 0 {
		return nil
	}
	ps := make([][]byte, len(preds))
	for i, p := range preds {
		ps[i] = hashOf(p)
	}
	found, err := rd.hashedQuads(`subject_hash = ANY($1) AND predicate_hash = ANY($2) AND label_hash IS NOT NULL`, false, rd.array(hs), rd.array(ps))
	if err != nil {
		return err
	}
	return rd.resolve(found, known, func(q quad.Quad, _ int64) {
		s := q.Subject.(quad.IRI)
		w := rd.with[s]
		w.quads = append(w.quads, q)
		rd.with[s] = w
	})
}

// QuadsWith returns the quads with a source's label of the subject s whose predicate is
// one of preds, in no order, from what PreloadQuadsWith or PreloadItems read; ok is false
// when they read no such thing (Quads reads them, a statement a predicate).
func (rd *Reader) QuadsWith(s quad.Value, preds []quad.IRI) (out []quad.Quad, ok bool, err error) {
	iri, _ := s.(quad.IRI)
	from, ok := rd.items[iri]
	if !ok {
		w, read := rd.with[iri]
		if !read || !covers(w.preds, preds) {
			return nil, false, nil
		}
		from = w.quads
	}
	for _, q := range from {
		if p, isIRI := q.Predicate.(quad.IRI); isIRI && slices.Contains(preds, p) {
			out = append(out, q)
		}
	}
	return out, true, nil
}

// covers says whether have holds every predicate of want.
func covers(have, want []quad.IRI) bool {
	for _, p := range want {
		if !slices.Contains(have, p) {
			return false
		}
	}
	return true
}
