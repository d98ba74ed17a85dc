package pgstore

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestReaderItems checks that a Reader reads items from the item table when factgraph's
// indexes cover the store: every value kind, its text as written, the quads of an item's
// sources in the order of their numbers, only the quads of a source's label, and other
// kinds of values through their hashes; the same quads in the same order as Cayley's
// tables give them, and read from the table.
func TestReaderItems(t *testing.T) {
	s1, s2 := quad.IRI("source/s1"), quad.IRI("source/s2")
	day := time.Date(2024, 4, 2, 10, 0, 0, 0, time.UTC)
	addr := storeOf(t, []quad.Quad{
		quad.Make(quad.IRI("a"), quad.IRI("fg:kind"), quad.String("party"), s1),
		quad.Make(quad.IRI("a"), quad.IRI("fg:name"), quad.String("Back\\slash\tTab\nLine \\x00 \\0 \\t"), s2),
		quad.Make(quad.IRI("a"), quad.IRI("fg:alias"), quad.String("Nippon"), s1),
		quad.Make(quad.IRI("a"), quad.IRI("fg:since"), quad.TypedString{Value: "2001", Type: "http://www.w3.org/2001/XMLSchema#gYear"}, s2),
		quad.Make(quad.IRI("a"), quad.IRI("fg:note"), quad.LangString{Value: "日本\tです", Lang: "ja"}, s1),
		quad.Make(quad.IRI("a"), quad.IRI("fg:with"), quad.BNode("b0"), s2),
		quad.Make(quad.IRI("a"), quad.IRI("fg:count"), quad.Int(42), s1),
		quad.Make(quad.IRI("a"), quad.IRI("fg:share"), quad.Float(0.25), s2),
		quad.Make(quad.IRI("a"), quad.IRI("fg:when"), quad.Time(day), s1),
		quad.Make(quad.IRI("a"), quad.IRI("allied-with"), quad.IRI("b"), s2),
		quad.Make(quad.IRI("a"), quad.IRI("fg:alias"), quad.String("Yamato"), quad.IRI("other/s3")),
		quad.Make(quad.IRI("a"), quad.IRI("fg:alias"), quad.String("Wa"), nil),
		quad.Make(quad.IRI("b"), quad.IRI("fg:kind"), quad.String("party"), s1),
		quad.Make(quad.BNode("b0"), quad.IRI("fg:kind"), quad.String("party"), s1),
	})

	items := []quad.IRI{"a", "b", "c"}
	_, rd := openReader(t, addr)
	if !rd.HasLinks() {
		t.Fatal("factgraph's indexes do not cover a store factgraph wrote")
	}
	if err := rd.PreloadItems(items); err != nil {
		t.Fatal(err)
	}
	_, one := openReader(t, addr)
	_, old := openReader(t, addr)
	old.links = false // Cayley's tables, as on a store the indexes do not cover
	for _, s := range items {
		got, _, err := rd.Quads([]quad.Direction{quad.Subject}, s)
		if err != nil {
			t.Fatal(err)
		}
		alone, _, err := one.Quads([]quad.Direction{quad.Subject}, s)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := old.Quads([]quad.Direction{quad.Subject}, s)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != map[quad.IRI]int{"a": 10, "b": 1}[s] || !slices.Equal(got, want) || !slices.Equal(alone, want) {
			t.Errorf("quads of %s read ahead from the item table:\n%v\none item:\n%v\nfrom Cayley's tables:\n%v", s, got, alone, want)
		}
	}

	// What a Reader answers comes from the table.
	storetest.ExecPostgres(t, addr, `UPDATE factgraph_items SET quads = replace(quads, E'\tSNippon', E'\tSNihon') WHERE item = 'a'`)
	_, rd = openReader(t, addr)
	qs, _, err := rd.Quads([]quad.Direction{quad.Subject}, quad.IRI("a"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(qs, func(q quad.Quad) bool { return q.Object == quad.String("Nihon") }) {
		t.Errorf("a Reader's quads of an item whose row was changed: %v, want the row's", qs)
	}
}

// TestItemLines checks that a line of the item table gives back the values written into
// it, and that a line that is not one is refused.
func TestItemLines(t *testing.T) {
	for _, v := range []quad.Value{quad.IRI("fg:kind"), quad.String(""), quad.String("a\\b\tc\nd\x00e\\te"),
		quad.TypedString{Value: "2024-04-02", Type: "http://www.w3.org/2001/XMLSchema#date"}, quad.LangString{Value: "\t", Lang: "en"},
		quad.BNode("n1")} {
		line := string(appendItemLine(nil, 7, quad.IRI("p"), v))
		n, p, o, err := splitItemLine(line)
		if err != nil || n != 7 || p != "Ip" {
			t.Fatalf("splitItemLine(%q) = %d, %q, %v", line, n, p, err)
		}
		got, hash, err := itemValue(o, func(s string) string { return s })
		if err != nil || hash != "" || got != v {
			t.Errorf("value %#v written as %q read back as %#v, %q, %v", v, o, got, hash, err)
		}
	}
	_, hash, err := itemValue(string(appendItemValue(nil, quad.Int(3))), func(s string) string { return s })
	if err != nil || hash != string(hashOf(quad.Int(3))) {
		t.Errorf("an integer: hash %x, %v; want its hash", hash, err)
	}
	for _, bad := range []string{"", "X1", "I\\", "I\\q", "Tnotext", "Habc", "H" + string(make([]byte, 40))} {
		if v, _, err := itemValue(bad, func(s string) string { return s }); err == nil {
			t.Errorf("itemValue(%q) = %v, want an error", bad, v)
		}
	}
	for _, bad := range []string{"7\tIp", "x\tIp\tSo", "7"} {
		if _, _, _, err := splitItemLine(bad); err == nil {
			t.Errorf("splitItemLine(%q): no error", bad)
		}
	}
}

// TestReaderFirstFromItems checks that PreloadFirst reads the items one source states
// from the item table and the others from Cayley's tables, and that First then answers
// what it answers from Cayley's tables alone: an item one source states, one that two
// sources state with different names, one stated only under a foreign label, and one the
// store does not hold.
func TestReaderFirstFromItems(t *testing.T) {
	s1, s2 := quad.IRI("source/s1"), quad.IRI("source/s2")
	kind, name := quad.IRI("fg:kind"), quad.IRI("fg:name")
	addr := storeOf(t, []quad.Quad{
		quad.Make(quad.IRI("one"), kind, quad.String("claim"), s1),
		quad.Make(quad.IRI("one"), name, quad.String("The claim"), s1),
		quad.Make(quad.IRI("two"), kind, quad.String("party"), s1),
		quad.Make(quad.IRI("two"), name, quad.String("First name"), s1),
		quad.Make(quad.IRI("two"), kind, quad.String("party"), s2),
		quad.Make(quad.IRI("two"), name, quad.String("Second name"), s2),
		quad.Make(quad.IRI("foreign"), name, quad.String("Elsewhere"), quad.IRI("other/s3")),
	})

	items := []quad.IRI{"one", "two", "foreign", "none", "one"}
	preds := []quad.IRI{kind, name}
	firsts := func(rd *Reader) map[[2]quad.IRI]quad.Value {
		t.Helper()
		if err := rd.PreloadFirst(items, preds); err != nil {
			t.Fatal(err)
		}
		got := map[[2]quad.IRI]quad.Value{}
		for _, s := range items {
			for _, p := range preds {
				v, _, err := rd.First(s, p)
				if err != nil {
					t.Fatal(err)
				}
				got[[2]quad.IRI{s, p}] = v
			}
		}
		return got
	}
	_, rd := openReader(t, addr)
	_, old := openReader(t, addr)
	old.links = false // Cayley's tables, as on a store the indexes do not cover
	got, want := firsts(rd), firsts(old)
	if want[[2]quad.IRI{"one", name}] != quad.String("The claim") || want[[2]quad.IRI{"foreign", name}] != nil {
		t.Fatalf("Cayley's tables give %v", want)
	}
	if !maps.Equal(got, want) {
		t.Errorf("first objects read ahead through the item table:\n%v\nfrom Cayley's tables:\n%v", got, want)
	}
	if _, ok := rd.items["one"]; !ok {
		t.Error("the item one source states was not read from the item table")
	}

	// Only the item one source states comes from the table: the other's rows are not read.
	storetest.ExecPostgres(t, addr, `UPDATE factgraph_items SET quads = replace(quads, E'\tSThe claim', E'\tSA claim') WHERE item = 'one'`)
	storetest.ExecPostgres(t, addr, `UPDATE factgraph_items SET quads = replace(quads, E'name\tS', E'name\tSChanged ') WHERE item = 'two'`)
	_, rd = openReader(t, addr)
	got = firsts(rd)
	want[[2]quad.IRI{"one", name}] = quad.String("A claim")
	if !maps.Equal(got, want) {
		t.Errorf("first objects read ahead after the item table's rows changed:\n%v\nwant:\n%v", got, want)
	}
}

// storeOf returns the address of a new store that holds qs, written as deltas.
func storeOf(t *testing.T, qs []quad.Quad) string {
	t.Helper()
	addr := newStore(t)
	w, err := Open(addr, false, true)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { w.QuadStore().Close(); w.Close() }()
	deltas := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		deltas[i] = cgraph.Delta{Action: cgraph.Add, Quad: q}
	}
	if err := w.Apply(context.Background(), deltas); err != nil {
		t.Fatal(err)
	}
	return addr
}
