package cgraph

import (
	"fmt"
)

// SetSkew
// Skew factor for shape=polygon.
// Positive values skew top of polygon to right; negative to left.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:skew
func (n *Node) SetSkew(v float64) *Node {
	n.SafeSet(string(skewAttr), fmt.Sprint(v), "0.0")
	return n
}

// SetSortv
// If packmode indicates an array packing,
// this attribute specifies an insertion order among the components,
// with smaller values inserted first.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:sortv
func (n *Node) SetSortv(v int) *Node {
	n.SafeSet(string(sortvAttr), fmt.Sprint(v), "0")
	return n
}

// SetStyle
// Set style information for components of the graph.
// For cluster subgraphs, if style="filled", the cluster box's background is filled.
//
// If the default style attribute has been set for a component,
// an individual component can use style="" to revert to the normal default.
// For example, if the graph has
//
// edge [style="invis"]
//
// making all edges invisible, a specific edge can overrride this via:
//
// a -> b [style=""]
//
// Of course, the component can also explicitly set its style attribute to the desired value.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:style
func (n *Node) SetStyle(v NodeStyle) *Node {
	n.SafeSet(string(styleAttr), string(v), "")
	return n
}

// SetTarget
// If the object has a URL, this attribute determines which window of the browser is used for the URL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:target
func (n *Node) SetTarget(v string) *Node {
	n.SafeSet(string(targetAttr), v, "")
	return n
}

// SetTooltip
// Tooltip annotation attached to the node or edge.
// If unset, Graphviz will use the object's label if defined.
// Note that if the label is a record specification or an HTML-like label, the resulting tooltip may be unhelpful.
// In this case, if tooltips will be generated, the user should set a tooltip attribute explicitly.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tooltip
func (n *Node) SetTooltip(v string) *Node {
	n.SafeSet(string(tooltipAttr), v, "")
	return n
}

// SetVertices
// If the input graph defines this attribute, the node is polygonal,
// and output is dot or xdot, this attribute provides the coordinates of the vertices of the node's polygon, in inches.
// If the node is an ellipse or circle, the samplepoints attribute affects the output.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:vertices
func (n *Node) SetVertices(v string) *Node {
	n.SafeSet(string(verticesAttr), v, "")
	return n
}

// SetWidth
// Width of node, in inches.
// This is taken as the initial, minimum width of the node.
// If fixedsize is true, this will be the final width of the node.
// Otherwise, if the node label requires more width to fit, the node's width will be increased to contain the label.
// Note also that, if the output format is dot, the value given to width will be the final value.
//
// If the node shape is regular, the width and height are made identical.
// In this case, if either the width or the height is set explicitly, that value is used.
// In this case, if both the width or the height are set explicitly, the maximum of the two values is used.
// If neither is set explicitly, the minimum of the two default values is used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:width
func (n *Node) SetWidth(v float64) *Node {
	n.SafeSet(string(widthAttr), fmt.Sprint(v), "0.75")
	return n
}

// SetXLabel
// External label for a node or edge.
// For nodes, the label will be placed outside of the node but near it.
// For edges, the label will be placed near the center of the edge.
// This can be useful in dot to avoid the occasional problem when the use of edge labels distorts the layout.
// For other layouts, the xlabel attribute can be viewed as a synonym for the label attribute.
//
// These labels are added after all nodes and edges have been placed.
// The labels will be placed so that they do not overlap any node or label.
// This means it may not be possible to place all of them.
// To force placing all of them, use the forcelabels attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:xlabel
func (n *Node) SetXLabel(v string) *Node {
	n.SafeSet(string(xlabelAttr), v, "")
	return n
}

// SetXLabelPosition
// Position of an exterior label, in points.
// The position indicates the center of the label.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:xlp
func (n *Node) SetXLabelPosition(x, y float64) *Node {
	n.SafeSet(string(xlpAttr), fmt.Sprintf("%f,%f", x, y), "")
	return n
}

// SetZ
// Deprecated:Use pos attribute, along with dimen and/or dim to specify dimensions.
//
// Provides z coordinate value for 3D layouts and displays.
// If the graph has dim set to 3 (or more),
// neato will use a node's z value for the z coordinate of its initial position if its pos attribute is also defined.
//
// Even if no z values are specified in the input,
// it is necessary to declare a z attribute for nodes, e.g, using node[z=""] in order to get z values on output.
// Thus, setting dim=3 but not declaring z will cause neato -Tvrml to layout the graph in 3D but project the layout onto the xy-plane for the rendering.
// If the z attribute is declared, the final rendering will be in 3D.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:z
func (n *Node) SetZ(v float64) *Node {
	n.SafeSet(string(zAttr), fmt.Sprint(v), "0.0")
	return n
}
