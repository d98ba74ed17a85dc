package cgraph

import (
	"fmt"
)

// SetURL
// Hyperlinks incorporated into device-dependent output.
// At present, used in ps2, cmap, i*map and svg formats.
// For all these formats, URLs can be attached to nodes, edges and clusters.
// URL attributes can also be attached to the root graph in ps2, cmap and i*map formats.
// This serves as the base URL for relative URLs in the former, and as the default image map file in the latter.
// For svg, cmapx and imap output, the active area for a node is its visible image.
// For example, an unfilled node with no drawn boundary will only be active on its label.
// For other output, the active area is its bounding box.
// The active area for a cluster is its bounding box.
// For edges, the active areas are small circles where the edge contacts its head and tail nodes.
// In addition, for svg, cmapx and imap, the active area includes a thin polygon approximating the edge.
// The circles may overlap the related node, and the edge URL dominates.
// If the edge has a label, this will also be active.
// Finally, if the edge has a head or tail label, this will also be active.
//
// Note that, for edges, the attributes headURL, tailURL, labelURL and edgeURL allow control of various parts of an edge.
// Also note that, if active areas of two edges overlap, it is unspecified which area dominates.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:URL
func (e *Edge) SetURL(v string) *Edge {
	e.SafeSet(string(urlAttr), v, "")
	return e
}

// SetArrowHead
// Style of arrowhead on the head node of an edge.
// This will only appear if the dir attribute is "forward" or "both".
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:arrowhead
func (e *Edge) SetArrowHead(v ArrowType) *Edge {
	e.SafeSet(string(arrowHeadAttr), string(v), string(NormalArrow))
	return e
}

// SetArrowSize
// Multiplicative scale factor for arrowheads.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:arrowsize
func (e *Edge) SetArrowSize(v float64) *Edge {
	e.SafeSet(string(arrowSizeAttr), fmt.Sprint(v), "1.0")
	return e
}

// SetArrowTail
// Style of arrowhead on the tail node of an edge.
// This will only appear if the dir attribute is "back" or "both".
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:arrowtail
func (e *Edge) SetArrowTail(v ArrowType) *Edge {
	e.SafeSet(string(arrowTailAttr), string(v), string(NormalArrow))
	return e
}

// SetColor
// Basic drawing color for graphics, not text.
// For the latter, use the fontcolor attribute.
// For edges, the value can either be a single color or a colorList.
// In the latter case, if colorList has no fractions,
// the edge is drawn using parallel splines or lines, one for each color in the list, in the order given.
// The head arrow, if any, is drawn using the first color in the list, and the tail arrow, if any, the second color.
// This supports the common case of drawing opposing edges, but using parallel splines instead of separately routed multiedges.
// If any fraction is used, the colors are drawn in series, with each color being given roughly its specified fraction of the edge.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:color
func (e *Edge) SetColor(v string) *Edge {
	e.SafeSet(string(colorAttr), v, "black")
	return e
}

// SetColorScheme
// This attribute specifies a color scheme namespace.
// If defined, it specifies the context for interpreting color names.
// In particular, if a color value has form "xxx" or "//xxx", then the color xxx will be evaluated according to the current color scheme.
// If no color scheme is set, the standard X11 naming is used.
// For example, if colorscheme=bugn9, then color=7 is interpreted as "/bugn9/7".
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:colorscheme
func (e *Edge) SetColorScheme(v string) *Edge {
	e.SafeSet(string(colorSchemeAttr), v, "")
	return e
}

// SetComment
// Comments are inserted into output. Device-dependent
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:comment
func (e *Edge) SetComment(v string) *Edge {
	e.SafeSet(string(commentAttr), v, "")
	return e
}

// SetConstraint
// If false, the edge is not used in ranking the nodes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:constraint
func (e *Edge) SetConstraint(v bool) *Edge {
	e.SafeSet(string(constraintAttr), toBoolString(v), trueStr)
	return e
}

// SetDecorate
// If true, attach edge label to edge by a 2-segment polyline, underlining the label, then going to the closest point of spline.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:decorate
func (e *Edge) SetDecorate(v bool) *Edge {
	e.SafeSet(string(decorateAttr), toBoolString(v), falseStr)
	return e
}

// SetDir
// Set edge type for drawing arrowheads.
// This indicates which ends of the edge should be decorated with an arrowhead.
// The actual style of the arrowhead can be specified using the arrowhead and arrowtail attributes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:dir
func (e *Edge) SetDir(v DirType) *Edge {
	e.SafeSet(string(dirAttr), string(v), string(ForwardDir))
	return e
}

