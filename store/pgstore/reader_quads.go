package pgstore

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// The columns of a value in a query of quads joined with their nodes.
const valueCols = `%[1]s.value, %[1]s.value_string, %[1]s.datatype, %[1]s.language, %[1]s.iri, %[1]s.bnode,
	%[1]s.value_int, %[1]s.value_bool, %[1]s.value_float, %[1]s.value_time`

// quadsQuery is the query of the quads with a source's label whose columns where names,
// with the values of their predicates, objects and labels, their subjects' hashes (the
// caller names the subjects: where picks them by hash, and scanQuads takes the hashes
// back to the values it was given) and their numbers, ordered by order.
func quadsQuery(where, order string) string {
	return `SELECT q.subject_hash, ` + fmt.Sprintf(valueCols, "p") + `, ` + fmt.Sprintf(valueCols, "o") +
		`, l.value_string, q.horizon
	FROM quads q JOIN nodes p ON p.hash = q.predicate_hash
		JOIN nodes o ON o.hash = q.object_hash JOIN nodes l ON l.hash = q.label_hash
	WHERE ` + where + ` AND l.iri AND l.value_string LIKE 'source/%' ORDER BY ` + order
}

// byHash maps the hashes of values to the values, for the subjects of the rows of a
// query by subject.
type byHash map[string]quad.Value

// add adds v, and returns its hash.
func (m byHash) add(v quad.Value) []byte {
	h := hashOf(v)
	m[string(h)] = v
	return h
}

// scanQuads reads rows of a subject's hash, a predicate's and an object's value columns,
// a label and a number, as quadsQuery's, and calls fn with the quad and its number;
// subjects are the values of the subjects by hash.
func scanQuads(rows *sql.Rows, subjects byHash, fn func(q quad.Quad, horizon int64)) error {
	defer rows.Close()
	var p, o valueColumns
	var label string
	var horizon int64
	var subject sql.RawBytes
	dest := o.dest(p.dest([]any{&subject}))
	dest = append(dest, &label, &horizon)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		q := quad.Quad{Subject: subjects[string(subject)], Label: quad.IRI(label)}
		if q.Subject == nil {
			return fmt.Errorf("a quad of a subject not asked for (hash %x)", []byte(subject))
		}
		var err error
		if q.Predicate, err = p.value(); err != nil {
			return err
		}
		if q.Object, err = o.value(); err != nil {
			return err
		}
		fn(q, horizon)
	}
	return rows.Err()
}

func hashOf(v quad.Value) []byte { return csql.HashOf(v).SQLValue().([]byte) }

// Quads returns the quads with a source's label that have the values lead in the
// directions dirs, through Cayley's indexes; ok is false when no index starts with dirs.
func (rd *Reader) Quads(dirs []quad.Direction, lead ...quad.Value) (out []quad.Quad, ok bool, err error) {
	if ok, _ := rd.HasIndex(dirs...); !ok || len(dirs) != len(lead) {
		return nil, false, nil
	}
	if len(dirs) == 1 && dirs[0] == quad.Subject {
		if iri, ok := lead[0].(quad.IRI); ok {
			if rd.links {
				// From the item table, in one statement.
				if err := rd.readItems([]quad.IRI{iri}); err != nil {
					return nil, true, err
				}
			}
			if qs, ok := rd.items[iri]; ok {
				return qs, true, nil
			}
		}
	}
	var where []string
	args := make([]any, len(lead))
	var known byHash
	for i, d := range dirs {
		where = append(where, fmt.Sprintf("%s_hash = $%d", d, i+1))
		if d == quad.Subject {
			known = byHash{}
			args[i] = known.add(lead[i])
		} else {
			args[i] = hashOf(lead[i])
		}
	}
	found, err := rd.hashedQuads(strings.Join(where, " AND ")+` AND label_hash IS NOT NULL`, true, args...)
	if err != nil {
		return nil, true, err
	}
	if err := rd.resolve(found, known, func(q quad.Quad, _ int64) { out = append(out, q) }); err != nil {
		return nil, true, err
	}
	return out, true, rd.ctx.Err()
}

