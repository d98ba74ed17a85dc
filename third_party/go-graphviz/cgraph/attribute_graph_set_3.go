package cgraph

import (
	"fmt"
)

// SetSearchSize
// During network simplex,
// maximum number of edges with negative cut values to search when looking for one with minimum cut value.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:searchsize
func (g *Graph) SetSearchSize(v int) *Graph {
	g.SafeSet(string(searchSizeAttr), fmt.Sprint(v), "30")
	return g
}

// SetSeparator
// Specifies margin to leave around nodes when removing node overlap.
// This guarantees a minimal non-zero distance between nodes.
//
// If the attribute begins with a plus sign '+', an additive margin is specified.
// That is, "+w,h" causes the node's bounding box to be increased by w points on the left and right sides,
// and by h points on the top and bottom.
// Without a plus sign, the node is scaled by 1 + w in the x coordinate and 1 + h in the y coordinate.
//
// If only a single number is given, this is used for both dimensions.
//
// If unset but esep is defined, the sep values will be set to the esep values divided by 0.8.
// If esep is unset, the default value is used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:sep
func (g *Graph) SetSeparator(v string) *Graph {
	g.SafeSet(string(sepAttr), v, "+4")
	return g
}

// SetShowBoxes
// Print guide boxes in PostScript at the beginning of routesplines if 1, or at the end if 2. (Debugging)
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:showboxes
func (g *Graph) SetShowBoxes(v int) *Graph {
	g.SafeSet(string(showBoxesAttr), fmt.Sprint(v), "0")
	return g
}

// SetSize
// Maximum width and height of drawing, in inches.
// If only a single number is given, this is used for both the width and the height.
//
// If defined and the drawing is larger than the given size,
// the drawing is uniformly scaled down so that it fits within the given size.
//
// If size ends in an exclamation point (!), then it is taken to be the desired size.
// In this case, if both dimensions of the drawing are less than size,
// the drawing is scaled up uniformly until at least one dimension equals its dimension in size.
//
// Note that there is some interaction between the size and ratio attributes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:size
func (g *Graph) SetSize(x, y float64) *Graph {
	g.SafeSet(string(sizeAttr), fmt.Sprintf("%f,%f", x, y), "")
	return g
}

// SetSmoothing
// Specifies a post-processing step used to smooth out an uneven distribution of nodes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:smoothing
func (g *Graph) SetSmoothing(v SmoothType) *Graph {
	g.SafeSet(string(smoothingAttr), string(v), string(NoneSmooth))
	return g
}

// SetSortv
// If packmode indicates an array packing,
// this attribute specifies an insertion order among the components,
// with smaller values inserted first.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:sortv
func (g *Graph) SetSortv(v int) *Graph {
	g.SafeSet(string(sortvAttr), fmt.Sprint(v), "0")
	return g
}

// SetSplines
// Controls how, and if, edges are represented.
// If true, edges are drawn as splines routed around nodes;
// if false, edges are drawn as line segments.
// If set to none or "", no edges are drawn at all.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:splines
func (g *Graph) SetSplines(v string) *Graph {
	g.SafeSet(string(splinesAttr), v, "")
	return g
}

// SetStart
// Parameter used to determine the initial layout of nodes.
// If unset, the nodes are randomly placed in a unit square with the same seed is always used for the random number generator,
// so the initial placement is repeatable.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:start
func (g *Graph) SetStart(v StartType) *Graph {
	g.SafeSet(string(startAttr), string(v), "")
	return g
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
func (g *Graph) SetStyle(v GraphStyle) *Graph {
	g.SafeSet(string(styleAttr), string(v), "")
	return g
}

// SetStyleSheet
// A URL or pathname specifying an XML style sheet, used in SVG output.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:stylesheet
func (g *Graph) SetStyleSheet(v string) *Graph {
	g.SafeSet(string(stylesheetAttr), v, "")
	return g
}

// SetTarget
// If the object has a URL, this attribute determines which window of the browser is used for the URL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:target
func (g *Graph) SetTarget(v string) *Graph {
	g.SafeSet(string(targetAttr), v, "")
	return g
}

// SetTrueColor
// If set explicitly to true or false,
// the value determines whether or not internal bitmap rendering relies on a truecolor color model or uses a color palette.
// If the attribute is unset, truecolor is not used unless there is a shapefile property for some node in the graph.
// The output model will use the input model when possible.
//
// Use of color palettes results in less memory usage during creation of the bitmaps and smaller output files.
//
// Usually, the only time it is necessary to specify the truecolor model is if the graph uses more than 256 colors.
// However, if one uses bgcolor=transparent with a color palette,
// font antialiasing can show up as a fuzzy white area around characters.
// Using truecolor=true avoids this problem.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:truecolor
func (g *Graph) SetTrueColor(v bool) *Graph {
	g.SafeSet(string(trueColorAttr), toBoolString(v), "")
	return g
}

// SetViewport
// Clipping window on final drawing.
// Note that this attribute supersedes any size attribute.
// The width and height of the viewport specify precisely the final size of the output.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:viewport
func (g *Graph) SetViewport(v string) *Graph {
	g.SafeSet(string(viewportAttr), v, "")
	return g
}

// SetVoroMargin
// Factor to scale up drawing to allow margin for expansion in Voronoi technique.
// dim' = (1+2*margin)*dim.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:voro_margin
func (g *Graph) SetVoroMargin(v float64) *Graph {
	g.SafeSet(string(voroMarginAttr), fmt.Sprint(v), "0.05")
	return g
}

// SetXDotVersion
// For xdot output, if this attribute is set, this determines the version of xdot used in output.
// If not set, the attribute will be set to the xdot version used for output.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:xdotversion
func (g *Graph) SetXDotVersion(v string) *Graph {
	g.SafeSet(string(xdotVersionAttr), v, "")
	return g
}
