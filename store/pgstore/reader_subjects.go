package pgstore

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
)

// SubjectQuads returns the quads whose subject is one of subjects, of any label (none
// included), of the label label when it is not nil, and of one of the predicates preds
// when preds is not nil, in one query of the quads by hash and one of the values it has
// not read: each subject's quads together, in the order of subjects, each in the order
// they were written. It is what a write reads of the sources it replaces. Through
// Cayley's iterator, re-ingesting one article of a 10,000-article store read every quad
// of the parties it shares with other articles, value by value: 7,086 statements, about
// 1.1 s of the 2.3 s command.
func (rd *Reader) SubjectQuads(subjects []quad.Value, label quad.Value, preds []quad.Value) ([]quad.Quad, error) {
	if rd.err != nil {
		return nil, rd.err
	}
	known := byHash{}
	var hashes [][]byte
	for _, s := range subjects {
		if h := hashOf(s); known[string(h)] == nil {
			known[string(h)] = s
			hashes = append(hashes, h)
		}
	}
	if len(hashes) == 0 {
		return nil, nil
	}
	where := []string{`subject_hash = ANY($1)`}
	args := []any{rd.array(hashes)}
	if label != nil {
		args = append(args, hashOf(label))
		where = append(where, fmt.Sprintf(`label_hash = $%d`, len(args)))
	}
	if preds != nil {
		ph := make([][]byte, len(preds))
		for i, p := range preds {
			ph[i] = hashOf(p)
		}
		args = append(args, rd.array(ph))
		where = append(where, fmt.Sprintf(`predicate_hash = ANY($%d)`, len(args)))
	}
	found, err := rd.hashedQuads(strings.Join(where, " AND "), true, args...)
	if err != nil {
		return nil, err
	}
	if err := rd.readValuesOf(found, known); err != nil {
		return nil, err
	}
	bySubject := map[string][]quad.Quad{}
	for _, r := range found {
		q := quad.Quad{Subject: known[r.s], Predicate: rd.values[r.p], Object: rd.values[r.o], Label: rd.values[r.l]}
		if q.Subject == nil {
			return nil, fmt.Errorf("read store: a quad of a subject not asked for (hash %x)", r.s)
		}
		bySubject[r.s] = append(bySubject[r.s], q)
	}
	out := make([]quad.Quad, 0, len(found))
	for _, h := range hashes {
		out = append(out, bySubject[string(h)]...)
	}
	return out, nil
}
