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
	todo := rd.unread(iris)
	for _, item := range todo {
		rd.items[quad.IRI(item)] = nil
	}
	if len(todo) == 0 {
		return nil
	}
	rows, err := rd.query(itemsQuery, rd.array(todo))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	p := rd.newItemRowParser()
	var item, source, text string
	for rows.Next() {
		if err := rows.Scan(&item, &source, &text); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		if err := p.add(item, source, text); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return p.done()
}

// oneSourceQuery reads at most two rows of the item table for each item of the array $1:
// one row is the whole item, two say that more than one source states it.
const oneSourceQuery = `SELECT i.item, t.source, t.quads FROM unnest($1::text[]) AS i(item)
	CROSS JOIN LATERAL (SELECT source, quads FROM factgraph_items t WHERE t.item = i.item LIMIT 2) t`

// readOneSource reads from the item table, in one statement, the quads of each of the
// subjects iris that the Reader has not read and that one source states (or none), as
// readItems does; it returns the others, which more than one source states: a party that
// thousands of articles state is thousands of rows.
func (rd *Reader) readOneSource(iris []quad.IRI) (many []quad.IRI, err error) {
	todo := rd.unread(iris)
	if len(todo) == 0 {
		return nil, nil
	}
	rows, err := rd.query(oneSourceQuery, rd.array(todo))
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	type row struct{ source, text string }
	got := map[string][]row{}
	for rows.Next() {
		var item string
		var r row
		if err := rows.Scan(&item, &r.source, &r.text); err != nil {
			return nil, fmt.Errorf("read store: %w", err)
		}
		got[item] = append(got[item], r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	p := rd.newItemRowParser()
	for _, item := range todo {
		rs := got[item]
		if len(rs) > 1 {
			many = append(many, quad.IRI(item))
			continue
		}
		rd.items[quad.IRI(item)] = nil // no quads of a source, or one source's: read
		for _, r := range rs {
			if err := p.add(item, r.source, r.text); err != nil {
				return nil, err
			}
		}
	}
	return many, p.done()
}

// unread returns the subjects of iris whose quads the Reader has not read, each once.
func (rd *Reader) unread(iris []quad.IRI) []string {
	todo := make([]string, 0, len(iris))
	asked := make(map[quad.IRI]bool, len(iris))
	for _, iri := range iris {
		if _, ok := rd.items[iri]; !ok && !asked[iri] {
			todo = append(todo, string(iri))
			asked[iri] = true
		}
	}
	return todo
}

// itemRowParser makes rows of the item table into the quads of their items, for the
// Reader's items: add each row, then done.
type itemRowParser struct {
	rd     *Reader
	by     map[quad.IRI][]numberedItemQuad
	labels map[string]quad.IRI
	// hashed are the values the rows give by hash (H), to be read and put in their places.
	hashed []hashedItemValue
}

// numberedItemQuad is a quad of an item row and its number.
type numberedItemQuad struct {
	q quad.Quad
	n int64
}

// hashedItemValue is a value an item row gives by its hash: the item, the index of its
// quad, and the quad's direction that holds it.
type hashedItemValue struct {
	item quad.IRI
	at   int
	dir  quad.Direction
	hash string
}

func (rd *Reader) newItemRowParser() *itemRowParser {
	return &itemRowParser{rd: rd, by: map[quad.IRI][]numberedItemQuad{}, labels: map[string]quad.IRI{}}
}

// add reads the row of item and source whose lines are text.
func (p *itemRowParser) add(item, source, text string) error {
	label, ok := p.labels[source]
	if !ok {
		label = quad.IRI(model.SourcePrefix + source)
		p.labels[source] = label
	}
	subject := quad.IRI(p.rd.intern(item))
	qs := p.by[subject]
	for rest := text; len(rest) > 0; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		num, pred, obj, err := splitItemLine(line)
		if err != nil {
			return fmt.Errorf("read store: the item table's row of %q and %q: %w", item, source, err)
		}
		q := quad.Quad{Subject: subject, Label: label}
		var ph, oh string
		if q.Predicate, ph, err = itemValue(pred, p.rd.intern); err == nil {
			q.Object, oh, err = itemValue(obj, p.rd.intern)
		}
		if err != nil {
			return fmt.Errorf("read store: the item table's row of %q and %q: %w", item, source, err)
		}
		if ph != "" {
			p.hashed = append(p.hashed, hashedItemValue{subject, len(qs), quad.Predicate, ph})
		}
		if oh != "" {
			p.hashed = append(p.hashed, hashedItemValue{subject, len(qs), quad.Object, oh})
		}
		qs = append(qs, numberedItemQuad{q, num})
	}
	p.by[subject] = qs
	return nil
}

// done reads the values given by hash and puts each item's quads, in the order of their
// numbers, into the Reader's items.
func (p *itemRowParser) done() error {
	rd := p.rd
	if len(p.hashed) > 0 {
		need := map[string]bool{}
		for _, h := range p.hashed {
			if _, ok := rd.values[h.hash]; !ok {
				need[h.hash] = true
			}
		}
		if err := rd.readValues(need); err != nil {
			return err
		}
		for _, h := range p.hashed {
			p.by[h.item][h.at].q.Set(h.dir, rd.values[h.hash])
		}
	}
	for subject, ns := range p.by {
		slices.SortFunc(ns, func(a, b numberedItemQuad) int { return cmp.Compare(a.n, b.n) })
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
