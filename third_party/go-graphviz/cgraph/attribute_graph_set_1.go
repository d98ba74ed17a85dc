package cgraph

import (
	"fmt"
)

// SetDamping
// Factor damping force motions.
// On each iteration, a nodes movement is limited to this factor of its potential motion.
// By being less than 1.0, the system tends to “cool”, thereby preventing cycling.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:Damping
func (g *Graph) SetDamping(v float64) *Graph {
	g.SafeSet(string(dampingAttr), fmt.Sprint(v), "0.99")
	return g
}

// SetK
// Spring constant used in virtual physical model.
// It roughly corresponds to an ideal edge length (in inches), in that increasing K tends to increase the distance between nodes.
// Note that the edge attribute len can be used to override this value for adjacent nodes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:K
func (g *Graph) SetK(v float64) *Graph {
	g.SafeSet(string(kAttr), fmt.Sprint(v), "0.3")
	return g
}

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
func (g *Graph) SetURL(v string) *Graph {
	g.SafeSet(string(urlAttr), v, "")
	return g
}

// SetBackground
// A string in the xdot format specifying an arbitrary background.
// During rendering, the canvas is first filled as described in the bgcolor attribute.
// Then, if _background is defined, the graphics operations described in the string are performed on the canvas.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:_background
func (g *Graph) SetBackground(v string) *Graph {
	g.SafeSet(string(backgroundAttr), v, "")
	return g
}

// SetBB
// Bounding box of drawing in points.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:bb
func (g *Graph) SetBB(llx, lly, urx, ury float64) *Graph {
	g.SafeSet(string(bbAttr), fmt.Sprintf("%f,%f,%f,%f", llx, lly, urx, ury), "")
	return g
}

// SetBackgroundColor
// When attached to the root graph, this color is used as the background for entire canvas.
// When a cluster attribute, it is used as the initial background for the cluster.
// If a cluster has a filled style, the cluster's fillcolor will overlay the background color.
// If the value is a colorList, a gradient fill is used.
// By default, this is a linear fill; setting style=radial will cause a radial fill.
// At present, only two colors are used.
// If the second color (after a colon) is missing, the default color is used for it.
// See also the gradientangle attribute for setting the gradient angle.
//
// For certain output formats, such as PostScript, no fill is done for the root graph unless bgcolor is explicitly set.
// For bitmap formats, however, the bits need to be initialized to something, so the canvas is filled with white by default.
// This means that if the bitmap output is included in some other document,
// all of the bits within the bitmap's bounding box will be set, overwriting whatever color or graphics were already on the page.
// If this effect is not desired, and you only want to set bits explicitly assigned in drawing the graph, set bgcolor="transparent".
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:bgcolor
func (g *Graph) SetBackgroundColor(v string) *Graph {
	g.SafeSet(string(bgcolorAttr), v, "")
	return g
}

// SetCenter
// If true, the drawing is centered in the output canvas.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:center
func (g *Graph) SetCenter(v bool) *Graph {
	g.SafeSet(string(centerAttr), toBoolString(v), falseStr)
	return g
}

// SetCharset
// Specifies the character encoding used when interpreting string input as a text label.
// The default value is "UTF-8".
// The other legal value is "iso-8859-1" or, equivalently, "Latin1".
// The charset attribute is case-insensitive.
// Note that if the character encoding used in the input does not match the charset value, the resulting output may be very strange.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:charset
func (g *Graph) SetCharset(v string) *Graph {
	g.SafeSet(string(charsetAttr), v, "UTF-8")
	return g
}

// SetClusterRank
// Mode used for handling clusters.
// If clusterrank is "local", a subgraph whose name begins with "cluster" is given special treatment.
// The subgraph is laid out separately, and then integrated as a unit into its parent graph, with a bounding rectangle drawn about it.
// If the cluster has a label parameter, this label is displayed within the rectangle.
// Note also that there can be clusters within clusters.
// At present, the modes "global" and "none" appear to be identical, both turning off the special cluster processing.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:clusterrank
func (g *Graph) SetClusterRank(v ClusterMode) *Graph {
	g.SafeSet(string(clusterRankAttr), string(v), string(LocalCluster))
	return g
}

// SetColorScheme
// This attribute specifies a color scheme namespace.
// If defined, it specifies the context for interpreting color names.
// In particular, if a color value has form "xxx" or "//xxx", then the color xxx will be evaluated according to the current color scheme.
// If no color scheme is set, the standard X11 naming is used.
// For example, if colorscheme=bugn9, then color=7 is interpreted as "/bugn9/7".
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:colorscheme
func (g *Graph) SetColorScheme(v string) *Graph {
	g.SafeSet(string(colorSchemeAttr), v, "")
	return g
}

