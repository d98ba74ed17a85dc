package graphml

import (
	"fmt"
	"io"
	"strconv"

	"github.com/factgraph/factgraph/export"
)

func init() {
	export.Register(export.Format{
		Name:        "graphml",
		Exts:        []string{"graphml"},
		Description: "GraphML with typed attributes and Gephi's colours (Gephi, NetworkX, igraph, graphology)",
		Write:       Write,
		Layout:      true,
	})
	export.Register(export.Format{
		Name:        "yed",
		Exts:        []string{"yed.graphml"},
		Description: "GraphML with yEd's graphics too, so yEd shows labels, shapes and colours",
		Write:       WriteYEd,
		Layout:      true,
	})
}

// Write writes g as GraphML valid against the official GraphML 1.0 schema: the standard
// attributes as typed keys and Gephi's r, g, b colour keys, nodes and edges in the order g
// gives them. When g was laid out, each node also has Gephi's x, y and size keys.
func Write(w io.Writer, g *export.Graph) error { return write(w, g, false) }

// WriteYEd writes what Write does plus yEd's drawing of every node and edge (y:ShapeNode,
// y:PolyLineEdge), with the labels a drawing shows (wrapped) and, when g was laid out, each
// node's y:Geometry. The official schema allows no elements inside <data>, so such a file is
// valid against GraphML as yEd's schema extends it (ygraphml.xsd), not the plain one.
func WriteYEd(w io.Writer, g *export.Graph) error { return write(w, g, true) }

func write(w io.Writer, g *export.Graph, yed bool) error {
	nf, err := export.NodeFields(g)
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	ef, err := export.EdgeFields(g)
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	var keys []Key
	nodeKey := make(map[string]string, len(nf)+3)
	edgeKey := make(map[string]string, len(ef)+3)
	declare := func(ids map[string]string, prefix, forWhat, name, typ string) {
		id := prefix + name
		if !NMToken(id) {
			id = prefix + "attr" + strconv.Itoa(len(ids))
		}
		ids[name] = id
		keys = append(keys, Key{ID: id, For: forWhat, Name: name, Type: typ})
	}
	// Node keys are named after their attribute; edge keys get a prefix, as GraphML key ids
	// are unique across the document. Gephi matches both by attr.name.
	for _, f := range nf {
		declare(nodeKey, "", "node", f.Name, f.Type.String())
	}
	for _, c := range []string{"r", "g", "b"} {
		declare(nodeKey, "", "node", c, "int")
	}
	if g.Placed {
		// Gephi reads a node's place from keys named x, y and size.
		for _, c := range []string{"x", "y", "size"} {
			declare(nodeKey, "", "node", c, "double")
		}
	}
	for _, f := range ef {
		declare(edgeKey, "edge.", "edge", f.Name, f.Type.String())
	}
	for _, c := range []string{"r", "g", "b"} {
		declare(edgeKey, "edge.", "edge", c, "int")
	}

	gw := NewWriter(w)
	if err := gw.WriteHeader(Header{Keys: keys, YEd: yed}); err != nil {
		return err
	}
	var vals []export.Value
	var node Node
	var shape ShapeNode
	for i := range g.Nodes {
		n := &g.Nodes[i]
		vals = export.NodeValues(vals[:0], n)
		node.ID, node.Data = n.ID, node.Data[:0]
		for _, v := range vals {
			node.Data = append(node.Data, Data{nodeKey[v.Name], v.Text})
		}
		node.Data = appendRGB(node.Data, nodeKey, n.Color)
		if g.Placed {
			p := n.Place
			node.Data = append(node.Data,
				Data{nodeKey["x"], number(p.X)}, Data{nodeKey["y"], number(p.Y)},
				Data{nodeKey["size"], number(min(p.Width, p.Height) / 2)})
		}
		if yed {
			shape = ShapeNode{Label: export.DrawnNode(n), Fill: n.Color.Hex(), Shape: yedShape(n.Shape)}
			if g.Placed {
				// yEd's y runs down, and its x and y are a node's top left corner.
				p := n.Place
				shape.Geometry = &Geometry{X: p.X - p.Width/2, Y: -p.Y - p.Height/2, Width: p.Width, Height: p.Height}
			}
			node.Graphics = &shape
		}
		if err := gw.WriteNode(&node); err != nil {
			return err
		}
	}
	var edge Edge
	var line PolyLineEdge
	for i := range g.Edges {
		e := &g.Edges[i]
		vals, err = export.EdgeValues(vals[:0], e)
		if err != nil {
			return fmt.Errorf("graphml: %w", err)
		}
		edge.ID, edge.Source, edge.Target, edge.Data = e.ID, e.From, e.To, edge.Data[:0]
		for _, v := range vals {
			edge.Data = append(edge.Data, Data{edgeKey[v.Name], v.Text})
		}
		edge.Data = appendRGB(edge.Data, edgeKey, e.Color)
		if yed {
			line = PolyLineEdge{Label: export.DrawnEdge(e), Color: e.Color.Hex(), Dashed: e.Dashed}
			edge.Graphics = &line
		}
		if err := gw.WriteEdge(&edge); err != nil {
			return err
		}
	}
	return gw.Close()
}

func appendRGB(ds []Data, keys map[string]string, c export.Color) []Data {
	return append(ds,
		Data{keys["r"], byteText[c.R]},
		Data{keys["g"], byteText[c.G]},
		Data{keys["b"], byteText[c.B]})
}

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// yedShape maps a Graphviz shape name to the nearest yEd ShapeNode shape.
func yedShape(s string) string {
	switch s {
	case "ellipse", "oval", "circle":
		return "ellipse"
	case "box", "rect", "rectangle", "square":
		return "rectangle"
	case "hexagon":
		return "hexagon"
	case "octagon":
		return "octagon"
	case "diamond":
		return "diamond"
	case "parallelogram":
		return "parallelogram"
	case "triangle":
		return "triangle"
	case "trapezium":
		return "trapezoid"
	}
	return "roundrectangle"
}

// byteText holds the decimal text of every byte value, so colours cost no allocation.
var byteText = func() (t [256]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()
