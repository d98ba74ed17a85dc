package model

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// sortedLines is what WriteSorted must write: Lines sorted, each distinct line once.
func sortedLines(t *Table) string {
	lines := t.Lines()
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), "")
}

// lineValues are values whose texts are prefixes of one another in every way N-Quads
// allows, and some it should not (a space or a control character in an IRI or a blank
// node), which WriteSorted must notice and still write in byte order.
var lineValues = []quad.Value{
	quad.IRI("a"), quad.IRI("ab"), quad.IRI("a b"), quad.IRI("a> x"), quad.IRI("fg:name"),
	quad.BNode("a"), quad.BNode("ab"), quad.BNode("a\x01"), quad.BNode("a b"),
	quad.String("x"), quad.String(""), quad.String("x y"), quad.String("x\ny"),
	quad.LangString{Value: "x", Lang: "en"}, quad.TypedString{Value: "x", Type: "t"},
	quad.TypedString{Value: "1951-09-08", Type: "http://www.w3.org/2001/XMLSchema#date"},
	quad.IRI("source/a"), quad.IRI("source/a0"),
}

func TestWriteSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 300; round++ {
		// A table of some of the values, some twice (the same text under two indices).
		tb := &Table{Values: []quad.Value{nil}}
		for _, v := range lineValues {
			for n := r.IntN(3); n > 0; n-- {
				tb.Values = append(tb.Values, v)
			}
		}
		if len(tb.Values) < 2 {
			continue
		}
		plain := round%3 != 0 // most rounds without the values N-Quads should not hold
		pick := func() uint32 {
			for {
				i := uint32(1 + r.IntN(len(tb.Values)-1))
				s := tb.Values[i].String()
				if !plain || !strings.ContainsAny(s, " \x01") || strings.HasPrefix(s, `"`) {
					return i
				}
			}
		}
		for n := r.IntN(60); n > 0; n-- {
			q := [4]uint32{pick(), pick(), pick(), 0}
			if r.IntN(3) > 0 {
				q[3] = pick()
			}
			tb.Quads = append(tb.Quads, q)
			if r.IntN(8) == 0 {
				tb.Quads = append(tb.Quads, q) // a repeat
			}
		}
		var got bytes.Buffer
		if err := tb.WriteSorted(&got); err != nil {
			t.Fatal(err)
		}
		if want := sortedLines(tb); got.String() != want {
			t.Fatalf("round %d: WriteSorted wrote\n%s\nwant the lines sorted:\n%s", round, got.String(), want)
		}
	}
}
