package pgstore

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestAddEntries reads an item's entries from the texts of its rows as entriesQuery reads
// them: each link once however many sources state it, in key order even when the lines
// and the rows come out of it, the first kind and date, whatever the order of the rows,
// and an error for a line that is not three fields.
func TestAddEntries(t *testing.T) {
	line := func(at byte, mid, other string) string { return string(at) + "\t" + mid + "\t" + other }
	in := []string{
		line(model.LinkOut, "fg:bearer", "japan"),
		line(model.LinkKind, "state", ""),
		line(model.LinkIn, "fg:counters", "claim-2"),
		line(model.LinkDate, "1960-01-19", ""),
		line(model.LinkOut, "fg:bearer", "japan"), // another source's
		line(model.LinkKind, "alliance", ""),
		line(model.LinkIn, "fg:counters", "claim-10"),
		line(model.LinkOut, "fg:beneficiary", "united-states"),
		line(model.LinkDate, "1951", ""),
	}
	want := itemEntries{
		kind: "alliance",
		date: "1951",
		ends: []model.LinkEnd{
			{Pred: "fg:counters", Other: "claim-10"},
			{Pred: "fg:counters", Other: "claim-2"},
			{Pred: "fg:bearer", Other: "japan", Out: true},
			{Pred: "fg:beneficiary", Other: "united-states", Out: true},
		},
	}
	same := func(s string) string { return s }
	for _, rows := range [][]string{
		{strings.Join(in, "\n")},
		{strings.Join(in[:4], "\n"), strings.Join(in[4:], "\n")},
		{strings.Join(in[4:], "\n"), strings.Join(in[:4], "\n")},
		{in[8], in[0], strings.Join(in[1:8], "\n")},
	} {
		var e itemEntries
		if _, err := addEntries(&e, "x", nil, same, rows...); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(e, want) {
			t.Errorf("entries of the rows %q:\n got %+v\nwant %+v", rows, e, want)
		}
	}
	for _, bad := range []string{"<\tfg:counters", ">>\tfg:bearer\tjapan", "<\tfg:counters\tclaim\t2"} {
		var e itemEntries
		if _, err := addEntries(&e, "x", nil, same, bad); err == nil || !strings.Contains(err.Error(), "link index") {
			t.Errorf("addEntries(%q) = %v, want an error about the link index", bad, err)
		}
	}
}

// TestReaderEachEnd checks that EachEnd hands over the ends ItemLinks gives, each as often
// as sources state it, from the rows Preload read without making entries of them, and
// from the entries once an answer made them; and that a line that is not three fields is
// the Reader's error.
func TestReaderEachEnd(t *testing.T) {
	addr := newStore(t)
	insertEntries(t, addr, `('p', '=', 'party', '', 's1'), ('p', '<', 'fg:bearer', 'o', 's1'), ('p', '<', 'fg:bearer', 'o', 's2'),
		('p', '>', 'allied-with', 'q', 's2'), ('p', '@', '2001-01-01', '', 's1'), ('q', '<', 'allied-with', 'p', 's2')`)
	each := func(rd *Reader, item quad.IRI) []model.LinkEnd {
		var out []model.LinkEnd
		rd.EachEnd(item, func(o bool, pred, other string) {
			out = append(out, model.LinkEnd{Pred: pred, Other: other, Out: o})
		})
		slices.SortFunc(out, func(a, b model.LinkEnd) int {
			return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
		})
		return out
	}
	in := model.LinkEnd{Pred: "fg:bearer", Other: "o"}
	want := map[quad.IRI][]model.LinkEnd{
		"p": {{Pred: "allied-with", Other: "q", Out: true}, in, in},
		"q": {{Pred: "allied-with", Other: "p"}},
		"r": nil,
	}
	_, rd := openReader(t, addr)
	if err := rd.Preload([]quad.IRI{"p", "q", "r"}); err != nil {
		t.Fatal(err)
	}
	for item, w := range want {
		if got := each(rd, item); !reflect.DeepEqual(got, w) {
			t.Errorf("EachEnd(%s) from the rows read = %v, want %v", item, got, w)
		}
		if e := rd.cached[string(item)]; e.ends != nil {
			t.Errorf("EachEnd(%s) made its entries", item)
		}
	}
	if ends, kind, _ := rd.ItemLinks("p"); len(ends) != 2 || kind != "party" {
		t.Fatalf("ItemLinks(p) = %v, %q", ends, kind)
	}
	want["p"] = want["p"][:2] // each once in the entries
	for item, w := range want {
		if got := each(rd, item); !reflect.DeepEqual(got, w) {
			t.Errorf("EachEnd(%s) = %v, want %v", item, got, w)
		}
	}
	if rd.Err() != nil {
		t.Fatal(rd.Err())
	}

	storetest.ExecPostgres(t, addr, `UPDATE factgraph_link_lines SET lines = lines || E'\n<\tfg:bearer' WHERE item = 'q'`)
	_, rd = openReader(t, addr)
	if err := rd.Preload([]quad.IRI{"q"}); err != nil {
		t.Fatal(err)
	}
	each(rd, "q")
	if err := rd.Err(); err == nil || !strings.Contains(err.Error(), "link index") {
		t.Errorf("EachEnd of a line of two fields: the Reader's error is %v, want one about the link index", err)
	}
}

