package query

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"text/tabwriter"
)

// tabwriterTable is the lines printed laid out by text/tabwriter: every line's cells
// joined by tabs, one block, padding 2, trailing spaces trimmed.
func tabwriterTable(printed [][]string) string {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for _, cells := range printed {
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
	var out strings.Builder
	for _, l := range strings.SplitAfter(buf.String(), "\n") {
		if l != "" {
			out.WriteString(strings.TrimRight(l, " \n") + "\n")
		}
	}
	return out.String()
}

// TestTableAlignsAsTabwriter checks the table's own alignment against text/tabwriter's
// on tables of short, long, empty and multi-byte cells, wrapped to several widths.
func TestTableAlignsAsTabwriter(t *testing.T) {
	words := []string{"a", "duty", "Borithpa", "Danne", "ports", "日本", "défense", "", "x-y-z", "treaty-of-galkagal"}
	rng := rand.New(rand.NewSource(1))
	cell := func() string {
		var ws []string
		for range rng.Intn(12) {
			ws = append(ws, words[rng.Intn(len(words))])
		}
		return strings.Join(ws, " ")
	}
	for trial := range 200 {
		width := 30 + rng.Intn(120)
		var got bytes.Buffer
		tw := newTable(&got, width, column{head: "ID"}, column{head: "DUTY", weight: 2}, column{head: "CONDITION", weight: 1}, column{head: "SOURCE"})
		for range rng.Intn(8) {
			r := []string{cell(), cell(), cell(), cell()}
			if rng.Intn(3) == 0 {
				r[3] = ""
			}
			tw.row(r...)
		}
		if err := tw.flush(); err != nil {
			t.Fatal(err)
		}
		if want := tabwriterTable(tw.lines()); got.String() != want {
			t.Fatalf("trial %d, width %d:\n%s\nwant (text/tabwriter):\n%s", trial, width, got.String(), want)
		}
	}
}
