// Package layout lays an export graph out with Graphviz: the DOT that package export/dot
// writes, laid out by the dot program compiled into factgraph (github.com/goccy/go-graphviz),
// the same layout "dot -Tsvg" draws from that file.
//
// Place tries the ways a view may be drawn (left to right or top to bottom, speakers as
// bands or columns), in turn until one fits the view's size well, keeps the one that fits
// best (see Fits), and records where that layout puts each node, so that the GEXF, GraphML
// and graphology JSON writers can carry the positions and Gephi, yEd, Gephi Lite and sigma.js
// open the graph as drawn. Graphs of more than MaxEdges edges take too long to lay out: they
// are left unplaced, and Graph.Unplaced says so. The layout is deterministic: the same graph
// gives the same positions, to the bit.
package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/third_party/go-graphviz"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/dot"
	"github.com/factgraph/factgraph/export/internal/engine"
)

func init() { export.RegisterLayouter(Place) }

// MaxEdges is the most edges of a graph Place lays out. Graphviz's dot takes time that
// grows much faster than the graph: on a 2-core machine a full view of 175 edges (the
// flagship) takes about 1 s, one of 536 edges 1 s to 2 s, a parties view of 412 edges 12 s
// and a full view of 1,052 edges 19 s (docs/export.md). A single article stays under it.
const MaxEdges = 300

// goodEnough is the badness at which Place stops trying drawings: a tenth below the
// targets, for other versions of Graphviz to draw a little larger.
const goodEnough = 0.9

// Limit is the longest side, in points, a picture of the view should have.
func Limit(view string) float64 {
	if view == export.ViewFull || view == "" {
		return 3000
	}
	return 2000
}

// Size is a picture's width and height in points.
type Size struct{ Width, Height float64 }

// Fits reports whether a picture of the view of this size meets its targets: no side longer
// than Limit, and for the parties and arguments views a ratio of sides of at most 2.
func Fits(view string, s Size) bool {
	if max(s.Width, s.Height) > Limit(view) {
		return false
	}
	if view == export.ViewFull || view == "" || s.Width == 0 || s.Height == 0 {
		return true
	}
	r := s.Width / s.Height
	return r >= 0.5 && r <= 2
}

// badness orders sizes from best to worst for a view: the larger of the longest side over
// the view's limit and (but for the full view) the ratio of the sides over 2. A size that
// fits has a badness of at most 1.
func badness(view string, s Size) float64 {
	b := max(s.Width, s.Height) / Limit(view)
	if view != export.ViewFull && view != "" && s.Width > 0 && s.Height > 0 {
		b = max(b, aspect(s)/2)
	}
	return b
}

// aspect is the ratio of the longer side to the shorter.
func aspect(s Size) float64 { return max(s.Width, s.Height) / max(1, min(s.Width, s.Height)) }

// stretch is the height over width a drawing of this size is stretched to, so that its
// sides are within a ratio of 2 with a margin for other versions of Graphviz; 0 when it
// needs none.
func stretch(s Size) float64 {
	const most = 1.8
	switch {
	case s.Width > most*s.Height:
		return 1 / most
	case s.Height > most*s.Width:
		return most
	}
	return 0
}

// Place lays g out (see the package documentation). It sets g.Drawing, and either every
// node's Place and g.Placed, or g.Unplaced.
func Place(ctx context.Context, g *export.Graph) error {
	if n := len(g.Edges); n > MaxEdges {
		g.Unplaced = fmt.Sprintf("the %s view has %d edges, more than the %d laid out in good time: positions left out (lay it out in Gephi, e.g. with ForceAtlas 2, or export less with --focus or --source)", viewName(g), n, MaxEdges)
		return nil
	}
	gv, err := engine.New(ctx)
	if err != nil {
		return fmt.Errorf("start graphviz: %w", err)
	}
	defer gv.Close()
	tries := Candidates(g.View)
	if g.Drawing != (export.Drawing{}) {
		tries = []export.Drawing{g.Drawing}
	}
	var best *result
	for _, d := range tries {
		g.Drawing = d
		r, err := run(ctx, gv, g)
		if err != nil {
			return err
		}
		if best == nil || badness(g.View, r.size) < badness(g.View, best.size) {
			best = r
		}
		if badness(g.View, best.size) <= goodEnough {
			break
		}
	}
	g.Drawing = best.drawing
	if r := stretch(best.size); r != 0 && g.View != export.ViewFull && g.View != "" {
		// Too flat or too tall: spread the nodes apart along the short side.
		g.Drawing.Ratio = r
		if best, err = run(ctx, gv, g); err != nil {
			return err
		}
	}
	for i := range g.Nodes {
		p, ok := best.places[g.Nodes[i].ID]
		if !ok {
			return fmt.Errorf("graphviz placed no node %q: please report this", g.Nodes[i].ID)
		}
		g.Nodes[i].Place = p
	}
	g.Placed = true
	return nil
}

