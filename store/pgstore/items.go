package pgstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// The item table (factgraph_items, itemsSQL): a row for each item and source, holding the
// quads with that source's label whose subject is the item, with their values, so that a
// Reader reads an item in one descent of an index instead of one for its quads and one for
// each of their values (reader_items.go). A row's text is a line a quad, in the order of
// their numbers (Cayley's horizon, which orders an item's quads across its rows):
//
//	number TAB predicate TAB object
//
// each value a letter and its text: I an IRI, S a string, T a typed string (its type, a
// tab, its text), L a string in a language (the language, a tab, its text), B a blank
// node, and H the hash of any other value in hex, which a Reader looks up in Cayley's
// nodes. A backslash, tab, newline or NUL in a text is written \\, \t, \n or \0.

// itemKey is a row's key: the item and the source.
type itemKey struct{ item, source string }

// appendItemLine appends the line of the quad numbered n with the predicate p and the
// object o to the row b, after a newline when b holds a line already.
func appendItemLine(b []byte, n int64, p, o quad.Value) []byte {
	if len(b) > 0 {
		b = append(b, '\n')
	}
	b = strconv.AppendInt(b, n, 10)
	b = append(b, '\t')
	b = appendItemValue(b, p)
	b = append(b, '\t')
	return appendItemValue(b, o)
}

// appendItemValue appends v to b as the lines of the item table give a value.
func appendItemValue(b []byte, v quad.Value) []byte {
	switch v := v.(type) {
	case quad.IRI:
		return appendItemText(append(b, 'I'), string(v))
	case quad.String:
		return appendItemText(append(b, 'S'), string(v))
	case quad.TypedString:
		b = appendItemText(append(b, 'T'), string(v.Type))
		return appendItemText(append(b, '\t'), string(v.Value))
	case quad.LangString:
		b = appendItemText(append(b, 'L'), v.Lang)
		return appendItemText(append(b, '\t'), string(v.Value))
	case quad.BNode:
		return appendItemText(append(b, 'B'), string(v))
	}
	return hex.AppendEncode(append(b, 'H'), hashOf(v))
}