// SetEdgeURL
// If edgeURL is defined, this is the link used for the non-label parts of an edge.
// This value overrides any URL defined for the edge.
// Also, this value is used near the head or tail node unless overridden by a headURL or tailURL value, respectively.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:edgeURL
func (e *Edge) SetEdgeURL(v string) *Edge {
	e.SafeSet(string(edgeURLAttr), v, "")
	return e
}

// SetEdgeHref
// Synonym for edgeURL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:edgehref
func (e *Edge) SetEdgeHref(v string) *Edge {
	e.SafeSet(string(edgeHrefAttr), v, "")
	return e
}

// SetEdgeTarget
// If the edge has a URL or edgeURL attribute,
// this attribute determines which window of the browser is used for the URL attached to the non-label part of the edge.
// Setting it to "_graphviz" will open a new window if it doesn't already exist, or reuse it if it does.
// If undefined, the value of the target is used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:edgetarget
func (e *Edge) SetEdgeTarget(v string) *Edge {
	e.SafeSet(string(edgeTargetAttr), v, "")
	return e
}

// SetEdgeTooltip
// Tooltip annotation attached to the non-label part of an edge.
// This is used only if the edge has a URL or edgeURL attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:edgetooltip
func (e *Edge) SetEdgeTooltip(v string) *Edge {
	e.SafeSet(string(edgeTooltipAttr), v, "")
	return e
}

// SetFontColor
// Color used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontcolor
func (e *Edge) SetFontColor(v string) *Edge {
	e.SafeSet(string(fontColorAttr), v, "black")
	return e
}

// SetFontName
// Font used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontname
func (e *Edge) SetFontName(v string) *Edge {
	e.SafeSet(string(fontNameAttr), v, "Times-Roman")
	return e
}

// SetFontSize
// Font size, in points, used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontsize
func (e *Edge) SetFontSize(v float64) *Edge {
	e.SafeSet(string(fontSizeAttr), fmt.Sprint(v), "14.0")
	return e
}

// SetHeadURL
// If headURL is defined, it is output as part of the head label of the edge.
// Also, this value is used near the head node, overriding any URL value.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:headURL
func (e *Edge) SetHeadURL(v string) *Edge {
	e.SafeSet(string(headURLAttr), v, "")
	return e
}

// SetHeadLabelPoint
// Position of an edge's head label, in points.
// The position indicates the center of the label.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:head_lp
func (e *Edge) SetHeadLabelPoint(x, y float64) *Edge {
	e.SafeSet(string(headLpAttr), fmt.Sprintf("%f,%f", x, y), "")
	return e
}

// SetHeadClip
// If true, the head of an edge is clipped to the boundary of the head node;
// otherwise, the end of the edge goes to the center of the node, or the center of a port, if applicable.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:headclip
func (e *Edge) SetHeadClip(v bool) *Edge {
	e.SafeSet(string(headClipAttr), toBoolString(v), trueStr)
	return e
}

// SetHeadHref
// Synonym for headURL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:headhref
func (e *Edge) SetHeadHref(v string) *Edge {
	e.SafeSet(string(headHrefAttr), v, "")
	return e
}

// SetHeadLabel
// Text label to be placed near head of edge
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:headlabel
func (e *Edge) SetHeadLabel(v string) *Edge {
	e.SafeSet(string(headLabelAttr), v, "")
	return e
}

// SetHeadPort
// Indicates where on the head node to attach the head of the edge.
// In the default case, the edge is aimed towards the center of the node, and then clipped at the node boundary.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:headport
func (e *Edge) SetHeadPort(v string) *Edge {
	e.SafeSet(string(headPortAttr), v, "")
	return e
}

// SetHeadTarget
// If the edge has a headURL, this attribute determines which window of the browser is used for the URL.
// Setting it to "_graphviz" will open a new window if it doesn't already exist,
// or reuse it if it does. If undefined, the value of the target is used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:headtarget
func (e *Edge) SetHeadTarget(v string) *Edge {
	e.SafeSet(string(headTargetAttr), v, "")
	return e
}

// SetHeadTooltip
// Tooltip annotation attached to the head of an edge.
// This is used only if the edge has a headURL attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:headtooltip
func (e *Edge) SetHeadTooltip(v string) *Edge {
	e.SafeSet(string(headTooltipAttr), v, "")
	return e
}

// SetHref
// Synonym for URL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:href
func (e *Edge) SetHref(v string) *Edge {
	e.SafeSet(string(hrefAttr), v, "")
	return e
}

