package ingest

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// plainQuote maps typographic quotes and apostrophes to the plain ones a curator types.
var plainQuote = map[rune]rune{
	'‘': '\'', '’': '\'', '‚': '\'', '‛': '\'', '′': '\'', '‹': '\'', '›': '\'',
	'“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
}

// fold makes text comparable the way quotes are compared: runs of white space become one
// space, typographic quotes become plain, and the ends are trimmed.
func fold(s string) string {
	f, _ := foldOffsets(s, false)
	return f
}

// foldMap folds s and returns, for each byte of the result, the offset of the byte of s it
// comes from.
func foldMap(s string) (string, []int) { return foldOffsets(s, true) }

func foldOffsets(s string, withOffsets bool) (string, []int) {
	b := make([]byte, 0, len(s))
	var offs []int
	if withOffsets {
		offs = make([]int, 0, len(s))
	}
	space := false
	// ASCII bytes, most of any text, are handled without decoding a rune or looking up a
	// quote: every source text and every quote of an ingest passes through here.
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if asciiSpace(c) || (c >= utf8.RuneSelf && unicode.IsSpace(r)) {
			space = true
			i += size
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
			if withOffsets {
				offs = append(offs, i-1)
			}
		}
		space = false
		n := len(b)
		if c < utf8.RuneSelf {
			b = append(b, c)
		} else {
			if q, ok := plainQuote[r]; ok {
				r = q
			}
			b = utf8.AppendRune(b, r)
		}
		if withOffsets {
			for range len(b) - n {
				offs = append(offs, i)
			}
		}
		i += size
	}
	return string(b), offs
}

// asciiSpace says whether c is an ASCII byte unicode.IsSpace calls space.
func asciiSpace(c byte) bool {
	return c == ' ' || ('\t' <= c && c <= '\r')
}

// Uncovered is a sentence of a source text that no quote of the facts file covers.
type Uncovered struct {
	Line, Column int    // where the sentence starts in the text, 1-based; columns count characters
	Text         string // the sentence, white space folded
}

// Coverage lists, in text order, the sentences of f's source text that no quote of the file
// overlaps, so a curator can see what the facts do not yet cover. A sentence ends at ".", "!"
// or "?" (and any closing quotes or brackets) followed by white space, or at a line end, so
// headings stand alone; a plain-text copy is expected to hold one paragraph a line. The text
// is read from source.text, relative to f.Path.
func Coverage(f *File) ([]Uncovered, error) {
	if f == nil || f.Facts == nil {
		return nil, fmt.Errorf("no facts to check coverage of")
	}
	src := f.Facts.Source
	if src.Text == "" {
		return nil, fmt.Errorf("source %q of %q has no \"text\"; add source.text, the path of a plain-text copy of the document, to check coverage", src.ID, f.Path)
	}
	data, err := ReadSourceText(context.Background(), f.Path, src.Text)
	if err != nil {
		return nil, fmt.Errorf("read source text of %q: %w", f.Path, err)
	}
	text := string(data)
	folded, offs := foldMap(text)
	covered := make([]bool, len(text)+1)
	for _, q := range quotes(f.Facts) {
		fq := fold(q)
		if fq == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(folded[from:], fq)
			if i < 0 {
				break
			}
			start := from + i
			for k := start; k < start+len(fq); k++ {
				covered[offs[k]] = true
			}
			from = start + 1
		}
	}
	var out []Uncovered
	for _, s := range sentences(text) {
		hit := false
		for k := s.start; k < s.end && !hit; k++ {
			hit = covered[k] && !unicode.IsSpace(rune(text[k]))
		}
		if hit {
			continue
		}
		line := 1 + strings.Count(text[:s.start], "\n")
		lineStart := strings.LastIndexByte(text[:s.start], '\n') + 1
		col := 1 + utf8.RuneCountInString(text[lineStart:s.start])
		out = append(out, Uncovered{Line: line, Column: col, Text: fold(text[s.start:s.end])})
	}
	return out, nil
}

type span struct{ start, end int }

// sentences splits text into sentences with their byte ranges, leading white space left out.
func sentences(text string) []span {
	var out []span
	start := -1
	flush := func(end int) {
		if start >= 0 && strings.TrimSpace(text[start:end]) != "" {
			out = append(out, span{start, end})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		switch {
		case start >= 0 && r == '\n':
			flush(i)
		case start >= 0 && (r == '.' || r == '!' || r == '?'):
			j := i + w
			for j < len(text) {
				c, cw := utf8.DecodeRuneInString(text[j:])
				if _, ok := plainQuote[c]; !ok && c != '"' && c != '\'' && c != ')' && c != ']' {
					break
				}
				j += cw
			}
			if c, _ := utf8.DecodeRuneInString(text[j:]); j == len(text) || unicode.IsSpace(c) {
				flush(j)
				i = j
				continue
			}
		}
		i += w
	}
	flush(len(text))
	return out
}

// quotes lists every quote of a file.
func quotes(f *graph.Facts) []string {
	qs := append([]string(nil), f.Source.Quotes...)
	for _, x := range f.Parties {
		qs = append(qs, x.Quotes...)
	}
	for _, x := range f.Agreements {
		qs = append(qs, x.Quotes...)
	}
	for _, x := range f.Events {
		qs = append(qs, x.Quotes...)
	}
	for _, x := range f.Obligations {
		qs = append(qs, x.Quotes...)
	}
	for _, x := range f.Claims {
		qs = append(qs, x.Quotes...)
	}
	for _, x := range f.Counterclaims {
		qs = append(qs, x.Quotes...)
	}
	for _, x := range f.Relations {
		qs = append(qs, x.Quotes...)
	}
	return qs
}
