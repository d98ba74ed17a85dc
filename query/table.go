package query

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultWidth is the terminal width text output wraps to when none is given.
const DefaultWidth = 100

// column is one column of a text table. A column with a weight wraps its cells to share,
// by weight, the room the other columns leave on the line.
type column struct {
	head   string
	weight int
}

// tableWriter writes aligned columns, wrapping long cells onto continuation lines. It
// holds the rows until flush, to size the wrapped columns to what is left of the width.
type tableWriter struct {
	w     io.Writer
	width int
	cols  []column
	rows  [][]string
}

func newTable(w io.Writer, width int, cols ...column) *tableWriter {
	if width <= 0 {
		width = DefaultWidth
	}
	return &tableWriter{w: w, width: width, cols: cols}
}

func (t *tableWriter) row(cells ...string) {
	r := make([]string, len(t.cols))
	copy(r, visibleCells(cells))
	t.rows = append(t.rows, r)
}

// gap is the room between two columns.
const gap = 2

// wrapWidths returns the width each column's cells wrap to, 0 for a column that does not.
func (t *tableWriter) wrapWidths() []int {
	natural := make([]int, len(t.cols))
	for i, c := range t.cols {
		natural[i] = utf8.RuneCountInString(c.head)
		for _, r := range t.rows {
			natural[i] = max(natural[i], utf8.RuneCountInString(r[i]))
		}
	}
	fixed, weights, want := gap*(len(t.cols)-1), 0, 0
	for i, c := range t.cols {
		if c.weight == 0 {
			fixed += natural[i]
		} else {
			weights += c.weight
			want += natural[i]
		}
	}
	wraps := make([]int, len(t.cols))
	room := t.width - fixed
	for i, c := range t.cols {
		switch {
		case c.weight == 0:
		case want <= room:
			wraps[i] = natural[i]
		default:
			wraps[i] = max(24, room*c.weight/weights)
		}
	}
	return wraps
}

func (t *tableWriter) flush() error { return t.write(t.lines()) }

// lines returns the table's lines as printed, cell by cell: the heads, then each row with
// its wrapped cells on continuation lines.
func (t *tableWriter) lines() [][]string {
	wraps := t.wrapWidths()
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	// A line a row at least; the lines of each cell in one slice for all rows.
	printed := make([][]string, 1, 1+len(t.rows))
	printed[0] = heads
	var lines [][]string
	for _, r := range t.rows {
		lines = slices.Grow(lines[:0], len(r))[:len(r)]
		n := 1
		for i, c := range r {
			if wraps[i] > 0 {
				lines[i] = wrap(c, wraps[i])
			} else {
				lines[i] = r[i : i+1 : i+1]
			}
			n = max(n, len(lines[i]))
		}
		for k := 0; k < n; k++ {
			out := make([]string, len(r))
			for i := range r {
				if k < len(lines[i]) {
					out[i] = lines[i][k]
				}
			}
			printed = append(printed, out)
		}
	}
	return printed
}

// write writes the lines printed, each cell but the last padded to its column's widest
// cell of any line plus the gap (as text/tabwriter aligns one block of lines), trailing
// spaces trimmed.
func (t *tableWriter) write(printed [][]string) error {
	widths := make([]int, len(t.cols))
	for _, cells := range printed {
		for i, c := range cells[:len(cells)-1] {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var line []byte
	for _, cells := range printed {
		line = line[:0]
		for i, c := range cells {
			line = append(line, c...)
			if i < len(cells)-1 {
				for pad := widths[i] + gap - utf8.RuneCountInString(c); pad > 0; pad-- {
					line = append(line, ' ')
				}
			}
		}
		line = append(bytes.TrimRight(line, " "), '\n')
		if _, err := t.w.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// wrap breaks s into lines of at most width characters at spaces, breaking a word only
// when it is longer than a line.
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	cur := ""
	for _, w := range words {
		for utf8.RuneCountInString(w) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			r := []rune(w)
			lines = append(lines, string(r[:width]))
			w = string(r[width:])
		}
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// WriteJSON writes v as indented JSON followed by a newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func name(r Ref) string {
	if r.Name != "" {
		return r.Name
	}
	return r.ID
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// mixesSources reports whether the items whose sources are given do not all come from the
// same source or sources: then an answer says which source states what.
func mixesSources(sources ...[]string) bool {
	for _, ss := range sources[min(1, len(sources)):] {
		if !slices.Equal(ss, sources[0]) {
			return true
		}
	}
	return false
}