// PreloadItems reads the quads of the subjects iris, for Quads and ItemQuads to answer
// from: from the item table when factgraph's indexes cover the store (readItems), else
// from Cayley's tables as hashedQuads does.
func (rd *Reader) PreloadItems(iris []quad.IRI) error {
	if rd.links {
		return rd.readItems(iris)
	}
	hashes := make([][]byte, 0, len(iris))
	known := byHash{}
	for _, iri := range iris {
		if _, ok := rd.items[iri]; !ok {
			hashes = append(hashes, known.add(iri))
			rd.items[iri] = nil
		}
	}
	if len(hashes) == 0 {
		return nil
	}
	// Unordered, and each subject's quads put in order here: a sort of all of them would
	// keep the server from sending any row before it found the last.
	found, err := rd.hashedQuads(`subject_hash = ANY($1) AND label_hash IS NOT NULL`, false, rd.array(hashes))
	if err != nil {
		return err
	}
	// Each subject's quads in the order of their numbers, cut from one slice for all.
	bySubject(found, len(hashes))
	all := make([]quad.Quad, 0, len(found))
	from := 0
	var subject quad.IRI
	err = rd.resolve(found, known, func(q quad.Quad, _ int64) {
		iri := q.Subject.(quad.IRI)
		if iri != subject && len(all) > from {
			rd.items[subject] = all[from:len(all):len(all)]
			from = len(all)
		}
		subject = iri
		all = append(all, q)
	})
	if err != nil {
		return err
	}
	if len(all) > from {
		rd.items[subject] = all[from:len(all):len(all)]
	}
	return nil
}

// bySubject puts each subject's quads of found together, in the order of their numbers,
// the subjects in any order; subjects is how many there may be. A sort of all of them by
// subject and number took 6 to 7 ms of the client's time for the hub's 14,005 obligations'
// quads; this finds each quad's place in one pass, moves the quads there, and sorts each
// subject's few by number.
func bySubject(found []hashedQuad, subjects int) {
	next := make(map[string]int32, subjects) // where the next quad of a subject goes
	for _, r := range found {
		next[r.s]++
	}
	at := int32(0)
	for s, n := range next {
		next[s] = at
		at += n
	}
	place := make([]int32, len(found))
	for i, r := range found {
		place[i] = next[r.s]
		next[r.s]++
	}
	// Each quad to its place, following the cycles of the permutation.
	for i := range found {
		for place[i] != int32(i) {
			j := place[i]
			found[i], found[j] = found[j], found[i]
			place[i], place[j] = place[j], place[i]
		}
	}
	for from := 0; from < len(found); {
		to := from + 1
		for to < len(found) && found[to].s == found[from].s {
			to++
		}
		slices.SortFunc(found[from:to], func(a, b hashedQuad) int { return cmp.Compare(a.n, b.n) })
		from = to
	}
}

// hashedQuad is a quad as the hashes of its values, and its number (its horizon in Cayley's
// quads table).
type hashedQuad struct {
	s, p, o, l string
	n          int64
}

