package html_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/factgraph/factgraph/export/html"
)

// randomView is a view of n nodes and m edges drawn at random, the same for the same n, m.
func randomView(n, m int) *html.View {
	r := rand.New(rand.NewPCG(uint64(n), uint64(m)))
	v := &html.View{}
	for i := range n {
		v.Nodes = append(v.Nodes, html.Node{ID: fmt.Sprintf("n%04d", i), Kind: "party"})
	}
	for i := range m {
		v.Edges = append(v.Edges, html.Edge{ID: fmt.Sprint(i), From: v.Nodes[r.IntN(n)].ID, To: v.Nodes[r.IntN(n)].ID})
	}
	return v
}

func TestLayout(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {1, 0}, {2, 1}, {57, 177}, {300, 600}, {1500, 3000}} {
		a, b := randomView(size[0], size[1]), randomView(size[0], size[1])
		html.Layout(a, "")
		html.Layout(b, "")
		seen := map[[2]float64]bool{}
		for i, n := range a.Nodes {
			if n.X != b.Nodes[i].X || n.Y != b.Nodes[i].Y || n.Size != b.Nodes[i].Size {
				t.Fatalf("%v: two layouts of one view differ at %s", size, n.ID)
			}
			if n.Size <= 0 {
				t.Errorf("%v: node %s has size %v", size, n.ID, n.Size)
			}
			p := [2]float64{n.X, n.Y}
			if seen[p] && size[0] > 1 {
				t.Errorf("%v: two nodes at %v", size, p)
			}
			seen[p] = true
		}
	}
	v := randomView(40, 60)
	html.Layout(v, v.Nodes[7].ID)
	if len(v.Nodes) != 40 {
		t.Fatal("nodes lost")
	}
}

func BenchmarkLayout(b *testing.B) {
	for _, size := range [][2]int{{57, 177}, {300, 600}, {2000, 4000}} {
		b.Run(fmt.Sprintf("%d-nodes", size[0]), func(b *testing.B) {
			v := randomView(size[0], size[1])
			for b.Loop() {
				html.Layout(v, v.Nodes[0].ID)
			}
		})
	}
}

// Parts of a view that no edge joins to the rest are packed beside it, not left at the
// rim, where they would shrink the whole drawing when the page fits it to the screen.
func TestLayoutPacksParts(t *testing.T) {
	v := &html.View{}
	for i := range 40 {
		v.Nodes = append(v.Nodes, html.Node{ID: fmt.Sprintf("n%02d", i), Kind: "claim"})
		if i > 0 {
			v.Edges = append(v.Edges, html.Edge{ID: fmt.Sprint(i), From: "n00", To: fmt.Sprintf("n%02d", i)})
		}
	}
	v.Nodes = append(v.Nodes, html.Node{ID: "lone", Kind: "claim"}, html.Node{ID: "pair-a", Kind: "claim"}, html.Node{ID: "pair-b", Kind: "claim"})
	v.Edges = append(v.Edges, html.Edge{ID: "pair", From: "pair-a", To: "pair-b"})
	html.Layout(v, "n00")
	minX, maxX, minY, maxY := 1e9, -1e9, 1e9, -1e9
	for _, n := range v.Nodes[:40] {
		minX, maxX, minY, maxY = min(minX, n.X), max(maxX, n.X), min(minY, n.Y), max(maxY, n.Y)
	}
	w := maxX - minX
	for _, n := range v.Nodes[40:] {
		if n.X < maxX || n.X > maxX+w/2 || n.Y < minY || n.Y > maxY {
			t.Errorf("%s at (%v, %v), want it just right of the star's box x %v..%v, y %v..%v", n.ID, n.X, n.Y, minX, maxX, minY, maxY)
		}
	}
}