// TestReaderFirstLinked checks that FirstLinked picks the first end of a field in key order
// across the rows of the sources that state the item, from the rows Preload read without
// making entries of them as from the entries, and keeps its answers for the Reader's
// later calls.
func TestReaderFirstLinked(t *testing.T) {
	addr := newStore(t)
	insertEntries(t, addr, `('o', '=', 'obligation', '', 's1'), ('o', '>', 'fg:beneficiary', 'z', 's1'),
		('o', '>', 'fg:bearer', 'y', 's1'), ('o', '>', 'fg:beneficiary', 'b', 's2'), ('o', '<', 'fg:beneficiary', 'a', 's2'),
		('o', '>', 'fg:beneficiaryx', 'a', 's2')`)
	want := map[quad.IRI]string{"fg:beneficiary": "b", "fg:bearer": "y", "fg:about": "", "fg:beneficiar": ""}
	// The fields asked in two orders: a duty's two first (kept in place), and last (kept
	// after two others).
	for _, order := range [][]quad.IRI{
		{"fg:bearer", "fg:beneficiary", "fg:about", "fg:beneficiar"},
		{"fg:about", "fg:beneficiar", "fg:beneficiary", "fg:bearer"},
	} {
		_, rd := openReader(t, addr)
		if err := rd.Preload([]quad.IRI{"o"}); err != nil {
			t.Fatal(err)
		}
		for _, p := range order {
			if got, w := rd.FirstLinked("o", p), want[p]; got != w {
				t.Errorf("FirstLinked(o, %s) from the rows read = %q, want %q", p, got, w)
			}
		}
		if rd.cached["o"].ends != nil {
			t.Errorf("FirstLinked made the entries of o")
		}
		// Asked again, it answers as before without reading the rows again.
		rd.cached["o"].rows = []string{">\tfg:bearer\tx"}
		for _, p := range order {
			if got, w := rd.FirstLinked("o", p), want[p]; got != w {
				t.Errorf("asked %v: FirstLinked(o, %s) asked again = %q, want %q as before", order, p, got, w)
			}
		}
		if rd.Err() != nil {
			t.Fatal(rd.Err())
		}
	}
	_, rd := openReader(t, addr)
	if err := rd.Preload([]quad.IRI{"o"}); err != nil {
		t.Fatal(err)
	}
	rd.ItemLinks("o")
	for p, w := range want {
		if got := rd.FirstLinked("o", p); got != w {
			t.Errorf("FirstLinked(o, %s) = %q, want %q", p, got, w)
		}
	}
	if rd.Err() != nil {
		t.Fatal(rd.Err())
	}
}
