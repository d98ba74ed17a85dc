package cgraph

import (
	"fmt"
)

// SetShowBoxes
// Print guide boxes in PostScript at the beginning of routesplines if 1, or at the end if 2. (Debugging)
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:showboxes
func (e *Edge) SetShowBoxes(v int) *Edge {
	e.SafeSet(string(showBoxesAttr), fmt.Sprint(v), "0")
	return e
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
func (e *Edge) SetStyle(v EdgeStyle) *Edge {
	e.SafeSet(string(styleAttr), string(v), "")
	return e
}

// SetTailURL
// If tailURL is defined, it is output as part of the tail label of the edge.
// Also, this value is used near the tail node, overriding any URL value.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tailURL
func (e *Edge) SetTailURL(v string) *Edge {
	e.SafeSet(string(tailURLAttr), v, "")
	return e
}

// SetTailLabelPoint
// Position of an edge's tail label, in points.
// The position indicates the center of the label.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tail_lp
func (e *Edge) SetTailLabelPoint(x, y float64) *Edge {
	e.SafeSet(string(tailLpAttr), fmt.Sprintf("%f,%f", x, y), "")
	return e
}

// SetTailClip
// If true, the tail of an edge is clipped to the boundary of the tail node;
// otherwise, the end of the edge goes to the center of the node, or the center of a port, if applicable.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tailclip
func (e *Edge) SetTailClip(v bool) *Edge {
	e.SafeSet(string(tailClipAttr), toBoolString(v), trueStr)
	return e
}

// SetTailHref
// Synonym for tailURL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tailhref
func (e *Edge) SetTailHref(v string) *Edge {
	e.SafeSet(string(tailHrefAttr), v, "")
	return e
}

// SetTailLabel
// Text label to be placed near tail of edge.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:taillabel
func (e *Edge) SetTailLabel(v string) *Edge {
	e.SafeSet(string(tailLabelAttr), v, "")
	return e
}

// SetTailPort
// Indicates where on the tail node to attach the tail of the edge.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tailport
func (e *Edge) SetTailPort(v string) *Edge {
	e.SafeSet(string(tailPortAttr), v, "center")
	return e
}

// SetTailTarget
// If the edge has a tailURL, this attribute determines which window of the browser is used for the URL.
// Setting it to "_graphviz" will open a new window if it doesn't already exist, or reuse it if it does.
// If undefined, the value of the target is used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tailtarget
func (e *Edge) SetTailTarget(v string) *Edge {
	e.SafeSet(string(tailTargetAttr), v, "")
	return e
}

// SetTailTooltip
// Tooltip annotation attached to the tail of an edge.
// This is used only if the edge has a tailURL attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tailtooltip
func (e *Edge) SetTailTooltip(v string) *Edge {
	e.SafeSet(string(tailTooltipAttr), v, "")
	return e
}

// SetTarget
// If the object has a URL, this attribute determines which window of the browser is used for the URL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:target
func (e *Edge) SetTarget(v string) *Edge {
	e.SafeSet(string(targetAttr), v, "")
	return e
}

// SetTooltip
// Tooltip annotation attached to the node or edge.
// If unset, Graphviz will use the object's label if defined.
// Note that if the label is a record specification or an HTML-like label, the resulting tooltip may be unhelpful.
// In this case, if tooltips will be generated, the user should set a tooltip attribute explicitly.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:tooltip
func (e *Edge) SetTooltip(v string) *Edge {
	e.SafeSet(string(tooltipAttr), v, "")
	return e
}

// SetWeight
// Weight of edge.
// In dot, the heavier the weight, the shorter, straighter and more vertical the edge is.
// N.B. Weights in dot must be integers.
// For twopi, a weight of 0 indicates the edge should not be used in constructing a spanning tree from the root.
// For other layouts, a larger weight encourages the layout to make the edge length closer to that specified by the len attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:weight
func (e *Edge) SetWeight(v float64) *Edge {
	e.SafeSet(string(weightAttr), fmt.Sprint(v), "1")
	return e
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
func (e *Edge) SetXLabel(v string) *Edge {
	e.SafeSet(string(xlabelAttr), v, "")
	return e
}

// SetXLabelPosition
// Position of an exterior label, in points.
// The position indicates the center of the label.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:xlp
func (e *Edge) SetXLabelPosition(x, y float64) *Edge {
	e.SafeSet(string(xlpAttr), fmt.Sprintf("%f,%f", x, y), "")
	return e
}
