package html

import (
	"math"
	"sort"
)

// Layout places the nodes of v and sizes them, so that the page draws the view at once,
// before any layout runs in the browser. It is Fruchterman and Reingold's force-directed
// placement (with their grid for large graphs), with ForceAtlas2's mass (hubs push harder)
// and a weak pull to the middle that keeps the parts of a disconnected view together, from
// a fixed start: the same view is laid out the same way every time. The start is a spiral
// in node order or, around center, rings by distance from it. Then the parts no edge joins
// to the largest are packed beside it (packComponents). Last, the labels of parties
// and agreements are kept apart, and those that fit chosen to be always drawn (placeLabels).
// The page re-runs a layout (ForceAtlas2) on demand.
func Layout(v *View, center string) {
	n := len(v.Nodes)
	if n == 0 {
		return
	}
	idx := make(map[string]int, n)
	for i, nd := range v.Nodes {
		idx[nd.ID] = i
	}
	type pair struct{ a, b int }
	var edges []pair
	seen := map[pair]bool{}
	adj := make([][]int, n)
	degree := make([]int, n)
	for _, e := range v.Edges {
		a, okA := idx[e.From]
		b, okB := idx[e.To]
		if !okA || !okB || a == b {
			continue
		}
		degree[a]++
		degree[b]++
		p := pair{min(a, b), max(a, b)}
		if seen[p] {
			continue
		}
		seen[p] = true
		edges = append(edges, p)
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
	}
	for i := range v.Nodes {
		v.Nodes[i].Size = sizeOf(v.Nodes[i].Kind, degree[i])
	}
	k := 10.0 // the ideal distance between neighbours
	x, y := make([]float64, n), make([]float64, n)
	start(x, y, adj, idx, center, k)

	dx, dy := make([]float64, n), make([]float64, n)
	// Fewer steps for more nodes: a served view of a few hundred nodes is laid out in
	// milliseconds, and the page can run ForceAtlas2 on it for longer.
	iterations := min(300, max(30, 20000/n))
	t := k * math.Sqrt(float64(n)) / 4 // the largest move, cooling to 0
	grid := n > 1000
	k2 := k * k
	// Hubs push harder, as in ForceAtlas2: a node's mass grows with the square root of its
	// degree, which spreads the items many edges meet so that their labels stay apart.
	mass := make([]float64, n)
	for i := range mass {
		mass[i] = 1 + 2*math.Sqrt(float64(degree[i]))
	}
	for it := 0; it < iterations; it++ {
		clear(dx)
		clear(dy)
		if grid {
			eachNear(x, y, 2*k, func(i, j int) { repel(x, y, dx, dy, i, j, k2) })
		} else {
			for i := 0; i < n; i++ {
				xi, yi, mi := x[i], y[i], mass[i]*k2
				var fx, fy float64
				for j := i + 1; j < n; j++ {
					ddx, ddy := xi-x[j], yi-y[j]
					d2 := ddx*ddx + ddy*ddy
					if d2 < 1e-9 {
						repel(x, y, dx, dy, i, j, k2)
						continue
					}
					f := mi * mass[j] / d2 // k²·mᵢ·mⱼ/d, over d for the unit vector
					fx += ddx * f
					fy += ddy * f
					dx[j] -= ddx * f
					dy[j] -= ddy * f
				}
				dx[i] += fx
				dy[i] += fy
			}
		}
		for _, e := range edges {
			ddx, ddy := x[e.a]-x[e.b], y[e.a]-y[e.b]
			d := math.Sqrt(ddx*ddx + ddy*ddy)
			f := d / k // d²/k, over d for the unit vector
			dx[e.a] -= ddx * f
			dy[e.a] -= ddy * f
			dx[e.b] += ddx * f
			dy[e.b] += ddy * f
		}
		for i := 0; i < n; i++ {
			d := math.Sqrt(x[i]*x[i] + y[i]*y[i])
			if d > 0 {
				g := 0.05 * d // a weak spring to the middle
				dx[i] -= x[i] / d * g
				dy[i] -= y[i] / d * g
			}
			l := math.Sqrt(dx[i]*dx[i] + dy[i]*dy[i])
			if l > t {
				dx[i], dy[i] = dx[i]/l*t, dy[i]/l*t
			}
			x[i] += dx[i]
			y[i] += dy[i]
		}
		t *= 1 - 1/float64(iterations-it+1)
	}
	packComponents(x, y, adj, k)
	placeLabels(v.Nodes, x, y)
	for i := range v.Nodes {
		v.Nodes[i].X = round(x[i])
		v.Nodes[i].Y = round(y[i])
	}
}