// SetComment
// Comments are inserted into output. Device-dependent
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:comment
func (g *Graph) SetComment(v string) *Graph {
	g.SafeSet(string(commentAttr), v, "")
	return g
}

// SetCompound
// If true, allow edges between clusters. (See lhead and ltail below.)
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:compound
func (g *Graph) SetCompound(v bool) *Graph {
	g.SafeSet(string(compoundAttr), toBoolString(v), falseStr)
	return g
}

// SetConcentrate
// If true, use edge concentrators.
// This merges multiedges into a single edge and causes partially parallel edges to share part of their paths.
// The latter feature is not yet available outside of dot.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:concentrate
func (g *Graph) SetConcentrate(v bool) *Graph {
	g.SafeSet(string(concentrateAttr), toBoolString(v), falseStr)
	return g
}

// SetDefaultDist
// This specifies the distance between nodes in separate connected components.
// If set too small, connected components may overlap.
// Only applicable if pack=false.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:defaultdist
func (g *Graph) SetDefaultDist(v float64) *Graph {
	g.SafeSet(string(defaultDistAttr), fmt.Sprint(v), "1.0")
	return g
}

// SetDim
// Set the number of dimensions used for the layout.
// The maximum value allowed is 10.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:dim
func (g *Graph) SetDim(v int) *Graph {
	g.SafeSet(string(dimAttr), fmt.Sprint(v), "2")
	return g
}

// SetDimen
// Set the number of dimensions used for rendering.
// The maximum value allowed is 10.
// If both dimen and dim are set, the latter specifies the dimension used for layout, and the former for rendering.
// If only dimen is set, this is used for both layout and rendering dimensions.
// Note that, at present, all aspects of rendering are 2D.
// This includes the shape and size of nodes, overlap removal, and edge routing.
// Thus, for dimen > 2, the only valid information is the pos attribute of the nodes.
// All other coordinates will be 2D and, at best, will reflect a projection of a higher-dimensional point onto the plane.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:dimen
func (g *Graph) SetDimen(v int) *Graph {
	g.SafeSet(string(dimAttr), fmt.Sprint(v), "2")
	return g
}

// SetDirEdgeConstraints
// Only valid when mode="ipsep".
// If true, constraints are generated for each edge in the largest (heuristic) directed acyclic subgraph such that the edge must point downwards.
// If "hier", generates level constraints similar to those used with mode="hier".
// The main difference is that, in the latter case, only these constraints are involved, so a faster solver can be used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:diredgeconstraints
func (g *Graph) SetDirEdgeConstraints(v string) *Graph {
	g.SafeSet(string(dirEdgeConstraintsAttr), v, falseStr)
	return g
}

// SetDPI
// This specifies the expected number of pixels per inch on a display device.
// For bitmap output, this guarantees that text rendering will be done more accurately, both in size and in placement.
// For SVG output, it is used to guarantee that the dimensions in the output correspond to the correct number of points or inches.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:dpi
func (g *Graph) SetDPI(v float64) *Graph {
	g.SafeSet(string(dpiAttr), fmt.Sprint(v), "96.0")
	return g
}

// SetEpsilon
// Terminating condition.
// If the length squared of all energy gradients are < epsilon, the algorithm stops.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:epsilon
func (g *Graph) SetEpsilon(v float64) *Graph {
	g.SafeSet(string(epsilonAttr), fmt.Sprint(v), ".0001")
	return g
}

// SetESep
// Margin used around polygons for purposes of spline edge routing.
// The interpretation is the same as given for sep.
// This should normally be strictly less than sep.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:esep
func (g *Graph) SetESep(v float64) *Graph {
	g.SafeSet(string(esepAttr), fmt.Sprintf("+%f", v), "+3")
	return g
}

// SetFontColor
// Color used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontcolor
func (g *Graph) SetFontColor(v string) *Graph {
	g.SafeSet(string(fontColorAttr), v, "black")
	return g
}

// SetFontName
// Font used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontname
func (g *Graph) SetFontName(v string) *Graph {
	g.SafeSet(string(fontNameAttr), v, "Times-Roman")
	return g
}

// SetFontSize
// Font size, in points, used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontsize
func (g *Graph) SetFontSize(v float64) *Graph {
	g.SafeSet(string(fontSizeAttr), fmt.Sprint(v), "14.0")
	return g
}

