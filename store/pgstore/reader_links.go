package pgstore

import (
	"bytes"
	"database/sql"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// Preload reads what the link index lists under each of items with one query, for the
// link methods to answer from.
func (rd *Reader) Preload(items []quad.IRI) error {
	if !rd.links {
		return nil
	}
	var todo []string
	for _, it := range items {
		if _, ok := rd.cached[string(it)]; !ok {
			todo = append(todo, string(it))
			rd.cached[string(it)] = &itemEntries{}
		}
	}
	if len(todo) == 0 {
		return nil
	}
	rows, err := rd.query(`SELECT item, at, mid, other FROM factgraph_links WHERE item = ANY($1) ORDER BY item, at, mid, other, source`, pq.Array(todo))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return rd.scanEntries(rows, func(item string) *itemEntries { return rd.cached[item] })
}

// scanEntries reads rows of item, end, middle and other end, in key order, into the
// entries of their items, each link once whatever the number of sources that state it.
func (rd *Reader) scanEntries(rows *sql.Rows, of func(item string) *itemEntries) error {
	defer rows.Close()
	// Raw bytes, interned: a hub's links are tens of thousands of rows of a few texts.
	var item, at, mid, other sql.RawBytes
	var last [4][]byte
	var e *itemEntries
	for rows.Next() {
		if err := rows.Scan(&item, &at, &mid, &other); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		if bytes.Equal(item, last[0]) && bytes.Equal(at, last[1]) && bytes.Equal(mid, last[2]) && bytes.Equal(other, last[3]) {
			continue
		}
		if !bytes.Equal(item, last[0]) {
			e = of(rd.internBytes(item))
		}
		last = [4][]byte{append(last[0][:0], item...), append(last[1][:0], at...), append(last[2][:0], mid...), append(last[3][:0], other...)}
		if e == nil || len(at) == 0 {
			continue
		}
		switch at[0] {
		case model.LinkKind:
			if e.kind == "" {
				e.kind = rd.internBytes(mid)
			}
		case model.LinkDate:
			if e.date == "" {
				e.date = string(mid)
			}
		case model.LinkOut, model.LinkIn:
			e.ends = append(e.ends, model.LinkEnd{Pred: rd.internBytes(mid), Other: rd.internBytes(other), Out: at[0] == model.LinkOut})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// internBytes is intern for the text b, without a copy of it when the text is known.
func (rd *Reader) internBytes(b []byte) string {
	if t, ok := rd.strs[string(b)]; ok {
		return t
	}
	t := string(b)
	rd.strs[t] = t
	return t
}

// entries returns what the link index lists under item, read once.
func (rd *Reader) entries(item quad.IRI) *itemEntries {
	if e, ok := rd.cached[string(item)]; ok {
		return e
	}
	e := &itemEntries{}
	if !rd.links || rd.err != nil {
		return e
	}
	rows, err := rd.query(`SELECT item, at, mid, other FROM factgraph_links WHERE item = $1 ORDER BY at, mid, other, source`, string(item))
	if err == nil {
		err = rd.scanEntries(rows, func(string) *itemEntries { return e })
	}
	if err != nil {
		rd.fail(err)
		return &itemEntries{}
	}
	rd.cached[string(item)] = e
	return e
}

// ItemLinks returns what the link index lists under item: the ends of its links, the
// kind one source gives it and its date ("" for none).
func (rd *Reader) ItemLinks(item quad.IRI) (ends []model.LinkEnd, kind, date string) {
	e := rd.entries(item)
	return e.ends, e.kind, e.date
}

// Incoming returns the ends of the links to item whose predicate is one of preds (every
// link when preds is nil), from the link index.
func (rd *Reader) Incoming(item quad.IRI, preds []quad.IRI) []model.LinkEnd {
	if _, ok := rd.cached[string(item)]; !ok && rd.links && rd.err == nil {
		return rd.incoming(item, preds)
	}
	var out []model.LinkEnd
	for _, e := range rd.entries(item).ends {
		if e.Out {
			continue
		}
		if preds != nil && !containsIRI(preds, e.Pred) {
			continue
		}
		out = append(out, model.LinkEnd{Pred: e.Pred, Other: e.Other})
	}
	return out
}

// incoming is Incoming from the entries of links to item alone, of the predicates preds:
// a party that thousands of items name as bearer has thousands of other entries.
func (rd *Reader) incoming(item quad.IRI, preds []quad.IRI) []model.LinkEnd {
	q := `SELECT DISTINCT mid, other FROM factgraph_links WHERE item = $1 AND at = $2 ORDER BY mid, other`
	args := []any{string(item), string(rune(model.LinkIn))}
	if preds != nil {
		q = `SELECT DISTINCT mid, other FROM factgraph_links WHERE item = $1 AND at = $2 AND mid = ANY($3) ORDER BY mid, other`
		ps := make([]string, len(preds))
		for i, p := range preds {
			ps[i] = string(p)
		}
		args = append(args, pq.Array(ps))
	}
	rows, err := rd.query(q, args...)
	if err != nil {
		rd.fail(err)
		return nil
	}
	defer rows.Close()
	var out []model.LinkEnd
	var mid, other sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&mid, &other); err != nil {
			rd.fail(err)
			return nil
		}
		out = append(out, model.LinkEnd{Pred: rd.internBytes(mid), Other: rd.internBytes(other)})
	}
	if err := rows.Err(); err != nil {
		rd.fail(err)
		return nil
	}
	return out
}

func containsIRI(list []quad.IRI, s string) bool {
	for _, p := range list {
		if string(p) == s {
			return true
		}
	}
	return false
}

// Kind returns the kind one source gives item, from the link index; "" for none.
func (rd *Reader) Kind(item quad.IRI) string {
	if e, ok := rd.cached[string(item)]; ok {
		return e.kind
	}
	if k, ok := rd.kinds[string(item)]; ok {
		return k
	}
	return rd.entries(item).kind
}

// PreloadKinds reads the kinds of items from the link index with one query, for Kind to
// answer from: only their kind entries, the first of each in key order, as entries finds
// it. A party that thousands of items name has thousands of entries beside its kind.
func (rd *Reader) PreloadKinds(items []quad.IRI) error {
	if !rd.links {
		return nil
	}
	var todo []string
	for _, it := range items {
		if _, ok := rd.cached[string(it)]; ok {
			continue
		}
		if _, ok := rd.kinds[string(it)]; !ok {
			todo = append(todo, string(it))
			rd.kinds[string(it)] = ""
		}
	}
	if len(todo) == 0 {
		return nil
	}
	// The first kind entry of each on its own, through the index: a party has one for
	// each of the thousands of sources that state it.
	rows, err := rd.query(`SELECT i.item, k.mid FROM unnest($1::text[]) AS i(item)
		CROSS JOIN LATERAL (SELECT mid FROM factgraph_links
			WHERE item = i.item AND at = $2 ORDER BY mid, other, source LIMIT 1) k`, pq.Array(todo), string(rune(model.LinkKind)))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	var item, mid sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&item, &mid); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		rd.kinds[rd.internBytes(item)] = rd.internBytes(mid)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// FirstLinked returns the item that item refers to through the field p, from the link
// index; "" for none.
func (rd *Reader) FirstLinked(item, p quad.IRI) string {
	for _, e := range rd.entries(item).ends {
		if e.Out && e.Pred == string(p) {
			return e.Other
		}
	}
	return ""
}

// IgnoreLinks makes the Reader do without factgraph's indexes, as if they did not cover
// the store.
func (rd *Reader) IgnoreLinks() {
	rd.links, rd.cached, rd.kinds = false, map[string]*itemEntries{}, map[string]string{}
}