// repel pushes the nodes i and j apart by Fruchterman and Reingold's k²/d; two nodes on one
// spot are pushed apart along a direction fixed by their order. Pairs farther apart than
// the grid's reach are left alone (eachNear may pass them).
func repel(x, y, dx, dy []float64, i, j int, k2 float64) {
	ddx, ddy := x[i]-x[j], y[i]-y[j]
	d2 := ddx*ddx + ddy*ddy
	if d2 < 1e-9 {
		ddx, ddy, d2 = 0.01*float64(j-i), 0.01, 1e-4+1e-4*float64((j-i)*(j-i))
	}
	if d2 > 4*k2 {
		return
	}
	f := k2 / d2
	dx[i] += ddx * f
	dy[i] += ddy * f
	dx[j] -= ddx * f
	dy[j] -= ddy * f
}

// start places the nodes before the forces move them: around center by rings of distance
// when center is a node, on a spiral otherwise; nodes center does not reach go on a
// spiral outside the rings.
func start(x, y []float64, adj [][]int, idx map[string]int, center string, k float64) {
	n := len(x)
	placed := make([]bool, n)
	outer := 0.0
	if c, ok := idx[center]; ok {
		ring := []int{c}
		placed[c] = true
		for d := 0; len(ring) > 0; d++ {
			r := float64(d) * 2 * k * math.Max(1, math.Sqrt(float64(len(ring)))/2)
			r = math.Max(r, outer+2*k)
			if d == 0 {
				r = 0
			}
			for j, i := range ring {
				a := 2*math.Pi*float64(j)/float64(len(ring)) + float64(d)*0.7
				x[i], y[i] = r*math.Cos(a), r*math.Sin(a)
			}
			outer = r
			var next []int
			for _, i := range ring {
				for _, j := range adj[i] {
					if !placed[j] {
						placed[j] = true
						next = append(next, j)
					}
				}
			}
			sort.Ints(next)
			ring = next
		}
	}
	golden := math.Pi * (3 - math.Sqrt(5))
	s := 0
	for i := 0; i < n; i++ {
		if placed[i] {
			continue
		}
		r := outer + k*math.Sqrt(float64(s)+0.5)
		a := float64(s) * golden
		x[i], y[i] = r*math.Cos(a), r*math.Sin(a)
		s++
	}
}

// eachNear calls f once for each pair of points that lie in the same or neighbouring cells
// of a grid of the given cell size, in a fixed order.
func eachNear(x, y []float64, cell float64, f func(i, j int)) {
	type key struct{ cx, cy int }
	cells := map[key][]int{}
	var keys []key
	for i := range x {
		k := key{int(math.Floor(x[i] / cell)), int(math.Floor(y[i] / cell))}
		if _, ok := cells[k]; !ok {
			keys = append(keys, k)
		}
		cells[k] = append(cells[k], i)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].cx != keys[b].cx {
			return keys[a].cx < keys[b].cx
		}
		return keys[a].cy < keys[b].cy
	})
	for _, k := range keys {
		in := cells[k]
		for a := range in {
			for b := a + 1; b < len(in); b++ {
				f(in[a], in[b])
			}
		}
		// Each pair of neighbouring cells once: the four neighbours after this one.
		for _, d := range [][2]int{{1, -1}, {1, 0}, {1, 1}, {0, 1}} {
			for _, i := range in {
				for _, j := range cells[key{k.cx + d[0], k.cy + d[1]}] {
					f(i, j)
				}
			}
		}
	}
}

// round keeps two decimals: enough for a drawing, and a smaller page.
func round(v float64) float64 { return math.Round(v*100) / 100 }
