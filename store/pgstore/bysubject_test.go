package pgstore

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// shuffledQuads returns n quads of subjects subjects, numbered 0 to n-1, in a random order.
func shuffledQuads(n, subjects int) []hashedQuad {
	rng := rand.New(rand.NewPCG(1, 2))
	found := make([]hashedQuad, n)
	for i := range found {
		found[i] = hashedQuad{s: fmt.Sprintf("subject %d", rng.IntN(subjects)), n: int64(i)}
	}
	rng.Shuffle(n, func(i, j int) { found[i], found[j] = found[j], found[i] })
	return found
}

// TestBySubject checks that bySubject leaves each subject's quads together and in the
// order of their numbers, and every quad there once.
func TestBySubject(t *testing.T) {
	for _, n := range []int{0, 1, 2, 100, 5000} {
		found := shuffledQuads(n, 1+n/9)
		want := slices.Clone(found)
		slices.SortFunc(want, func(a, b hashedQuad) int { return cmp.Compare(a.n, b.n) })
		bySubject(found, 1+n/9)
		seen := map[string]bool{}
		for i, r := range found {
			if i > 0 && found[i-1].s == r.s && found[i-1].n > r.n {
				t.Fatalf("%d quads: %s's quad %d before %d", n, r.s, found[i-1].n, r.n)
			}
			if i > 0 && found[i-1].s != r.s && seen[r.s] {
				t.Fatalf("%d quads: %s's quads apart", n, r.s)
			}
			seen[r.s] = true
		}
		got := slices.Clone(found)
		slices.SortFunc(got, func(a, b hashedQuad) int { return cmp.Compare(a.n, b.n) })
		if !slices.Equal(got, want) {
			t.Fatalf("%d quads: other quads after bySubject", n)
		}
	}
}

// BenchmarkBySubject puts the quads of 1,588 subjects in order, as many as the obligations
// of a party that 10,000 articles name have, against a sort of them all.
func BenchmarkBySubject(b *testing.B) {
	found := shuffledQuads(14005, 1588)
	work := make([]hashedQuad, len(found))
	b.Run("bySubject", func(b *testing.B) {
		for b.Loop() {
			copy(work, found)
			bySubject(work, 1588)
		}
	})
	b.Run("sort", func(b *testing.B) {
		for b.Loop() {
			copy(work, found)
			slices.SortFunc(work, func(a, b hashedQuad) int { return cmp.Or(strings.Compare(a.s, b.s), cmp.Compare(a.n, b.n)) })
		}
	})
}