// SetID
// Allows the graph author to provide an id for graph objects which is to be included in the output.
// Normal "\N", "\E", "\G" substitutions are applied.
// If provided, it is the responsibility of the provider to keep its values sufficiently unique for its intended downstream use.
// Note, in particular, that "\E" does not provide a unique id for multi-edges.
// If no id attribute is provided, then a unique internal id is used.
// However, this value is unpredictable by the graph writer.
// An externally provided id is not used internally.
// If the graph provides an id attribute, this will be used as a prefix for internally generated attributes.
// By making these distinct, the user can include multiple image maps in the same document.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:id
func (e *Edge) SetID(v string) *Edge {
	e.SafeSet(string(idAttr), v, "")
	return e
}

// SetLabel
// Text label attached to objects.
// If a node's shape is record, then the label can have a special format which describes the record layout.
// Note that a node's default label is "\N", so the node's name or ID becomes its label.
// Technically, a node's name can be an HTML string but this will not mean that the node's label will be interpreted as an HTML-like label.
// This is because the node's actual label is an ordinary string, which will be replaced by the raw bytes stored in the node's name.
// To get an HTML-like label, the label attribute value itself must be an HTML string.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:label
func (e *Edge) SetLabel(v string) *Edge {
	e.SafeSet(string(labelAttr), v, "\\E")
	return e
}

// SetLabelURL
// If labelURL is defined, this is the link used for the label of an edge.
// This value overrides any URL defined for the edge.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labelURL
func (e *Edge) SetLabelURL(v string) *Edge {
	e.SafeSet(string(labelURLAttr), v, "")
	return e
}

// SetLabelAngle
// This, along with labeldistance, determine where the headlabel (taillabel) are placed with respect to the head (tail) in polar coordinates.
// The origin in the coordinate system is the point where the edge touches the node.
// The ray of 0 degrees goes from the origin back along the edge, parallel to the edge at the origin.
// The angle, in degrees, specifies the rotation from the 0 degree ray,
// with positive angles moving counterclockwise and negative angles moving clockwise.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labelangle
func (e *Edge) SetLabelAngle(v float64) *Edge {
	e.SafeSet(string(labelAngleAttr), fmt.Sprint(v), "-25.0")
	return e
}

// SetLabelDistance
// Multiplicative scaling factor adjusting the distance that the headlabel(taillabel) is from the head(tail) node.
// The default distance is 10 points. See labelangle for more details.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labeldistance
func (e *Edge) SetLabelDistance(v float64) *Edge {
	e.SafeSet(string(labelDistanceAttr), fmt.Sprint(v), "1.0")
	return e
}

// SetLabelFloat
// If true, allows edge labels to be less constrained in position.
// In particular, it may appear on top of other edges.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labelfloat
func (e *Edge) SetLabelFloat(v bool) *Edge {
	e.SafeSet(string(labelFloatAttr), toBoolString(v), falseStr)
	return e
}

// SetLabelFontColor
// Color used for headlabel and taillabel.
// If not set, defaults to edge's fontcolor.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labelfontcolor
func (e *Edge) SetLabelFontColor(v string) *Edge {
	e.SafeSet(string(labelFontColorAttr), v, "black")
	return e
}

// SetLabelFontSize
// Font size, in points, used for headlabel and taillabel.
// If not set, defaults to edge's fontsize.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labelfontsize
func (e *Edge) SetLabelFontSize(v float64) *Edge {
	e.SafeSet(string(labelFontSizeAttr), fmt.Sprint(v), "14.0")
	return e
}

// SetLabelHref
// Synonym for labelURL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labelhref
func (e *Edge) SetLabelHref(v string) *Edge {
	e.SafeSet(string(labelHrefAttr), v, "")
	return e
}

// SetLabelTarget
// If the edge has a URL or labelURL attribute,
// this attribute determines which window of the browser is used for the URL attached to the label.
// Setting it to "_graphviz" will open a new window if it doesn't already exist, or reuse it if it does.
// If undefined, the value of the target is used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labeltarget
func (e *Edge) SetLabelTarget(v string) *Edge {
	e.SafeSet(string(labelTargetAttr), v, "")
	return e
}

// SetLabelTooltip
// Tooltip annotation attached to label of an edge.
// This is used only if the edge has a URL or labelURL attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labeltooltip
func (e *Edge) SetLabelTooltip(v string) *Edge {
	e.SafeSet(string(labelTooltipAttr), v, "")
	return e
}

