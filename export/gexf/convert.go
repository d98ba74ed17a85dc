package gexf

import (
	"fmt"
	"io"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name:        "gexf",
		Exts:        []string{"gexf"},
		Description: "GEXF 1.3 with typed attributes, colours and a timeline from the facts' dates (Gephi)",
		Write:       Write,
		Layout:      true,
	})
}

// Write writes g as a dynamic GEXF 1.3 graph whose timeline comes from the facts' dates
// (export.NodeSpan: an agreement is there from its date on, until a revision the facts state;
// an event is an instant; a duty or relation lasts from since to until). When g was laid
// out, each node has its place as viz:position and viz:size.
func Write(w io.Writer, g *export.Graph) error {
	nf, err := export.NodeFields(g)
	if err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	ef, err := export.EdgeFields(g)
	if err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	desc := g.Name
	if g.View != "" {
		desc += " (" + g.View + " view)"
	}
	gw := NewWriter(w)
	if err := gw.WriteHeader(Header{
		Creator: "factgraph", Description: desc,
		Dynamic: true, TimeFormat: "date",
		NodeAttrs: declare(nf), EdgeAttrs: declare(ef),
	}); err != nil {
		return err
	}
	var vals []export.Value
	var node Node
	var color Color
	var pos Position
	var spells [1]Spell
	for i := range g.Nodes {
		n := &g.Nodes[i]
		vals = export.NodeValues(vals[:0], n)
		node = Node{ID: n.ID, Label: n.Label, AttValues: attvalues(node.AttValues[:0], vals)}
		color = Color(n.Color)
		node.Color = &color
		if s := export.NodeSpan(n); !s.IsZero() {
			spells[0] = Spell(s)
			node.Spells = spells[:]
		}
		if g.Placed {
			pos = Position{X: n.Place.X, Y: n.Place.Y}
			node.Position, node.Size = &pos, NodeSize(n.Place)
		}
		if err := gw.WriteNode(&node); err != nil {
			return err
		}
	}
	var edge Edge
	for i := range g.Edges {
		e := &g.Edges[i]
		if vals, err = export.EdgeValues(vals[:0], e); err != nil {
			return fmt.Errorf("gexf: %w", err)
		}
		weight, _ := export.EdgeWeight(e)
		edge = Edge{ID: e.ID, Source: e.From, Target: e.To, Label: e.Label, Weight: weight,
			AttValues: attvalues(edge.AttValues[:0], vals)}
		color = Color(e.Color)
		edge.Color = &color
		if e.Dashed {
			edge.Shape = "dashed"
		}
		if s := export.EdgeSpan(e); !s.IsZero() {
			spells[0] = Spell(s)
			edge.Spells = spells[:]
		}
		if err := gw.WriteEdge(&edge); err != nil {
			return err
		}
	}
	return gw.Close()
}

// inElement are the attributes GEXF carries as XML attributes of <node> and <edge>
// rather than as attvalues.
func inElement(name string) bool { return name == export.AttrLabel || name == export.AttrWeight }

func declare(fs []export.Field) []Attribute {
	as := make([]Attribute, 0, len(fs))
	for _, f := range fs {
		if !inElement(f.Name) {
			as = append(as, Attribute{ID: f.Name, Title: f.Name, Type: f.Type.String()})
		}
	}
	return as
}

func attvalues(dst []AttValue, vals []export.Value) []AttValue {
	for _, v := range vals {
		if !inElement(v.Name) {
			dst = append(dst, AttValue{For: v.Name, Value: v.Text})
		}
	}
	return dst
}

// NodeSize is the viz:size of a node placed at p: half its shorter side, so that Gephi's
// discs stand apart as the drawing's shapes do.
func NodeSize(p export.Place) float64 { return min(p.Width, p.Height) / 2 }

// SpellOf is the period when an item of no particular kind exists on the timeline, at the
// precision its dates were written (Write uses export.NodeSpan, which knows kinds): from since to until when either is given (an open end when the other is
// not), else the span of its date (a bare year 1951 is 1951-01-01 to 1951-12-31, a month
// its first to last day, a day that day). An item with no date has no spell: it is there
// all the time.
func SpellOf(date, since, until graph.Date) (Spell, bool) {
	const layout = "2006-01-02"
	switch {
	case !since.IsZero() || !until.IsZero():
		var s Spell
		if !since.IsZero() {
			s.Start = since.Start().Format(layout)
		}
		if !until.IsZero() {
			s.End = until.End().Format(layout)
		}
		return s, true
	case !date.IsZero():
		return Spell{date.Start().Format(layout), date.End().Format(layout)}, true
	}
	return Spell{}, false
}
