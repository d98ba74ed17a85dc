// Package suggest finds what a user probably meant: the nearest of a set of words to one
// mistyped, and an id for a name. The validator, the store and the queries all suggest
// through it, so that a typo is forgiven the same way everywhere.
package suggest

import "strings"

// Distance is the optimal string alignment distance between a and b, counted in runes:
// inserting, deleting or changing one rune, or swapping two neighbours ("nmae" for
// "name"), costs one. Once the distance is known to exceed max it returns max+1; a
// negative max means no bound.
func Distance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if max >= 0 {
		if d := len(ra) - len(rb); d > max || -d > max {
			return max + 1
		}
	}
	// Three rows of the table: the one before the previous, for swaps.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if max >= 0 && low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Limit is how far a candidate may be from s to be a likely typo of it: a third of the
// longer one's runes, at least one edit and at most three.
func Limit(s, candidate string) int {
	n := max(len([]rune(s)), len([]rune(candidate)))
	return min(max(n/3, 1), 3)
}

// Closest returns the candidate nearest to s if it is within Limit, the smaller candidate
// of two at the same distance; s itself is not a suggestion.
func Closest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	for _, c := range candidates {
		if c == s {
			continue
		}
		limit := Limit(s, c)
		if bestD >= 0 {
			limit = min(limit, bestD)
		}
		d := Distance(s, c, limit)
		if d > limit {
			continue
		}
		if bestD < 0 || d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best, bestD >= 0
}

// ID turns a name into an id: lower case letters and digits of ASCII, every run of other
// characters one hyphen between them ("Japan-US Security Treaty" gives
// "japan-us-security-treaty").
func ID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// Near tells which words are at most max edits (Distance) from one word, for many words:
// a word whose letters differ from it in more than twice max places (counted without
// order) is not, without the full comparison.
type Near struct {
	word  string
	max   int
	ascii bool
	count [128]int16
}

// NewNear returns a Near for the words at most max edits from word.
func NewNear(word string, max int) *Near {
	n := &Near{word: word, max: max, ascii: isASCII(word)}
	for i := 0; i < len(word) && n.ascii; i++ {
		n.count[word[i]]++
	}
	return n
}

// Is says whether w is at most max edits from the word.
func (n *Near) Is(w string) bool {
	if n.ascii && isASCII(w) {
		if d := len(w) - len(n.word); d > n.max || -d > n.max {
			return false
		}
		// Each edit changes the letters' counts by at most two.
		c := n.count
		for i := 0; i < len(w); i++ {
			c[w[i]]--
		}
		diff := 0
		for _, k := range c {
			if k < 0 {
				k = -k
			}
			diff += int(k)
		}
		if diff > 2*n.max {
			return false
		}
	}
	return Distance(n.word, w, n.max) <= n.max
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
