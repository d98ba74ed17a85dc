package ingest

import (
	"fmt"
	"unicode/utf8"
)

// closest returns the candidate nearest to s by edit distance, if it is near enough to be a
// likely typo: at most a third of the longer word's length, and at most 3 edits.
func closest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	for _, c := range candidates {
		if c == s || abs(len(c)-len(s)) > 3*utf8.UTFMax {
			continue
		}
		d := editDistance(s, c)
		limit := max(len([]rune(s)), len([]rune(c))) / 3
		limit = min(max(limit, 1), 3)
		if d > limit {
			continue
		}
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	return best, bestD >= 0
}

// didYouMean returns "; did you mean \"x\"?" when a candidate is close to s, else "".
func didYouMean(s string, candidates []string) string {
	if c, ok := closest(s, candidates); ok {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b, counted in runes:
// insertions, deletions, substitutions and swaps of two neighbours ("nmae" for "name") each
// cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
