package html

import (
	"cmp"
	"math"
	"slices"

	"github.com/factgraph/factgraph/graph"
)

// The drawing the labels are kept apart for: the page's graph area on a small laptop screen
// (790 by 556 pixels when the page is 1000 by 640, less sigma.js's padding of 30 pixels each
// side, into which it fits the layout), and sigma.js's labels (14 pixels high, drawn 3
// pixels right of the node). A larger screen spreads the same layout further, so what is
// apart here stays apart there.
const (
	screenWidth  = 730.0
	screenHeight = 496.0
	labelHeight  = 16.0
	labelGap     = 3.0
	charWidth    = 7.6 // a wide average for 14-pixel sans-serif text
	labelChars   = 48  // the page shortens longer labels
)

// named reports whether a node's label is one the page should draw whenever it can:
// parties and agreements, what every view is about. Claims and duties, whose labels are
// sentences, are drawn when sigma.js finds room (zoomed in) and on hover.
func named(kind string) bool { return kind == graph.KindParty || kind == graph.KindAgreement }

// placeLabels decides which labels the page always draws (Node.Labelled) and moves their
// nodes so that those labels do not overlap one another or such a node on a screen of
// screenWidth by screenHeight, the whole layout fitted into it as sigma.js fits it.
//
// First the named nodes are moved apart: each overlap is undone along the axis where it is
// smaller, half by each node, in node order, until none is left, each node staying within
// maxMove screen pixels of where the force layout put it (a hub among a hundred parties
// cannot show every name on one screen, and moving further only squeezes the picture into a
// line) and the layout keeping 3/4 of its first scale. Then the
// labels that still fit are chosen, the largest nodes (the most linked) first: a label that
// would overlap one already chosen is left to sigma.js, which draws it when there is room.
// The same layout gives the same result.
func placeLabels(nodes []Node, x, y []float64) {
	var ids []int
	for i, n := range nodes {
		if named(n.Kind) {
			ids = append(ids, i)
		}
	}
	width := make([]float64, len(nodes))
	for _, i := range ids {
		width[i] = float64(min(len([]rune(nodes[i].Label)), labelChars)) * charWidth
	}
	if len(ids) >= 2 && len(ids) <= maxSpread {
		spread(nodes, ids, width, x, y)
	}
	slices.SortStableFunc(ids, func(a, b int) int { return cmp.Compare(nodes[b].Size, nodes[a].Size) })
	s := fitScale(x, y)
	var chosen []int
	for _, i := range ids {
		clear := true
		for _, j := range chosen {
			if ox, oy := overlap(nodes[i], nodes[j], x[i]*s, y[i]*s, x[j]*s, y[j]*s, width[i], width[j]); ox > 0 && oy > 0 {
				clear = false
				break
			}
		}
		if clear {
			chosen = append(chosen, i)
			nodes[i].Labelled = true
		}
	}
}

// maxSpread is the most named nodes spread moves: more labels than a screen has lines for.
// maxMove is how far, in screen pixels, spread moves a node: three lines of labels.
const (
	maxSpread = 100
	maxMove   = 3 * labelHeight
)

// spread moves the named nodes ids apart until their labels do not overlap, for at most 100
// rounds, each within maxMove of where it was, while the layout keeps 3/4 of its first scale.
func spread(nodes []Node, ids []int, width, x, y []float64) {
	first := fitScale(x, y)
	x0, y0 := slices.Clone(x), slices.Clone(y)
	limit := maxMove / first
	keep := func(i int) {
		x[i] = min(max(x[i], x0[i]-limit), x0[i]+limit)
		y[i] = min(max(y[i], y0[i]-limit), y0[i]+limit)
	}
	// Two boxes overlap only when their nodes are nearer than reach on the screen's y axis:
	// each round looks at the nodes in order of y, each with those that follow it within it.
	reach := labelHeight
	for _, i := range ids {
		reach = math.Max(reach, 2*nodes[i].Size)
	}
	order := slices.Clone(ids)
	for range 100 {
		s := fitScale(x, y)
		if s < first*3/4 {
			return
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(y[a], y[b]) })
		moved := false
		for a, i := range order {
			for _, j := range order[a+1:] {
				if (y[j]-y[i])*s >= reach {
					break
				}
				ox, oy := overlap(nodes[i], nodes[j], x[i]*s, y[i]*s, x[j]*s, y[j]*s, width[i], width[j])
				if ox <= 0 || oy <= 0 {
					continue
				}
				xi, yi, xj, yj := x[i], y[i], x[j], y[j]
				if oy <= ox {
					d := (oy/2 + 1) / s
					if y[i] < y[j] || y[i] == y[j] && i < j {
						y[i], y[j] = y[i]-d, y[j]+d
					} else {
						y[i], y[j] = y[i]+d, y[j]-d
					}
				} else {
					d := (ox/2 + 1) / s
					if x[i] < x[j] || x[i] == x[j] && i < j {
						x[i], x[j] = x[i]-d, x[j]+d
					} else {
						x[i], x[j] = x[i]+d, x[j]-d
					}
				}
				keep(i)
				keep(j)
				moved = moved || x[i] != xi || y[i] != yi || x[j] != xj || y[j] != yj
			}
		}
		if !moved {
			return
		}
	}
}

// overlap returns by how much, in screen pixels, the boxes of nodes a and b (the node and
// its label to the right) overlap along each axis; either is 0 or less when they do not.
func overlap(a, b Node, ax, ay, bx, by, aw, bw float64) (float64, float64) {
	box := func(n Node, x, y, w float64) (l, r, t, bot float64) {
		h := math.Max(n.Size, labelHeight/2)
		return x - n.Size, x + n.Size + labelGap + w, y - h, y + h
	}
	al, ar, at, ab := box(a, ax, ay, aw)
	bl, br, bt, bb := box(b, bx, by, bw)
	return math.Min(ar, br) - math.Max(al, bl), math.Min(ab, bb) - math.Max(at, bt)
}

// fitScale is how many screen pixels a unit of the layout takes when the whole layout is
// fitted into the screen.
func fitScale(x, y []float64) float64 {
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range x {
		minX, maxX = math.Min(minX, x[i]), math.Max(maxX, x[i])
		minY, maxY = math.Min(minY, y[i]), math.Max(maxY, y[i])
	}
	w, h := math.Max(maxX-minX, 1e-9), math.Max(maxY-minY, 1e-9)
	return math.Min(screenWidth/w, screenHeight/h)
}
