package html

import (
	"math"

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

// labelled reports whether the page always draws a node's label: parties and agreements,
// what every view is about (page.js, forceLabel). Others are drawn when there is room.
func labelled(kind string) bool { return kind == graph.KindParty || kind == graph.KindAgreement }

// spreadLabels moves the nodes whose labels the page always draws apart until no two of
// their labels, or a label and such a node, overlap on a screen of screenWidth by
// screenHeight, the whole layout fitted into it as sigma.js fits it. Each overlap is undone
// along the axis where it is smaller, half by each node, in node order: the same layout
// gives the same result. A view with more than maxSpread such nodes, more labels than such
// a screen has lines for, is left as it is, as is what is still too close after 100 rounds.
func spreadLabels(nodes []Node, x, y []float64) {
	const maxSpread = 100
	var ids []int
	for i, n := range nodes {
		if labelled(n.Kind) {
			ids = append(ids, i)
		}
	}
	if len(ids) < 2 || len(ids) > maxSpread {
		return
	}
	width := make([]float64, len(nodes))
	for _, i := range ids {
		width[i] = float64(min(len([]rune(nodes[i].Label)), labelChars)) * charWidth
	}
	for range 100 {
		s := fitScale(x, y)
		moved := false
		for a, i := range ids {
			for _, j := range ids[a+1:] {
				ox, oy := overlap(nodes[i], nodes[j], x[i]*s, y[i]*s, x[j]*s, y[j]*s, width[i], width[j])
				if ox <= 0 || oy <= 0 {
					continue
				}
				moved = true
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