// hashedQuads reads the quads whose columns where names, as hashes (the label's "" for
// none), in the order of their numbers when ordered; resolve turns them into quads. What it
// returns is overwritten by its next call. Their values come in a
// second query, each value once, and only those the Reader has not read yet (readValues):
// the hub's 1,588 obligations are 14,005 quads of 2,730 distinct objects and 801 labels.
// Joined with their values in the query of the quads, the server looked each quad's
// predicate, object and label up (54 to 58 ms) and sent 31 columns a row.
func (rd *Reader) hashedQuads(where string, ordered bool, args ...any) ([]hashedQuad, error) {
	q := `SELECT subject_hash, predicate_hash, object_hash, label_hash, horizon FROM quads
		WHERE ` + where
	if ordered {
		q += ` ORDER BY horizon`
	}
	rows, err := rd.query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	// One buffer for the rows of every call (the hub's obligations are 14,005): what a
	// caller is given is good until its next call.
	found := rd.found[:0]
	defer func() { rd.found = found[:0] }()
	var h [4]sql.RawBytes
	var n int64
	for rows.Next() {
		if err := rows.Scan(&h[0], &h[1], &h[2], &h[3], &n); err != nil {
			return nil, fmt.Errorf("read store: %w", err)
		}
		found = append(found, hashedQuad{s: rd.internBytes(h[0]), p: rd.internBytes(h[1]), o: rd.internBytes(h[2]), l: rd.internBytes(h[3]), n: n})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	return found, nil
}

// resolve calls fn, in order, with each quad of found that has a source's label, its
// values read (readValues), and its number; subjects are the values of the subjects by
// hash, nil to read them as the other values.
func (rd *Reader) resolve(found []hashedQuad, subjects byHash, fn func(q quad.Quad, n int64)) error {
	if err := rd.readValuesOf(found, subjects); err != nil {
		return err
	}
	for _, r := range found {
		label, ok := rd.values[r.l].(quad.IRI)
		if !ok || !strings.HasPrefix(string(label), model.SourcePrefix) {
			continue // not a source's quad
		}
		var s quad.Value
		if subjects != nil {
			if s, ok = subjects[r.s]; !ok {
				return fmt.Errorf("read store: a quad of a subject not asked for (hash %x)", r.s)
			}
		} else {
			s = rd.values[r.s]
		}
		fn(quad.Quad{Subject: s, Predicate: rd.values[r.p], Object: rd.values[r.o], Label: label}, r.n)
	}
	return nil
}

// readValuesOf reads the values of found that the Reader has not read (readValues): their
// subjects' too, unless subjects holds them.
func (rd *Reader) readValuesOf(found []hashedQuad, subjects byHash) error {
	need := map[string]bool{}
	for _, r := range found {
		for i, h := range [...]string{r.s, r.p, r.o, r.l} {
			if i == 0 && subjects != nil || h == "" {
				continue
			}
			if _, ok := rd.values[h]; !ok {
				need[h] = true
			}
		}
	}
	return rd.readValues(need)
}

// readValues reads the values of the hashes need from the nodes table into rd.values, in
// one query.
func (rd *Reader) readValues(need map[string]bool) error {
	if len(need) == 0 {
		return nil
	}
	hashes := make([][]byte, 0, len(need))
	for h := range need {
		hashes = append(hashes, []byte(h))
	}
	rows, err := rd.query(`SELECT hash, `+fmt.Sprintf(valueCols, "n")+` FROM nodes n WHERE hash = ANY($1)`, rd.array(hashes))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	var hash sql.RawBytes
	var c valueColumns
	dest := c.dest([]any{&hash})
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		v, err := c.value()
		if err != nil {
			return fmt.Errorf("read store: value %x: %w", []byte(hash), err)
		}
		rd.values[string(hash)] = v
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	for h := range need {
		if _, ok := rd.values[h]; !ok {
			return fmt.Errorf("read store: a quad names value %x, which the store does not hold; the store is damaged", h)
		}
	}
	return nil
}

// LinkQuads returns the quads with a source's label whose subject (out) or object (in) is
// v and whose predicate is a reference field or a relation type.
func (rd *Reader) LinkQuads(v quad.Value) (out, in []quad.Quad, ok bool, err error) {
	keep := func(q quad.Quad) bool {
		p, _ := q.Predicate.(quad.IRI)
		return model.IsRef(p) || model.IsRelationType(p)
	}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		qs, _, err := rd.Quads([]quad.Direction{d}, v)
		if err != nil {
			return nil, nil, true, err
		}
		for _, q := range qs {
			if !keep(q) {
				continue
			}
			if d == quad.Subject {
				out = append(out, q)
			} else {
				in = append(in, q)
			}
		}
	}
	return out, in, true, nil
}
