package html

import (
	"cmp"
	"math"
	"slices"
)

// packComponents moves each part of the layout that no edge joins to the largest part next
// to it: in columns down its right side, the larger parts first, k apart. Forces alone leave
// such parts far out at the rim (only a weak pull to the middle holds them against the push
// of the whole), which shrinks everything else when the page fits the layout to the screen.
func packComponents(x, y []float64, adj [][]int, k float64) {
	n := len(x)
	comp := make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	var parts [][]int
	for i := range n {
		if comp[i] >= 0 {
			continue
		}
		id := len(parts)
		part := []int{i}
		comp[i] = id
		for q := 0; q < len(part); q++ {
			for _, j := range adj[part[q]] {
				if comp[j] < 0 {
					comp[j] = id
					part = append(part, j)
				}
			}
		}
		parts = append(parts, part)
	}
	if len(parts) < 2 {
		return
	}
	slices.SortStableFunc(parts, func(a, b []int) int { return cmp.Compare(len(b), len(a)) })
	bounds := func(part []int) (minX, maxX, minY, maxY float64) {
		minX, maxX, minY, maxY = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, i := range part {
			minX, maxX = math.Min(minX, x[i]), math.Max(maxX, x[i])
			minY, maxY = math.Min(minY, y[i]), math.Max(maxY, y[i])
		}
		return
	}
	_, mainMaxX, mainMinY, mainMaxY := bounds(parts[0])
	colX, colY, colW := mainMaxX+2*k, mainMinY, 0.0
	for _, part := range parts[1:] {
		minX, maxX, minY, maxY := bounds(part)
		w, h := maxX-minX, maxY-minY
		if colY > mainMinY && colY+h > mainMaxY {
			colX, colY, colW = colX+colW+2*k, mainMinY, 0
		}
		for _, i := range part {
			x[i] += colX - minX
			y[i] += colY - minY
		}
		colY += h + k
		colW = math.Max(colW, w)
	}
}
