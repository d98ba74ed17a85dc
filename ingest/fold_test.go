package ingest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// foldRef is fold as the facts format defines it, rune by rune: white space (as
// unicode.IsSpace says) runs become one space, typographic quotes plain, the ends trimmed,
// with the offset in s of each byte of the result.
func foldRef(s string) (string, []int) {
	var b strings.Builder
	var offs []int
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			offs = append(offs, i-1)
		}
		space = false
		if q, ok := plainQuote[r]; ok {
			r = q
		}
		n := b.Len()
		b.WriteRune(r)
		for range b.Len() - n {
			offs = append(offs, i)
		}
	}
	return b.String(), offs
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	want, wantOffs := foldRef(s)
	if got := fold(s); got != want {
		t.Fatalf("fold(%q) = %q, want %q", s, got, want)
	}
	got, offs := foldMap(s)
	if got != want || !slices.Equal(offs, wantOffs) {
		t.Fatalf("foldMap(%q) = %q %v, want %q %v", s, got, offs, want, wantOffs)
	}
}

// TestFoldMatchesRuneByRune checks the folding of texts and quotes against foldRef on
// strings of every kind of character: ASCII and other white space, typographic quotes,
// other multi-byte characters and bytes that are not UTF-8.
func TestFoldMatchesRuneByRune(t *testing.T) {
	parts := []string{"a", "Z", "9", ".", "'", "\"", " ", "\t", "\n", "\r", "\v", "\f",
		"\u0085", "\u00a0", "\u2003", "\u3000", "“", "”", "’", "«", "»", "″", "é", "日", "\xff", "\xc3", "\xe2\x80"}
	for _, s := range []string{"", " ", "  a \t\n b  ", "Trump’s “unfair” treaty", "a\u00a0b\u2028c"} {
		checkFold(t, s)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		checkFold(t, b.String())
	}
}

func FuzzFold(f *testing.F) {
	f.Add("  “fortune” ‘unfair’\u00a0Trump’s \xff")
	f.Fuzz(func(t *testing.T, s string) { checkFold(t, s) })
}
