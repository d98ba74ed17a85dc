package export

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Widths of the lines of drawn labels, in characters. No drawn line is longer than
// MaxLine: a picture fitted to a screen stays legible when its text comes in short lines.
const (
	MaxLine   = 40
	TextWidth = 34 // what claims say, in their boxes
	NameWidth = 22 // names of parties, agreements and events; labels of lines
	// DutyLength is the most of a duty a map draws on its line; the whole duty is in the
	// file (label attribute, tooltip).
	DutyLength = 72
	// FullTextWidth and FullTextLength are TextWidth and the most of a claim the crowded
	// full view draws.
	FullTextWidth  = 26
	FullTextLength = 100
)

// Wrap breaks s into lines of at most width characters (runes), breaking at spaces and
// after hyphens and slashes; a word longer than width is cut. Runs of white space become one
// space, and the line breaks already in s are kept. It is for drawn labels only: the exact
// text stays in the label attribute.
func Wrap(s string, width int) string {
	if width < 1 {
		width = 1
	}
	// Written into one buffer, a piece at a time: the million labels of a large export
	// made a string a word and a slice a label (a tenth of a GraphML export's CPU).
	var b strings.Builder
	b.Grow(len(s) + len(s)/width + 1)
	lines := 0
	newLine := func() {
		if lines > 0 {
			b.WriteByte('\n')
		}
		lines++
	}
	for para := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		n := 0          // runes in the line being written
		last := byte(0) // its last byte
		eachPiece(para, func(word string) {
			w := utf8.RuneCountInString(word)
			sep := 1
			if n == 0 || last == '-' || last == '/' {
				sep = 0
			}
			if n > 0 && n+sep+w <= width {
				if sep == 1 {
					b.WriteByte(' ')
				}
				b.WriteString(word)
				n += sep + w
				last = word[len(word)-1]
				return
			}
			for w > width { // a word longer than a line: cut it
				r := []rune(word)
				newLine()
				b.WriteString(string(r[:width]))
				word = string(r[width:])
				w -= width
			}
			// What is left of the word (1 to width runes) starts the next line.
			newLine()
			b.WriteString(word)
			n, last = w, word[len(word)-1]
		})
	}
	return b.String()
}

// eachPiece calls fn with the words of a paragraph, split at white space, and after the
// hyphens and slashes inside a word ("Japan-US" gives "Japan-" and "US"), where a line may
// also break.
func eachPiece(para string, fn func(string)) {
	for f := range strings.FieldsSeq(para) {
		for f != "" {
			i := strings.IndexAny(f, "-/")
			if i <= 0 || i == len(f)-1 {
				fn(f)
				break
			}
			fn(f[:i+1])
			f = f[i+1:]
		}
	}
}

// Shorten returns s cut for a map to at most max characters: a trailing parenthetical is
// dropped ("defend the United States (an obligation equivalent to ...)" draws as "defend the
// United States"), then an example list after " such as ", " including " or ", ", then the
// last words, with an ellipsis. Text of at most max characters is returned as it is.
func Shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	for _, cut := range []string{" such as ", " including ", " like ", ", ", "; ", ": "} {
		if i := strings.Index(s, cut); i > 0 && utf8.RuneCountInString(s[:i]) <= max && utf8.RuneCountInString(s[:i]) >= max/3 {
			return s[:i]
		}
	}
	r := []rune(s)
	end := max - 1
	for i := end; i > max/2; i-- {
		if r[i] == ' ' {
			end = i
			break
		}
	}
	return strings.TrimRight(string(r[:end]), " ,;:") + "…"
}

// Words turns an id-like name (a relation type, a role) into words: "allied-with" draws as
// "allied with".
func Words(kebab string) string { return strings.ReplaceAll(kebab, "-", " ") }

// Count says how many of a thing there are, in words: Count(1, "claim") is "1 claim",
// Count(3, "claim") "3 claims".
func Count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// DrawnNode is the label a drawing shows for n: its caption, or its label wrapped.
func DrawnNode(n *Node) string {
	if n.Caption != "" {
		return n.Caption
	}
	return Wrap(n.Label, NameWidth)
}

// DrawnEdge is the label a drawing shows on e: its caption, else its label wrapped, unless
// its look says the line is explained by the legend alone.
func DrawnEdge(e *Edge) string {
	switch {
	case e.Weight > 0 && (e.Kind == RoleCounters || e.Kind == RoleSupports):
		// The stances view: how many assertions the edge stands for ("counters 6").
		return Wrap(e.Label, NameWidth)
	case !EdgeLookOf(e).Named:
		return ""
	case e.Caption != "":
		return e.Caption
	}
	return Wrap(e.Label, NameWidth)
}
