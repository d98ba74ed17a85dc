package pgstore

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// The link index on PostgreSQL (factgraph_link_lines, linkLinesSQL): a row for each item
// and source, whose entries under the item are lines of their end, middle and other end
// with a tab between them (ids, kinds, dates and predicates hold neither), sorted and each
// once, joined with newlines.

// lineKey is a row's key: the item and the source.
type lineKey struct{ item, source string }

// entryLine is the line of an entry under the end at, with the middle mid and the other
// end other.
func entryLine(at byte, mid, other string) string {
	return string(rune(at)) + "\t" + mid + "\t" + other
}

// linesRow is what a row holds: the kind (the middle of the first kind entry, "" for none)
// and the lines joined. lines must be sorted and each once.
func linesRow(lines []string) (kind, text string) {
	for _, l := range lines {
		if l[0] == model.LinkKind {
			kind, _, _ = strings.Cut(l[2:], "\t")
			break
		}
	}
	return kind, strings.Join(lines, "\n")
}

// splitLines returns the lines of a row's text.
func splitLines(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

// groupLines groups rows by their item and source, each group's lines sorted and each
// once, in the order of the keys.
func groupLines(rows []model.LinkRow) (keys []lineKey, lines map[lineKey][]string) {
	lines = map[lineKey][]string{}
	for _, r := range rows {
		k := lineKey{r.Item, r.Source}
		if _, ok := lines[k]; !ok {
			keys = append(keys, k)
		}
		lines[k] = append(lines[k], entryLine(r.At, r.Mid, r.Other))
	}
	for k, ls := range lines {
		slices.Sort(ls)
		lines[k] = slices.Compact(ls)
	}
	slices.SortFunc(keys, compareKeys)
	return keys, lines
}

func compareKeys(a, b lineKey) int {
	if c := strings.Compare(a.item, b.item); c != 0 {
		return c
	}
	return strings.Compare(a.source, b.source)
}

// copyLines adds the rows of keys with their lines to the link index with COPY, in tx; a
// key without lines has no row.
func copyLines(ctx context.Context, tx *sql.Tx, keys []lineKey, lines map[lineKey][]string) error {
	var todo []lineKey
	for _, k := range keys {
		if len(lines[k]) > 0 {
			todo = append(todo, k)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	return copyRows(ctx, tx, pq.CopyIn("factgraph_link_lines", "item", "source", "kind", "lines"), len(todo), func(i int) []any {
		kind, text := linesRow(lines[todo[i]])
		return []any{todo[i].item, todo[i].source, kind, text}
	})
}

// updateLines deletes the entries del and adds the entries add to the link index, in tx:
// the rows of the items and sources they are under are read, changed and written again.
func updateLines(ctx context.Context, tx *sql.Tx, add, del []model.LinkRow) error {
	if len(add) == 0 && len(del) == 0 {
		return nil
	}
	addKeys, addLines := groupLines(add)
	delKeys, delLines := groupLines(del)
	keys := slices.Concat(addKeys, delKeys)
	slices.SortFunc(keys, compareKeys)
	keys = slices.Compact(keys)
	items, sources := make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		items[i], sources[i] = k.item, k.source
	}
	rows, err := tx.QueryContext(ctx, `DELETE FROM factgraph_link_lines
		WHERE (item, source) IN (SELECT * FROM unnest($1::text[], $2::text[]))
		RETURNING item, source, lines`, pq.Array(items), pq.Array(sources))
	if err != nil {
		return err
	}
	lines := map[lineKey][]string{}
	for rows.Next() {
		var k lineKey
		var text string
		if err := rows.Scan(&k.item, &k.source, &text); err != nil {
			rows.Close()
			return err
		}
		lines[k] = splitLines(text)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range keys {
		ls := lines[k]
		if gone := delLines[k]; len(gone) > 0 {
			ls = slices.DeleteFunc(ls, func(l string) bool {
				_, found := slices.BinarySearch(gone, l)
				return found
			})
		}
		if more := addLines[k]; len(more) > 0 {
			ls = append(ls, more...)
			slices.Sort(ls)
			ls = slices.Compact(ls)
		}
		lines[k] = ls
	}
	return copyLines(ctx, tx, keys, lines)
}
