package pgstore

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// itemsQuery reads the rows of the item table (items.go) of the items of the array $1, in
// no order: an item is one descent of the table's index and its rows, where its quads
// and their values were one descent of the subject index of the quads and one of the
// nodes' key for each value not read yet. The hub's 1,588 obligations at 10,000 articles:
// 9.9 and 10.1 ms in the server's log of two whole commands, where their quads took 27
// and 40 ms and their values 19 (docs/postgres-queries.md, "The item table").
const itemsQuery = `SELECT item, source, quads FROM factgraph_items WHERE item = ANY($1)`

// readItems reads the quads of the subjects iris that the Reader has not read from the item
// table, for Quads, ItemQuads and QuadsWith to answer from: each subject's quads in the
// order of their numbers, as hashedQuads gives them.
func (rd *Reader) readItems(iris []quad.IRI) error {
	todo := make([]string, 0, len(iris))
	for _, iri := range iris {
		if _, ok := rd.items[iri]; !ok {
			todo = append(todo, string(iri))
			rd.items[iri] = nil
		}
	}
	if len(todo) == 0 {
		return nil
	}
	rows, err := rd.query(itemsQuery, rd.array(todo))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	type numbered struct {
		q quad.Quad
		n int64
	}
	by := map[quad.IRI][]numbered{}
	labels := map[string]quad.IRI{}
	// Values the table gives by hash (H), to be read and put in their places.
	type later struct {
		item quad.IRI
		at   int
		dir  quad.Direction
		hash string
	}
	var hashed []later
	var item, source, text string
	for rows.Next() {
		if err := rows.Scan(&item, &source, &text); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		label, ok := labels[source]
		if !ok {
			label = quad.IRI(model.SourcePrefix + source)
			labels[source] = label
		}
		subject := quad.IRI(rd.intern(item))
		qs := by[subject]
		for rest := text; len(rest) > 0; {
			var line string
			line, rest, _ = strings.Cut(rest, "\n")
			num, pred, obj, err := splitItemLine(line)
			if err != nil {
				return fmt.Errorf("read store: the item table's row of %q and %q: %w", item, source, err)
			}
			q := quad.Quad{Subject: subject, Label: label}
			var ph, oh string
			if q.Predicate, ph, err = itemValue(pred, rd.intern); err == nil {
				q.Object, oh, err = itemValue(obj, rd.intern)
			}
			if err != nil {
				return fmt.Errorf("read store: the item table's row of %q and %q: %w", item, source, err)
			}
			if ph != "" {
				hashed = append(hashed, later{subject, len(qs), quad.Predicate, ph})
			}
			if oh != "" {
				hashed = append(hashed, later{subject, len(qs), quad.Object, oh})
			}
			qs = append(qs, numbered{q, num})
		}
		by[subject] = qs
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	if len(hashed) > 0 {
		need := map[string]bool{}
		for _, h := range hashed {
			if _, ok := rd.values[h.hash]; !ok {
				need[h.hash] = true
			}
		}
		if err := rd.readValues(need); err != nil {
			return err
		}
		for _, h := range hashed {
			by[h.item][h.at].q.Set(h.dir, rd.values[h.hash])
		}
	}
	for subject, ns := range by {
		slices.SortFunc(ns, func(a, b numbered) int { return cmp.Compare(a.n, b.n) })
		qs := make([]quad.Quad, len(ns))
		for i, x := range ns {
			qs[i] = x.q
		}
		rd.items[subject] = qs
	}
	return nil
}

// splitItemLine returns the number, predicate and object of a line of the item table.
func splitItemLine(line string) (n int64, pred, obj string, err error) {
	num, rest, ok := strings.Cut(line, "\t")
	pred, obj, ok2 := strings.Cut(rest, "\t")
	if !ok || !ok2 {
		return 0, "", "", fmt.Errorf("a line that is not a number, a predicate and an object: %q", line)
	}
	if n, err = strconv.ParseInt(num, 10, 64); err != nil {
		return 0, "", "", fmt.Errorf("a line whose number is not one: %q", line)
	}
	return n, pred, obj, nil
}