// SetForceLabels
// If true, all xlabel attributes are placed, even if there is some overlap with nodes or other labels.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:forcelabels
func (g *Graph) SetForceLabels(v bool) *Graph {
	g.SafeSet(string(forceLabelsAttr), toBoolString(v), trueStr)
	return g
}

// SetGradientAngle
// If a gradient fill is being used, this determines the angle of the fill.
// For linear fills, the colors transform along a line specified by the angle and the center of the object.
// For radial fills, a value of zero causes the colors to transform radially from the center;
// for non-zero values, the colors transform from a point near the object's periphery as specified by the value.
// If unset, the default angle is 0.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:gradientangle
func (g *Graph) SetGradientAngle(v int) *Graph {
	g.SafeSet(string(gradientAngleAttr), fmt.Sprint(v), "")
	return g
}

// SetHref
// Synonym for URL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:href
func (g *Graph) SetHref(v string) *Graph {
	g.SafeSet(string(hrefAttr), v, "")
	return g
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
func (g *Graph) SetID(v string) *Graph {
	g.SafeSet(string(idAttr), v, "")
	return g
}

// SetImagePath
// Specifies a list of directories in which to look for image files as specified by the image attribute or using the IMG element in HTML-like labels.
// The string should be a list of (absolute or relative) pathnames, each separated by a semicolon (for Windows) or a colon (all other OS).
// The first directory in which a file of the given name is found will be used to load the image.
// If imagepath is not set, relative pathnames for the image file will be interpreted with respect to the current working directory.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:imagepath
func (g *Graph) SetImagePath(v string) *Graph {
	g.SafeSet(string(imagePathAttr), v, "")
	return g
}

// SetInputScale
// For layout algorithms that support initial input positions (specified by the pos attribute),
// this attribute can be used to appropriately scale the values.
// By default, fdp and neato interpret the x and y values of pos as being in inches.
// (NOTE: neato -n(2) treats the coordinates as being in points, being the unit used by the layout algorithms for the pos attribute.)
// Thus, if the graph has pos attributes in points, one should set inputscale=72.
// This can also be set on the command line using the -s flag flag.
// If not set, no scaling is done and the units on input are treated as inches.
// A value of 0 is equivalent to inputscale=72.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:inputscale
func (g *Graph) SetInputScale(v float64) *Graph {
	g.SafeSet(string(inputScaleAttr), fmt.Sprint(v), "")
	return g
}

// SetLabel
// Text label attached to objects.
// If a node's shape is record, then the label can have a special format which describes the record layout.
// Note that a node's default label is "\N", so the node's name or ID becomes its label.
// Technically, a node's name can be an HTML string but this will not mean that the node's label will be interpreted as an HTML-like label.
// This is because the node's actual label is an ordinary string, which will be replaced by the raw bytes stored in the node's name.
// To get an HTML-like label, the label attribute value itself must be an HTML string.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:label
func (g *Graph) SetLabel(v string) *Graph {
	g.SafeSet(string(labelAttr), v, "\\G")
	return g
}

// SetLabelScheme
// The value indicates whether to treat a node whose name has the form |edgelabel|* as a special node representing an edge label.
// The default (0) produces no effect.
// If the attribute is set to 1, sfdp uses a penalty-based method to make that kind of node close to the center of its neighbor.
// With a value of 2, sfdp uses a penalty-based method to make that kind of node close to the old center of its neighbor.
// Finally, a value of 3 invokes a two-step process of overlap removal and straightening.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:label_scheme
func (g *Graph) SetLabelScheme(v int) *Graph {
	g.SafeSet(string(labelSchemeAttr), fmt.Sprint(v), "0")
	return g
}

// SetLabelJust
// Justification for cluster labels.
// If "r", the label is right-justified within bounding rectangle;
// if "l", left-justified; else the label is centered.
// Note that a subgraph inherits attributes from its parent.
// Thus, if the root graph sets labeljust to "l", the subgraph inherits this value.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labeljust
func (g *Graph) SetLabelJust(v JustType) *Graph {
	g.SafeSet(string(labelJustAttr), string(v), string(CenteredJust))
	return g
}

// SetLabelLocation
// Vertical placement of labels for nodes, root graphs and clusters.
// For graphs and clusters, only "t" and "b" are allowed, corresponding to placement at the top and bottom, respectively.
// By default, root graph labels go on the bottom and cluster labels go on the top.
// Note that a subgraph inherits attributes from its parent.
// Thus, if the root graph sets labelloc to "b", the subgraph inherits this value.
//
// For nodes, this attribute is used only when the height of the node is larger than the height of its label.
// If labelloc is set to "t", "c", or "b", the label is aligned with the top, centered, or aligned with the bottom of the node, respectively.
// In the default case, the label is vertically centered.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:labelloc
func (g *Graph) SetLabelLocation(v LabelLocation) *Graph {
	g.SafeSet(string(labelLocAttr), string(v), string(BottomLocation))
	return g
}

// SetLandscape
// If true, the graph is rendered in landscape mode.
// Synonymous with rotate=90 or orientation=landscape.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:landscape
func (g *Graph) SetLandscape(v bool) *Graph {
	g.SafeSet(string(landscapeAttr), toBoolString(v), falseStr)
	return g
}

// SetLayerListSeparator
// Specifies the separator characters used to split an attribute of type layerRange into a list of ranges.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:layerlistsep
func (g *Graph) SetLayerListSeparator(v string) *Graph {
	g.SafeSet(string(layerListSepAttr), v, ",")
	return g
}

// SetLayers
// Specifies a linearly ordered list of layer names attached to the graph The graph is then output in separate layers.
// Only those components belonging to the current output layer appear.
// For more information, see the page How to use drawing layers (overlays).
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:layers
func (g *Graph) SetLayers(v string) *Graph {
	g.SafeSet(string(layersAttr), v, "")
	return g
}

// SetLayerSelect
// Selects a list of layers to be emitted.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:layerselect
func (g *Graph) SetLayerSelect(v string) *Graph {
	g.SafeSet(string(layerSelectAttr), v, "")
	return g
}

// SetLayerSeparator
// Specifies the separator characters used to split the layers attribute into a list of layer names.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:layersep
func (g *Graph) SetLayerSeparator(v string) *Graph {
	g.SafeSet(string(layerSepAttr), v, ":\\t")
	return g
}

// SetLayout
// Specifies the name of the layout algorithm to use, such as "dot" or "neato".
// Normally, graphs should be kept independent of a type of layout.
// In some cases, however, it can be convenient to embed the type of layout desired within the graph.
// For example, a graph containing position information from a layout might want to record what the associated layout algorithm was.
// This attribute takes precedence over the -K flag or the actual command name used.
func (g *Graph) SetLayout(v string) *Graph {
	g.SafeSet(string(layoutAttr), v, "")
	return g
}

// SetLevels
// Number of levels allowed in the multilevel scheme.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:levels
func (g *Graph) SetLevels(v int) *Graph {
	g.SafeSet(string(levelsAttr), fmt.Sprint(v), fmt.Sprint(maxInt))
	return g
}

// SetLevelsGap
// Specifies strictness of level constraints in neato when mode="ipsep" or "hier".
// Larger positive values mean stricter constraints, which demand more separation between levels.
// On the other hand, negative values will relax the constraints by allowing some overlap between the levels.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:levelsgap
func (g *Graph) SetLevelsGap(v float64) *Graph {
	g.SafeSet(string(levelsGapAttr), fmt.Sprint(v), "0.0")
	return g
}

// SetLabelPosition
// Label position, in points. The position indicates the center of the label.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:lp
func (g *Graph) SetLabelPosition(x, y float64) *Graph {
	g.SafeSet(string(lpAttr), fmt.Sprintf("%f,%f", x, y), "")
	return g
}

// SetLabelWidth
// Width of graph or cluster label, in inches.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:lwidth
func (g *Graph) SetLabelWidth(v float64) *Graph {
	g.SafeSet(string(lWidthAttr), fmt.Sprint(v), "")
	return g
}

// SetMargin
// For graphs, this sets x and y margins of canvas, in inches.
// If the margin is a single double, both margins are set equal to the given value.
// Note that the margin is not part of the drawing but just empty space left around the drawing.
// It basically corresponds to a translation of drawing, as would be necessary to center a drawing on a page.
// Nothing is actually drawn in the margin.
// To actually extend the background of a drawing, see the pad attribute.
//
// For clusters, this specifies the space between the nodes in the cluster and the cluster bounding box.
// By default, this is 8 points.
//
// For nodes, this attribute specifies space left around the node's label.
// By default, the value is 0.11,0.055.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:margin
func (g *Graph) SetMargin(v float64) *Graph {
	g.SafeSet(string(marginAttr), fmt.Sprint(v), "")
	return g
}

// SetMaxIterator
// Sets the number of iterations used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:maxiter
func (g *Graph) SetMaxIterator(v int) *Graph {
	g.SafeSet(string(maxIterAttr), fmt.Sprint(v), "200")
	return g
}
