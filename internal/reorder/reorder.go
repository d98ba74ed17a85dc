// Package reorder sorts slices of large values by sorting their places (int32 indexes)
// and then moving each value once. A sort that swaps values moves each many times: the
// million 300-byte edges of a large export, or the items of a merged graph, cost more to
// move than to compare. The graph's merge, the export views and the N-Quads export sort
// through it.
package reorder

import "slices"

// Order returns the places 0 to n-1 in the order compare gives them: compare(a, b) is
// negative when the value at a goes before the one at b. compare should be a total order;
// places it finds equal keep no particular order.
func Order(n int, compare func(a, b int32) int) []int32 {
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, compare)
	return order
}

// Apply puts xs[order[i]] at i for every i, moving each value once by following the
// cycles of the permutation order, which must hold each place of xs once. order is left
// as the identity.
func Apply[T any](xs []T, order []int32) {
	for i := range order {
		if order[i] == int32(i) {
			continue
		}
		moved := xs[i]
		j := int32(i)
		for {
			k := order[j]
			order[j] = j
			if k == int32(i) {
				xs[j] = moved
				break
			}
			xs[j] = xs[k]
			j = k
		}
	}
}

// Sort sorts xs in the order compare gives their places (Order), moving each value once.
func Sort[T any](xs []T, compare func(a, b int32) int) {
	if len(xs) < 2 {
		return
	}
	Apply(xs, Order(len(xs), compare))
}