func appendItemText(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b = append(b, `\\`...)
		case '\t':
			b = append(b, `\t`...)
		case '\n':
			b = append(b, `\n`...)
		case 0:
			b = append(b, `\0`...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// itemText is the text s of a line of the item table, its escapes undone.
func itemText(s string) (string, error) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' {
			if i++; i == len(s) {
				return "", errors.New("a text ends in a backslash")
			}
			switch s[i] {
			case '\\':
			case 't':
				c = '\t'
			case 'n':
				c = '\n'
			case '0':
				c = 0
			default:
				return "", fmt.Errorf("an unknown escape \\%c", s[i])
			}
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

// itemValue reads a value of a line of the item table; for H, the hash to look up, and a
// nil value.
func itemValue(s string, intern func(string) string) (v quad.Value, hash string, err error) {
	if s == "" {
		return nil, "", errors.New("an empty value")
	}
	two := func() (a, b string, err error) {
		x, y, ok := strings.Cut(s[1:], "\t")
		if !ok {
			return "", "", fmt.Errorf("a value of kind %c without its text", s[0])
		}
		if a, err = itemText(x); err == nil {
			b, err = itemText(y)
		}
		return a, b, err
	}
	switch s[0] {
	case 'I':
		t, err := itemText(s[1:])
		return quad.IRI(intern(t)), "", err
	case 'S':
		t, err := itemText(s[1:])
		return quad.String(t), "", err
	case 'T':
		typ, t, err := two()
		return quad.TypedString{Value: quad.String(t), Type: quad.IRI(intern(typ))}, "", err
	case 'L':
		lang, t, err := two()
		return quad.LangString{Value: quad.String(t), Lang: intern(lang)}, "", err
	case 'B':
		t, err := itemText(s[1:])
		return quad.BNode(t), "", err
	case 'H':
		h, err := hex.DecodeString(s[1:])
		if err == nil && len(h) != len(hashKey{}) {
			err = fmt.Errorf("a hash of %d bytes", len(h))
		}
		return nil, string(h), err
	}
	return nil, "", fmt.Errorf("an unknown kind of value %q", s[0])
}

// asStored is v as Cayley's tables give it back (valueColumns.value): they keep a NUL of a
// string's text as the four characters \x00, and read those four back as a NUL, wherever
// they came from.
func asStored(v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.String:
		return quad.String(unescapeNull(string(v)))
	case quad.TypedString:
		v.Value = quad.String(unescapeNull(string(v.Value)))
		return v
	case quad.LangString:
		v.Value = quad.String(unescapeNull(string(v.Value)))
		return v
	}
	return v
}

// itemQuadOf says whether the item table holds q: a quad whose subject is an IRI and whose
// label is a source's; key is its row's.
func itemQuadOf(q quad.Quad) (key itemKey, ok bool) {
	s, ok := q.Subject.(quad.IRI)
	if !ok {
		return key, false
	}
	l, ok := q.Label.(quad.IRI)
	if !ok || !strings.HasPrefix(string(l), model.SourcePrefix) {
		return key, false
	}
	return itemKey{string(s), string(l[len(model.SourcePrefix):])}, true
}

// numberedQuad is a quad of an item and source, its predicate and object, and its number.
type numberedQuad struct {
	p, o quad.Value
	n    int64
}

// itemRow is the text of a row of quads, which must be in the order of their numbers.
func itemRow(b []byte, qs []numberedQuad) []byte {
	for _, q := range qs {
		b = appendItemLine(b, q.n, q.p, q.o)
	}
	return b
}

// copyItems adds the rows of keys to the item table with COPY, in tx, row appending the
// text of each to a buffer.
func copyItems(ctx context.Context, tx *sql.Tx, keys []itemKey, row func(b []byte, k itemKey) []byte) error {
	if len(keys) == 0 {
		return nil
	}
	var b []byte
	return copyRows(ctx, tx, pq.CopyIn("factgraph_items", "item", "source", "quads"), len(keys), func(i int) []any {
		k := keys[i]
		b = row(b[:0], k)
		return []any{k.item, k.source, string(b)}
	})
}

// updateItems writes again, in tx, the rows of the items and sources whose quads deltas
// add or delete, from the quads the store holds once they are written.
func updateItems(ctx context.Context, tx *sql.Tx, deltas []cgraph.Delta) error {
	seen := map[itemKey]bool{}
	var keys []itemKey
	var subjects, labels [][]byte
	known := byHash{} // the subjects, for scanQuads
	for _, d := range deltas {
		if k, ok := itemQuadOf(d.Quad); ok && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
			subjects, labels = append(subjects, known.add(d.Quad.Subject)), append(labels, hashOf(d.Quad.Label))
		}
	}
	if len(keys) == 0 {
		return nil
	}
	items, sources := make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		items[i], sources[i] = k.item, k.source
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM factgraph_items
		WHERE (item, source) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, pq.Array(items), pq.Array(sources)); err != nil {
		return err
	}
	// Each key's quads, in the order of their numbers, through the index that leads with
	// the subject (plannerSettings: planned for an array, PostgreSQL would guess thousands
	// of keys and hash a scan of every quad).
	if _, err := tx.ExecContext(ctx, `SELECT `+plannerSettings+`1`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, quadsQuery(`(q.subject_hash, q.label_hash) IN (SELECT * FROM unnest($1::bytea[], $2::bytea[]))`, `q.horizon`),
		pq.ByteaArray(subjects), pq.ByteaArray(labels))
	if err != nil {
		return err
	}
	quads := map[itemKey][]numberedQuad{}
	err = scanQuads(rows, known, func(q quad.Quad, n int64) {
		if k, ok := itemQuadOf(q); ok {
			quads[k] = append(quads[k], numberedQuad{q.Predicate, q.Object, n})
		}
	})
	if err != nil {
		return err
	}
	// A key whose quads are all gone has no row.
	var live []itemKey
	for _, k := range keys {
		if len(quads[k]) > 0 {
			live = append(live, k)
		}
	}
	return copyItems(ctx, tx, live, func(b []byte, k itemKey) []byte { return itemRow(b, quads[k]) })
}

// tableItems returns the keys of the rows of the item table that the quads of t hold, in
// order, and the text of each, numbered by numbers (the numbers of t.Quads).
func tableItems(t *model.Table, numbers []int64) (keys []itemKey, row func(b []byte, k itemKey) []byte) {
	// Each key's quads as their places in t.Quads: 4 bytes a quad, where the quads with
	// their values took 40 (4 million quads at 10,000 articles).
	quads := map[itemKey][]int32{}
	for i, ids := range t.Quads {
		k, ok := itemQuadOf(quad.Quad{Subject: t.Values[ids[0]], Label: t.Values[ids[3]]})
		if !ok {
			continue
		}
		if _, ok := quads[k]; !ok {
			keys = append(keys, k)
		}
		quads[k] = append(quads[k], int32(i))
	}
	slices.SortFunc(keys, func(a, b itemKey) int {
		return cmp.Or(strings.Compare(a.item, b.item), strings.Compare(a.source, b.source))
	})
	return keys, func(b []byte, k itemKey) []byte {
		for _, i := range quads[k] {
			ids := t.Quads[i]
			b = appendItemLine(b, numbers[i], t.Values[ids[1]], t.Values[ids[2]])
		}
		return b
	}
}
