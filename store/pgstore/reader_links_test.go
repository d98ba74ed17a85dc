package pgstore

import (
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/model"
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
