package query

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// WriteText writes the parties, numbered, then the counters and supports matrices (row: the
// party that answers; column: the party whose assertions it answers) when they fit the
// width, then every cell that is not empty as a list.
func (r *StancesResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	if width <= 0 {
		width = DefaultWidth
	}
	if len(r.Parties) == 0 {
		_, err := fmt.Fprintln(w, "no party asserts anything")
		return err
	}
	t := newTable(w, width, column{head: "#"}, column{head: "PARTY", weight: 1}, column{head: "ID"}, column{head: "ASSERTIONS"})
	for i, p := range r.Parties {
		t.row(strconv.Itoa(i+1), name(p.Ref), p.ID, strconv.Itoa(p.Assertions))
	}
	if err := t.flush(); err != nil {
		return err
	}
	if len(r.Stances) == 0 {
		_, err := fmt.Fprintln(w, "\nno party counters or supports an assertion")
		return err
	}
	at := map[string]int{}
	for i, p := range r.Parties {
		at[p.ID] = i
	}
	n := len(r.Parties)
	counters, supports := make([][]int, n), make([][]int, n)
	for i := range counters {
		counters[i], supports[i] = make([]int, n), make([]int, n)
	}
	cell := len(strconv.Itoa(n))
	for _, s := range r.Stances {
		by, okBy := at[s.By.ID]
		of, okOf := at[s.Of.ID]
		if !okBy || !okOf {
			continue
		}
		counters[by][of], supports[by][of] = s.Counters, s.Supports
		cell = max(cell, len(strconv.Itoa(s.Counters)), len(strconv.Itoa(s.Supports)))
	}
	if label := len(strconv.Itoa(n)); label+n*(cell+2) <= width {
		for _, m := range []struct {
			title string
			cells [][]int
		}{
			{"COUNTERS: how many of the column party's assertions the row party counters", counters},
			{"SUPPORTS: how many of the column party's assertions the row party supports", supports},
		} {
			fmt.Fprintf(w, "\n%s\n", m.title)
			writeMatrix(w, m.cells, label, cell)
		}
	} else {
		fmt.Fprintf(w, "\n(%d parties: the matrices are wider than %d columns; every cell that is not empty follows)\n", n, width)
	}
	fmt.Fprintln(w)
	t = newTable(w, width, column{head: "BY", weight: 1}, column{head: "OF", weight: 1}, column{head: "COUNTERS"}, column{head: "SUPPORTS"})
	for _, s := range r.Stances {
		t.row(name(s.By), name(s.Of), strconv.Itoa(s.Counters), strconv.Itoa(s.Supports))
	}
	return t.flush()
}

// writeMatrix writes a square matrix with numbered rows and columns, "·" for 0.
func writeMatrix(w io.Writer, cells [][]int, label, cell int) {
	pad := func(s string, n int) string { return strings.Repeat(" ", n-utf8.RuneCountInString(s)) + s }
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", label))
	for j := range cells {
		b.WriteString("  " + pad(strconv.Itoa(j+1), cell))
	}
	fmt.Fprintln(w, b.String())
	for i, row := range cells {
		b.Reset()
		b.WriteString(pad(strconv.Itoa(i+1), label))
		for _, v := range row {
			s := "·"
			if v != 0 {
				s = strconv.Itoa(v)
			}
			b.WriteString("  " + pad(s, cell))
		}
		fmt.Fprintln(w, b.String())
	}
}

// WriteText writes the assertions nobody rebuts, then each assertion rebutted by enough
// parties with who rebuts it and with what; each assertion as its kind, id and author, then
// what it says.
func (r *ContestedResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	if width <= 0 {
		width = DefaultWidth
	}
	room := max(20, width-4)
	claims := 0
	for _, a := range r.Unrebutted {
		if a.Kind == graph.KindClaim {
			claims++
		}
	}
	fmt.Fprintf(w, "NOBODY REBUTS: %s (%s, %s)\n", plural(len(r.Unrebutted), "assertion", "assertions"),
		plural(claims, "claim", "claims"), plural(len(r.Unrebutted)-claims, "counterclaim", "counterclaims"))
	for _, a := range r.Unrebutted {
		writeAssertion(w, a, room)
	}
	fmt.Fprintf(w, "\nREBUTTED BY %d OR MORE PARTIES: %s\n", r.MinParties, plural(len(r.Contested), "assertion", "assertions"))
	for _, a := range r.Contested {
		writeAssertion(w, a, room)
		for _, rb := range a.Rebuttals {
			for k, l := range wrap("rebutted by "+name(rb.By)+": "+strings.Join(rb.Counterclaims, ", "), room) {
				if k == 0 {
					fmt.Fprintf(w, "  %s\n", l)
				} else {
					fmt.Fprintf(w, "    %s\n", l)
				}
			}
		}
	}
	return nil
}

func writeAssertion(w io.Writer, a Assertion, room int) {
	head := a.Kind + " " + a.ID + " · " + name(a.By)
	if a.Date != "" {
		head += " · " + a.Date
	}
	fmt.Fprintf(w, "\n%s\n", head)
	for _, l := range wrap(a.Says, room) {
		fmt.Fprintf(w, "  %s\n", l)
	}
}
