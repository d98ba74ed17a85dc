package pgstore

import (
	"bytes"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
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
	rows, err := rd.query(entriesQuery, rd.array(todo))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return rd.scanEntries(rows, func(item string) *itemEntries { return rd.cached[item] })
}

// entriesQuery reads what the link index lists under the items of the array $1: its rows,
// one for each item and source that states it, in no order. scanEntries gathers an item's
// rows, and entries sorts their lines. Joined on the server in order (string_agg over the
// rows sorted by item and source), the 10,406 rows of the 8,171 items where a path between
// two commentators of 10,000 articles meets took it 44 to 47 ms, 18 to 20 of them to sort
// them; as they come, 17 ms. Read as rows of four columns, a row for each entry, the
// 111,764 entries of such a path took the client 96 ms to decode (BenchmarkQueryStore); as
// a line each, 31 ms.
const entriesQuery = `SELECT item, lines FROM factgraph_link_lines WHERE item = ANY($1)`

// scanEntries reads rows of entriesQuery into the rows of their items' entries, which
// entries makes into entries when an answer first needs them: of gives the entries an
// item's rows go to, nil to skip them.
func (rd *Reader) scanEntries(rows *sql.Rows, of func(item string) *itemEntries) error {
	defer rows.Close()
	var item, text string
	for rows.Next() {
		if err := rows.Scan(&item, &text); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		if e := of(item); e != nil {
			e.rows = append(e.rows, text)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// addEntries adds to e the entries of item that the texts of its rows hold, a line each as
// entriesQuery reads them, each link once whatever the number of sources that state it;
// the kind and date are the first in key order. The ends are pieces of text, which the
// driver hands over as one string a row: a hub's thousands of ends cost no copy each.
// lines is a slice to reuse, returned for the next item.
func addEntries(e *itemEntries, item string, lines []string, intern func(string) string, texts ...string) ([]string, error) {
	sorted := true
	for _, text := range texts {
		for rest := text; len(rest) > 0; {
			line, after, _ := strings.Cut(rest, "\n")
			if n := len(lines); n > 0 && lines[n-1] > line {
				sorted = false
			}
			lines, rest = append(lines, line), after
		}
	}
	if !sorted {
		// A tab sorts before every character of a field: the lines sort as their fields do.
		slices.Sort(lines)
	}
	e.ends = slices.Grow(e.ends, len(lines))
	for i, line := range lines {
		if i > 0 && line == lines[i-1] {
			continue // another source's entry
		}
		at, mid, other, err := splitEntry(item, line)
		if err != nil {
			return lines, err
		}
		switch at {
		case model.LinkKind:
			if e.kind == "" {
				e.kind = intern(mid)
			}
		case model.LinkDate:
			if e.date == "" {
				e.date = mid
			}
		case model.LinkOut, model.LinkIn:
			e.ends = append(e.ends, model.LinkEnd{Pred: intern(mid), Other: other, Out: at == model.LinkOut})
		}
	}
	return lines, nil
}

// splitEntry returns the end, middle and other end of a line of the link index under
// item.
func splitEntry(item, line string) (at byte, mid, other string, err error) {
	at1, rest, ok := strings.Cut(line, "\t")
	mid, other, ok2 := strings.Cut(rest, "\t")
	if !ok || !ok2 || len(at1) != 1 || strings.IndexByte(other, '\t') >= 0 {
		return 0, "", "", fmt.Errorf("read store: the link index holds an entry of %q that is not an end, a middle and an other end: %q", item, line)
	}
	return at1[0], mid, other, nil
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

// entries returns what the link index lists under item, read once and made into entries
// once.
func (rd *Reader) entries(item quad.IRI) *itemEntries {
	e, ok := rd.cached[string(item)]
	if !ok {
		e = &itemEntries{}
		if !rd.links || rd.err != nil {
			return e
		}
		rows, err := rd.query(entriesQuery, rd.array([]string{string(item)}))
		if err == nil {
			err = rd.scanEntries(rows, func(string) *itemEntries { return e })
		}
		if err != nil {
			rd.fail(err)
			return &itemEntries{}
		}
		rd.cached[string(item)] = e
	}
	if len(e.rows) > 0 {
		var err error
		rd.lines, err = addEntries(e, string(item), rd.lines[:0], rd.intern, e.rows...)
		e.rows = nil
		if err != nil {
			rd.fail(err)
			*e = itemEntries{}
		}
	}
	return e
}

// EachEnd calls fn with the ends of the links the link index lists under item, as ItemLinks
// gives them but in no order, an end as often as sources state it, without making the
// item's entries when Preload read them and no answer has needed them yet: a path search
// looks through the ends of thousands of items for the few that lead to the other side of
// the search (the walk's meetings): made into entries, the ends of the 8,171 items and
// 6,642 duties where a path between two commentators of 10,000 articles meets were 7 MB
// of its 35 and a fifth of its time in BenchmarkQueryStore.
func (rd *Reader) EachEnd(item quad.IRI, fn func(out bool, pred, other string)) {
	e, ok := rd.cached[string(item)]
	if !ok || len(e.rows) == 0 {
		for _, end := range rd.entries(item).ends {
			fn(end.Out, end.Pred, end.Other)
		}
		return
	}
	for _, text := range e.rows {
		for rest := text; len(rest) > 0; {
			var line string
			line, rest, _ = strings.Cut(rest, "\n")
			if line != "" && line[0] != model.LinkOut && line[0] != model.LinkIn {
				continue // a kind or a date
			}
			at, mid, other, err := splitEntry(string(item), line)
			if err != nil {
				rd.fail(err)
				return
			}
			fn(at == model.LinkOut, mid, other)
		}
	}
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

// incoming is Incoming from the entries of links to item alone, of the predicates preds,
// picked from its rows' lines without making the item's entries: a party that thousands
// of items name as bearer has thousands of other entries.
func (rd *Reader) incoming(item quad.IRI, preds []quad.IRI) []model.LinkEnd {
	rows, err := rd.query(`SELECT lines FROM factgraph_link_lines WHERE item = $1`, string(item))
	if err != nil {
		rd.fail(err)
		return nil
	}
	defer rows.Close()
	var found []string // the lines' middles and other ends
	var text sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&text); err != nil {
			rd.fail(err)
			return nil
		}
		for rest := text; len(rest) > 0; {
			line := rest
			if i := bytes.IndexByte(rest, '\n'); i >= 0 {
				line, rest = rest[:i], rest[i+1:]
			} else {
				rest = nil
			}
			if len(line) < 2 || line[0] != model.LinkIn || line[1] != '\t' {
				continue
			}
			midOther := line[2:]
			if preds != nil {
				mid, _, _ := bytes.Cut(midOther, []byte("\t"))
				if !containsIRI(preds, string(mid)) {
					continue
				}
			}
			found = append(found, string(midOther))
		}
	}
	if err := rows.Err(); err != nil {
		rd.fail(err)
		return nil
	}
	// A tab sorts before every character of a field: the lines sort as their fields do.
	slices.Sort(found)
	found = slices.Compact(found)
	out := make([]model.LinkEnd, 0, len(found))
	for _, mo := range found {
		mid, other, ok := strings.Cut(mo, "\t")
		if !ok || strings.IndexByte(other, '\t') >= 0 {
			rd.fail(fmt.Errorf("read store: the link index holds an entry of %q that is not an end, a middle and an other end: %q", item, "<\t"+mo))
			return nil
		}
		out = append(out, model.LinkEnd{Pred: rd.intern(mid), Other: rd.intern(other)})
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
		if len(e.rows) > 0 {
			return rd.rowsKind(string(item), e.rows)
		}
		return rd.entries(item).kind
	}
	if k, ok := rd.kinds[string(item)]; ok {
		return k
	}
	return rd.entries(item).kind
}

// rowsKind is the kind that the texts of item's rows give, as entries would find it (the
// first in key order), without making the item's entries: a path search asks whether each
// item of its last layer that links to a meeting is an item, parties with thousands of
// entries among them.
func (rd *Reader) rowsKind(item string, rows []string) string {
	first := ""
	for _, text := range rows {
		for rest := text; len(rest) > 0; {
			var line string
			line, rest, _ = strings.Cut(rest, "\n")
			if line != "" && line[0] == model.LinkKind && (first == "" || line < first) {
				first = line
			}
		}
	}
	if first == "" {
		return ""
	}
	_, mid, _, err := splitEntry(item, first)
	if err != nil {
		rd.fail(err)
		return ""
	}
	return rd.intern(mid)
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
	rows, err := rd.query(`SELECT i.item, k.kind FROM unnest($1::text[]) AS i(item)
		CROSS JOIN LATERAL (SELECT kind FROM factgraph_link_lines
			WHERE item = i.item AND kind <> '' ORDER BY kind LIMIT 1) k`, rd.array(todo))
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
// index; "" for none: the first such end in key order, which is the least other end of
// those of the field. It reads the ends as EachEnd hands them over, without making the
// item's entries: a path search asks it of each of the thousands of duties the parties of
// a layer bear or are owed, for the party at their other end, and again as it walks back
// from where its balls meet, so the answers are kept.
func (rd *Reader) FirstLinked(item, p quad.IRI) string {
	kept := rd.firstLinked[item]
	if first, ok := kept.of(p); ok {
		return first
	}
	first, found := "", false
	rd.EachEnd(item, func(out bool, pred, other string) {
		if out && pred == string(p) && (!found || other < first) {
			first, found = other, true
		}
	})
	if rd.err == nil {
		rd.firstLinked[item] = kept.with(p, first)
	}
	return first
}

// firstsOf are the answers of FirstLinked for an item, the first two fields asked (a
// duty's bearer and beneficiary) in place and any others after. Kept by item alone, they
// cost a look-up of a string: by item and field, the thousands of duties of a path search's
// last layer spent 3 to 4 ms in the map.
type firstsOf struct {
	n      int
	fields [2]quad.IRI
	firsts [2]string
	more   []fieldFirst
}

type fieldFirst struct {
	field quad.IRI
	first string
}

// of returns the answer kept for the field p, if any.
func (f firstsOf) of(p quad.IRI) (string, bool) {
	for i := range f.n {
		if f.fields[i] == p {
			return f.firsts[i], true
		}
	}
	for _, m := range f.more {
		if m.field == p {
			return m.first, true
		}
	}
	return "", false
}

// with returns f with the answer first for the field p.
func (f firstsOf) with(p quad.IRI, first string) firstsOf {
	if f.n < len(f.fields) {
		f.fields[f.n], f.firsts[f.n] = p, first
		f.n++
	} else {
		f.more = append(f.more, fieldFirst{p, first})
	}
	return f
}

// IgnoreLinks makes the Reader do without factgraph's indexes, as if they did not cover
// the store.
func (rd *Reader) IgnoreLinks() {
	rd.links, rd.cached, rd.kinds = false, map[string]*itemEntries{}, map[string]string{}
	rd.firstLinked = map[quad.IRI]firstsOf{}
}
