package ingest

import "fmt"

// closest returns the candidate nearest to s by edit distance, if it is near enough to be a
// likely typo: at most a third of the longer word's length, and at most 3 edits.
func closest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	for _, c := range candidates {
		if c == s {
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

// editDistance is the Levenshtein distance between a and b, counted in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
