package pgstore

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
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
		if _, ok := known[string(hashOf(s))]; !ok {
			hashes = append(hashes, known.add(s))
		}
	}
	if len(hashes) == 0 {
		return nil, nil
	}
	where := []string{`subject_hash = ANY($1)`}
	args := []any{pq.Array(hashes)}
	if label != nil {
		args = append(args, hashOf(label))
		where = append(where, fmt.Sprintf(`label_hash = $%d`, len(args)))
	}
	if preds != nil {
		ph := make([][]byte, len(preds))
		for i, p := range preds {
			ph[i] = hashOf(p)
		}
		args = append(args, pq.Array(ph))
		where = append(where, fmt.Sprintf(`predicate_hash = ANY($%d)`, len(args)))
	}
	rows, err := rd.query(`SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads
		WHERE `+strings.Join(where, " AND ")+` ORDER BY horizon`, args...)
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	var found []hashedQuad
	need := map[string]bool{}
	var h [4]sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&h[0], &h[1], &h[2], &h[3]); err != nil {
			return nil, fmt.Errorf("read store: %w", err)
		}
		r := hashedQuad{s: rd.internBytes(h[0]), p: rd.internBytes(h[1]), o: rd.internBytes(h[2])}
		if h[3] != nil {
			r.l = rd.internBytes(h[3])
		}
		for _, v := range [...]string{r.p, r.o, r.l} {
			if _, ok := rd.values[v]; !ok && v != "" {
				need[v] = true
			}
		}
		found = append(found, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	rows.Close()
	if err := rd.readValues(need); err != nil {
		return nil, err
	}
	bySubject := map[string][]quad.Quad{}
	for _, r := range found {
		q := quad.Quad{Subject: known[r.s], Predicate: rd.values[r.p], Object: rd.values[r.o]}
		if q.Subject == nil {
			return nil, fmt.Errorf("read store: a quad of a subject not asked for (hash %x)", r.s)
		}
		if r.l != "" {
			q.Label = rd.values[r.l]
		}
		bySubject[r.s] = append(bySubject[r.s], q)
	}
	out := make([]quad.Quad, 0, len(found))
	for _, h := range hashes {
		out = append(out, bySubject[string(h)]...)
	}
	return out, nil
}