// SetLayer
// Specifies layers in which the node, edge or cluster is present.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:layer
func (e *Edge) SetLayer(v string) *Edge {
	e.SafeSet(string(layerAttr), v, "")
	return e
}

// SetLen
// Preferred edge length, in inches.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:len
func (e *Edge) SetLen(v float64) *Edge {
	e.SafeSet(string(lenAttr), fmt.Sprint(v), "1.0")
	return e
}

// SetLogicalHead
// Logical head of an edge.
// When compound is true, if lhead is defined and is the name of a cluster containing the real head,
// the edge is clipped to the boundary of the cluster.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:lhead
func (e *Edge) SetLogicalHead(v string) *Edge {
	e.SafeSet(string(lHeadAttr), v, "")
	return e
}

// SetLabelHeight
// Height of graph or cluster label, in inches.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:lheight
func (e *Edge) SetLabelHeight(v float64) *Edge {
	e.SafeSet(string(lHeightAttr), fmt.Sprint(v), "")
	return e
}

// SetLabelPosition
// Label position, in points. The position indicates the center of the label.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:lp
func (e *Edge) SetLabelPosition(x, y float64) *Edge {
	e.SafeSet(string(lpAttr), fmt.Sprintf("%f,%f", x, y), "")
	return e
}

// SetLogicalTail
// Logical tail of an edge.
// When compound is true, if ltail is defined and is the name of a cluster containing the real tail,
// the edge is clipped to the boundary of the cluster
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:ltail
func (e *Edge) SetLogicalTail(v string) *Edge {
	e.SafeSet(string(lTailAttr), v, "")
	return e
}

// SetMinLen
// Minimum edge length (rank difference between head and tail).
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:minlen
func (e *Edge) SetMinLen(v int) *Edge {
	e.SafeSet(string(minLenAttr), fmt.Sprint(v), "1")
	return e
}

// SetNoJustify
// By default, the justification of multi-line labels is done within the largest context that makes sense.
// Thus, in the label of a polygonal node, a left-justified line will align with the left side of the node (shifted by the prescribed margin).
// In record nodes, left-justified line will line up with the left side of the enclosing column of fields.
// If nojustify is "true", multi-line labels will be justified in the context of itself.
// For example, if the attribute is set, the first label line is long, and the second is shorter
// and left-justified, the second will align with the left-most character in the first line, regardless of how large the node might be.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:nojustify
func (e *Edge) SetNoJustify(v bool) *Edge {
	e.SafeSet(string(noJustifyAttr), toBoolString(v), falseStr)
	return e
}

// SetPenWidth
// Specifies the width of the pen, in points, used to draw lines and curves,
// including the boundaries of edges and clusters.
// The value is inherited by subclusters.
// It has no effect on text.
//
// Previous to 31 January 2008,
// the effect of penwidth=W was achieved by including setlinewidth(W) as part of a style specification.
// If both are used, penwidth will be used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:penwidth
func (e *Edge) SetPenWidth(v float64) *Edge {
	e.SafeSet(string(penWidthAttr), fmt.Sprint(v), "1.0")
	return e
}

// SetPos
// Position of node, or spline control points.
// For nodes, the position indicates the center of the node.
// On output, the coordinates are in points.
// In neato and fdp, pos can be used to set the initial position of a node.
// By default, the coordinates are assumed to be in inches.
// However, the -s command line flag can be used to specify different units.
// As the output coordinates are in points,
// feeding the output of a graph laid out by a Graphviz program into neato or fdp will almost always require the -s flag.
//
// When the -n command line flag is used with neato,
// it is assumed the positions have been set by one of the layout programs, and are therefore in points.
// Thus, neato -n can accept input correctly without requiring a -s flag and, in fact, ignores any such flag.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:pos
func (e *Edge) SetPos(x, y float64) *Edge {
	e.SafeSet(string(posAttr), fmt.Sprintf("%f,%f", x, y), "")
	return e
}

// SetSameHead
// Edges with the same head and the same samehead value are aimed at the same point on the head.
// This has no effect on loops.
// Each node can have at most 5 unique samehead values.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:samehead
func (e *Edge) SetSameHead(v string) *Edge {
	e.SafeSet(string(sameHeadAttr), v, "")
	return e
}

// SetSameTail
// Edges with the same tail and the same sametail value are aimed at the same point on the tail.
// This has no effect on loops.
// Each node can have at most 5 unique sametail values
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:sametail
func (e *Edge) SetSameTail(v string) *Edge {
	e.SafeSet(string(sameTailAttr), v, "")
	return e
}
