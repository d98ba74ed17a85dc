package pgstore

import (
	"database/sql"
	"fmt"

	"github.com/cayleygraph/quad"
)

// PreloadFirst reads the first object of each of subjects with each of preds that has a
// source's label, for First to answer from: where factgraph's tables cover the store, the
// subjects one source states whole from the item table in one query, and the others'
// first objects in one more.
func (rd *Reader) PreloadFirst(subjects []quad.IRI, preds []quad.IRI) error {
	if rd.links {
		// The items one source states whole from the item table, a descent of its index
		// each, where the first objects are a descent of the subject-predicate index for
		// each item and predicate: of the 344 items a path between two commentators
		// names at 10,000 articles, the 330 one source states took 5.8 to 6.3 ms of the
		// server's time and the 14 others 3.4 to 3.8, against 31 to 33 ms for all of
		// them, in a new server process (docs/postgres-queries.md).
		many, err := rd.readOneSource(subjects)
		if err != nil {
			return err
		}
		subjects = many
	}
	var hs, ps [][]byte
	known := byHash{}
	for _, s := range subjects {
		if _, ok := rd.items[s]; ok {
			continue
		}
		if _, ok := known[string(hashOf(s))]; ok {
			continue // asked twice
		}
		if rd.hasFirsts(s, preds) {
			continue // read ahead before
		}
		hs = append(hs, known.add(s))
		for _, p := range preds {
			rd.firsts[[2]quad.Value{s, p}] = nil
		}
	}
	if len(hs) == 0 {
		return nil
	}
	for _, p := range preds {
		ps = append(ps, hashOf(p))
	}
	// The first quad of each pair on its own, through the subject-predicate index: a
	// party that thousands of sources name has thousands of quads of its name.
	q := `SELECT q.subject_hash, ` + fmt.Sprintf(valueCols, "p") + `, ` + fmt.Sprintf(valueCols, "o") + `, q.label, q.horizon
	FROM unnest($1::bytea[]) AS sh(h) CROSS JOIN unnest($2::bytea[]) AS ph(h)
	CROSS JOIN LATERAL (SELECT q.subject_hash, q.predicate_hash, q.object_hash, l.value_string AS label, q.horizon
		FROM quads q JOIN nodes l ON l.hash = q.label_hash
		WHERE q.subject_hash = sh.h AND q.predicate_hash = ph.h AND l.iri AND l.value_string LIKE 'source/%'
		ORDER BY q.object_hash LIMIT 1) q
	JOIN nodes p ON p.hash = q.predicate_hash JOIN nodes o ON o.hash = q.object_hash`
	rows, err := rd.query(q, rd.array(hs), rd.array(ps))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	err = scanQuads(rows, known, func(q quad.Quad, _ int64) { rd.firsts[[2]quad.Value{q.Subject, q.Predicate}] = q.Object })
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// hasFirsts says whether the first objects of s with each of preds were read ahead.
func (rd *Reader) hasFirsts(s quad.IRI, preds []quad.IRI) bool {
	for _, p := range preds {
		if _, ok := rd.firsts[[2]quad.Value{s, p}]; !ok {
			return false
		}
	}
	return true
}

// First returns the object of a quad of subject s and predicate p with a source's label
// (the one whose object has the lowest hash, which the subject-predicate-object index
// finds first: in the order of the quads' numbers, PostgreSQL would walk the table), nil
// when there is none.
func (rd *Reader) First(s, p quad.Value) (quad.Value, bool, error) {
	if v, ok := rd.firsts[[2]quad.Value{s, p}]; ok {
		return v, true, nil
	}
	if qs, ok := rd.items[s.(quad.IRI)]; ok {
		for _, q := range qs {
			if q.Predicate == p {
				return q.Object, true, nil
			}
		}
		return nil, true, nil
	}
	q := quadsQuery(`q.subject_hash = $1 AND q.predicate_hash = $2`, `q.object_hash LIMIT 1`)
	known := byHash{}
	rows, err := rd.query(q, known.add(s), hashOf(p))
	if err != nil {
		return nil, true, fmt.Errorf("read store: %w", err)
	}
	var found quad.Value
	if err := scanQuads(rows, known, func(q quad.Quad, _ int64) { found = q.Object }); err != nil {
		return nil, true, fmt.Errorf("read store: %w", err)
	}
	return found, true, nil
}

// Objects returns the objects of the quads of subject s and predicate p that have a
// source's label, each once, in no order: the aliases of a party that a thousand sources
// state are a thousand quads of a few values, and each value's labels are looked at until
// one is a source's.
func (rd *Reader) Objects(s, p quad.Value) ([]quad.Value, error) {
	key := [2]quad.Value{s, p}
	if vs, ok := rd.objects[key]; ok {
		return vs, nil
	}
	if err := rd.readObjects([]quad.Value{s}, p); err != nil {
		return nil, err
	}
	return rd.objects[key], nil
}

// PreloadObjects reads the objects of each of subjects with predicate p, as Objects does,
// in one query, for Objects to answer from: the aliases of hundreds of parties.
func (rd *Reader) PreloadObjects(subjects []quad.IRI, p quad.IRI) error {
	vs := make([]quad.Value, len(subjects))
	for i, s := range subjects {
		vs[i] = s
	}
	return rd.readObjects(vs, p)
}

// readObjects reads the objects of each of subjects with predicate p that the Reader has
// not read yet into objects, each value once, with one query.
func (rd *Reader) readObjects(subjects []quad.Value, p quad.Value) error {
	known := byHash{}
	var hs [][]byte
	for _, s := range subjects {
		if _, ok := rd.objects[[2]quad.Value{s, p}]; ok {
			continue
		}
		if h := hashOf(s); known[string(h)] == nil {
			known[string(h)] = s
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		return nil
	}
	q := `SELECT d.subject_hash, ` + fmt.Sprintf(valueCols, "o") + `
	FROM (SELECT DISTINCT subject_hash, object_hash FROM quads WHERE subject_hash = ANY($1) AND predicate_hash = $2) d
	JOIN nodes o ON o.hash = d.object_hash
	WHERE EXISTS (SELECT 1 FROM quads q JOIN nodes l ON l.hash = q.label_hash
		WHERE q.subject_hash = d.subject_hash AND q.predicate_hash = $2 AND q.object_hash = d.object_hash
			AND l.iri AND l.value_string LIKE 'source/%')`
	rows, err := rd.query(q, rd.array(hs), hashOf(p))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	got := map[string][]quad.Value{} // by subject hash
	var subject sql.RawBytes
	var c valueColumns
	dest := c.dest([]any{&subject})
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		v, err := c.value()
		if err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		if _, ok := known[string(subject)]; !ok {
			return fmt.Errorf("read store: an object of a subject not asked for (hash %x)", []byte(subject))
		}
		got[string(subject)] = append(got[string(subject)], v)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	for h, s := range known {
		rd.objects[[2]quad.Value{s, p}] = got[h] // nil for none
	}
	return nil
}
