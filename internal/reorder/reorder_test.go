package reorder

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestApply checks Apply against building the permuted slice anew, for permutations of
// every shape (the identity, one cycle, many), and that it leaves order as the identity.
func TestApply(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 40; n++ {
		for round := 0; round < 20; round++ {
			order := make([]int32, n)
			for i := range order {
				order[i] = int32(i)
			}
			switch round {
			case 0: // the identity
			case 1: // one cycle through every place
				for i := range order {
					order[i] = int32((i + 1) % n)
				}
			default:
				r.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
			}
			xs := make([]string, n)
			want := make([]string, n)
			for i := range xs {
				xs[i] = string(rune('A' + i))
			}
			for i, k := range order {
				want[i] = xs[k]
			}
			Apply(xs, order)
			if !slices.Equal(xs, want) {
				t.Fatalf("n %d round %d: Apply gave %v, want %v", n, round, xs, want)
			}
			for i, k := range order {
				if k != int32(i) {
					t.Fatalf("n %d round %d: order not left as the identity: %v", n, round, order)
				}
			}
		}
	}
}

// TestSort checks Sort against slices.SortFunc on the values, on values with repeated
// keys told apart by a second field (a total order).
func TestSort(t *testing.T) {
	type item struct{ key, id int }
	r := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 200; n += 7 {
		xs := make([]item, n)
		for i := range xs {
			xs[i] = item{r.IntN(5), i}
		}
		r.Shuffle(n, func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
		byValue := func(a, b item) int {
			if a.key != b.key {
				return a.key - b.key
			}
			return a.id - b.id
		}
		want := slices.Clone(xs)
		slices.SortFunc(want, byValue)
		Sort(xs, func(a, b int32) int { return byValue(xs[a], xs[b]) })
		if !slices.Equal(xs, want) {
			t.Fatalf("n %d: Sort gave %v, want %v", n, xs, want)
		}
	}
}