// Candidates are the drawings Place tries for a view, in turn, until one fits well enough:
// the ones that fit most often on the curated and synthetic articles, most often first.
func Candidates(view string) []export.Drawing {
	lr, tb := export.Drawing{Direction: "LR"}, export.Drawing{Direction: "TB"}
	switch view {
	case export.ViewParties:
		return []export.Drawing{lr, tb}
	case export.ViewArguments:
		return []export.Drawing{lr, {Direction: "LR", Columns: true}}
	}
	return []export.Drawing{lr, {Direction: "LR", Columns: true, LooseAbout: true}, tb}
}

func viewName(g *export.Graph) string {
	if g.View == "" {
		return export.ViewFull
	}
	return g.View
}

// result is one layout of a graph.
type result struct {
	drawing export.Drawing
	size    Size
	places  map[string]export.Place
}

// run lays g out as it is to be drawn and reads the layout back from Graphviz's JSON.
func run(ctx context.Context, gv *graphviz.Graphviz, g *export.Graph) (*result, error) {
	var src bytes.Buffer
	if err := dot.Write(&src, g); err != nil {
		return nil, fmt.Errorf("write dot: %w", err)
	}
	gg, err := graphviz.ParseBytes(src.Bytes())
	if err != nil {
		return nil, fmt.Errorf("graphviz cannot read the dot it was given: %w", err)
	}
	defer gg.Close()
	var out bytes.Buffer
	if err := gv.Render(ctx, gg, graphviz.Format("json0"), &out); err != nil {
		return nil, fmt.Errorf("lay out: %w", err)
	}
	return parse(out.Bytes(), g.Drawing)
}

// parse reads Graphviz's json0 output: the bounding box, and each node's centre and size.
func parse(b []byte, d export.Drawing) (*result, error) {
	var doc struct {
		BB      string `json:"bb"`
		Objects []struct {
			Name   string `json:"name"`
			Pos    string `json:"pos"`
			Width  string `json:"width"`
			Height string `json:"height"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("read graphviz's layout: %w", err)
	}
	bb, err := numbers(doc.BB, 4)
	if err != nil {
		return nil, fmt.Errorf("read graphviz's bounding box %q: %w", doc.BB, err)
	}
	r := &result{drawing: d, size: Size{bb[2] - bb[0], bb[3] - bb[1]}, places: make(map[string]export.Place, len(doc.Objects))}
	for _, o := range doc.Objects {
		if o.Pos == "" { // a cluster
			continue
		}
		xy, err := numbers(o.Pos, 2)
		if err != nil {
			return nil, fmt.Errorf("read the position %q of %q: %w", o.Pos, o.Name, err)
		}
		wh, err := numbers(o.Width+","+o.Height, 2)
		if err != nil {
			return nil, fmt.Errorf("read the size of %q: %w", o.Name, err)
		}
		// Graphviz gives sizes in inches; positions in points, y up.
		r.places[o.Name] = export.Place{X: round(xy[0]), Y: round(xy[1]), Width: round(wh[0] * 72), Height: round(wh[1] * 72)}
	}
	return r, nil
}

func numbers(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// round keeps two decimals: a hundredth of a point is finer than any screen.
func round(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return r
}
