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
func (n *Node) SetURL(v string) *Node {
	n.SafeSet(string(urlAttr), v, "")
	return n
}

// SetArea
// Indicates the preferred area for a node or empty cluster when laid out by patchwork.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:area
func (n *Node) SetArea(v float64) *Node {
	n.SafeSet(string(areaAttr), fmt.Sprint(v), "1.0")
	return n
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
func (n *Node) SetColor(v string) *Node {
	n.SafeSet(string(colorAttr), v, "black")
	return n
}

// SetColorScheme
// This attribute specifies a color scheme namespace.
// If defined, it specifies the context for interpreting color names.
// In particular, if a color value has form "xxx" or "//xxx", then the color xxx will be evaluated according to the current color scheme.
// If no color scheme is set, the standard X11 naming is used.
// For example, if colorscheme=bugn9, then color=7 is interpreted as "/bugn9/7".
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:colorscheme
func (n *Node) SetColorScheme(v string) *Node {
	n.SafeSet(string(colorSchemeAttr), v, "")
	return n
}

// SetComment
// Comments are inserted into output. Device-dependent
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:comment
func (n *Node) SetComment(v string) *Node {
	n.SafeSet(string(commentAttr), v, "")
	return n
}

// SetDistortion
// Distortion factor for shape=polygon.
// Positive values cause top part to be larger than bottom; negative values do the opposite.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:distortion
func (n *Node) SetDistortion(v float64) *Node {
	n.SafeSet(string(distortionAttr), fmt.Sprint(v), "0.0")
	return n
}

// SetFillColor
// Color used to fill the background of a node or cluster assuming style=filled, or a filled arrowhead.
// If fillcolor is not defined, color is used. (For clusters, if color is not defined, bgcolor is used.)
// If this is not defined, the default is used, except for shape=point or when the output format is MIF, which use black by default.
// If the value is a colorList, a gradient fill is used. By default, this is a linear fill; setting style=radial will cause a radial fill.
// At present, only two colors are used.
// If the second color (after a colon) is missing, the default color is used for it.
// See also the gradientangle attribute for setting the gradient angle.
//
// Note that a cluster inherits the root graph's attributes if defined.
// Thus, if the root graph has defined a fillcolor, this will override a color or bgcolor attribute set for the cluster.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fillcolor
func (n *Node) SetFillColor(v string) *Node {
	n.SafeSet(string(fillColorAttr), v, "lightgrey")
	return n
}

// SetFixedSize
// If false, the size of a node is determined by smallest width and height needed to contain its label and image,
// if any, with a margin specified by the margin attribute.
// The width and height must also be at least as large as the sizes specified by the width and height attributes, which specify the minimum values for these parameters.
// If true, the node size is specified by the values of the width and height attributes only and is not expanded to contain the text label.
// There will be a warning if the label (with margin) cannot fit within these limits.
//
// If the fixedsize attribute is set to shape,
// the width and height attributes also determine the size of the node shape, but the label can be much larger.
// Both the label and shape sizes are used when avoiding node overlap,
// but all edges to the node ignore the label and only contact the node shape.
// No warning is given if the label is too large.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fixedsize
func (n *Node) SetFixedSize(v bool) *Node {
	n.SafeSet(string(fixedSizeAttr), toBoolString(v), falseStr)
	return n
}

// SetFontColor
// Color used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontcolor
func (n *Node) SetFontColor(v string) *Node {
	n.SafeSet(string(fontColorAttr), v, "black")
	return n
}

// SetFontName
// Font used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontname
func (n *Node) SetFontName(v string) *Node {
	n.SafeSet(string(fontNameAttr), v, "Times-Roman")
	return n
}

// SetFontSize
// Font size, in points, used for text.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:fontsize
func (n *Node) SetFontSize(v float64) *Node {
	n.SafeSet(string(fontSizeAttr), fmt.Sprint(v), "14.0")
	return n
}

// SetGradientAngle
// If a gradient fill is being used, this determines the angle of the fill.
// For linear fills, the colors transform along a line specified by the angle and the center of the object.
// For radial fills, a value of zero causes the colors to transform radially from the center;
// for non-zero values, the colors transform from a point near the object's periphery as specified by the value.
// If unset, the default angle is 0.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:gradientangle
func (n *Node) SetGradientAngle(v int) *Node {
	n.SafeSet(string(gradientAngleAttr), fmt.Sprint(v), "")
	return n
}

// SetGroup
// If the end points of an edge belong to the same group,
// i.e., have the same group attribute, parameters are set to avoid crossings and keep the edges straight.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:group
func (n *Node) SetGroup(v string) *Node {
	n.SafeSet(string(groupAttr), v, "")
	return n
}

// SetHeight
// Height of node, in inches.
// This is taken as the initial, minimum height of the node.
// If fixedsize is true, this will be the final height of the node.
// Otherwise, if the node label requires more height to fit, the node's height will be increased to contain the label.
// Note also that, if the output format is dot, the value given to height will be the final value.
// If the node shape is regular, the width and height are made identical.
// In this case, if either the width or the height is set explicitly, that value is used.
// In this case, if both the width or the height are set explicitly, the maximum of the two values is used.
// If neither is set explicitly, the minimum of the two default values is used.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:height
func (n *Node) SetHeight(v float64) *Node {
	n.SafeSet(string(heightAttr), fmt.Sprint(v), "0.5")
	return n
}

// SetHref
// Synonym for URL.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:href
func (n *Node) SetHref(v string) *Node {
	n.SafeSet(string(hrefAttr), v, "")
	return n
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
func (n *Node) SetID(v string) *Node {
	n.SafeSet(string(idAttr), v, "")
	return n
}

// SetImage
// Gives the name of a file containing an image to be displayed inside a node.
// The image file must be in one of the recognized formats,
// typically JPEG, PNG, GIF, BMP, SVG or Postscript, and be able to be converted into the desired output format.
// The file must contain the image size information.
// This is usually trivially true for the bitmap formats.
// For PostScript, the file must contain a line starting with %%BoundingBox:
// followed by four integers specifying the lower left x and y coordinates
// and the upper right x and y coordinates of the bounding box for the image, the coordinates being in points.
// An SVG image file must contain width and height attributes, typically as part of the svg element.
// The values for these should have the form of a floating point number, followed by optional units,
// e.g., width="76pt".
// Recognized units are in, px, pc, pt, cm and mm for inches, pixels, picas, points, centimeters and millimeters, respectively.
// The default unit is points.
//
// Unlike with the shapefile attribute, the image is treated as node content rather than the entire node.
// In particular, an image can be contained in a node of any shape, not just a rectangle.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:image
func (n *Node) SetImage(v string) *Node {
	n.SafeSet(string(imageAttr), v, "")
	return n
}

// SetImagePos
// Attribute controlling how an image is positioned within its containing node.
// This only has an effect when the image is smaller than the containing node.
// The default is to be centered both horizontally and vertically.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:imagepos
func (n *Node) SetImagePos(v ImagePos) *Node {
	n.SafeSet(string(imagePosAttr), string(v), string(MiddleCenteredPos))
	return n
}

// SetImageScale
// Attribute controlling how an image fills its containing node. In general, the image is given its natural size, (cf. dpi), and the node size is made large enough to contain its image, its label, its margin, and its peripheries. Its width and height will also be at least as large as its minimum width and height. If, however, fixedsize=true, the width and height attributes specify the exact size of the node.
// During rendering, in the default case (imagescale=false), the image retains its natural size. If imagescale=true, the image is uniformly scaled (i.e., its aspect ratio is preserved) to fit inside the node. At least one dimension of the image will be as large as possible given the size of the node. When imagescale=width, the width of the image is scaled to fill the node width. The corresponding property holds when imagescale=height. When imagescale=both, both the height and the width are scaled separately to fill the node.
//
// In all cases, if a dimension of the image is larger than the corresponding dimension of the node, that dimension of the image is scaled down to fit the node. As with the case of expansion, if imagescale=true, width and height are scaled uniformly.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:imagescale
func (n *Node) SetImageScale(v ImageScale) *Node {
	n.SafeSet(string(imageScaleAttr), string(v), string(ImageScaleDefault))
	return n
}

// SetLabel
// Text label attached to objects.
// If a node's shape is record, then the label can have a special format which describes the record layout.
// Note that a node's default label is "\N", so the node's name or ID becomes its label.
// Technically, a node's name can be an HTML string but this will not mean that the node's label will be interpreted as an HTML-like label.
// This is because the node's actual label is an ordinary string, which will be replaced by the raw bytes stored in the node's name.
// To get an HTML-like label, the label attribute value itself must be an HTML string.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:label
func (n *Node) SetLabel(v string) *Node {
	n.SafeSet(string(labelAttr), v, "\\N")
	return n
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
func (n *Node) SetLabelLocation(v LabelLocation) *Node {
	n.SafeSet(string(labelLocAttr), string(v), string(CenteredLocation))
	return n
}

// SetLayer
// Specifies layers in which the node, edge or cluster is present.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:layer
func (n *Node) SetLayer(v string) *Node {
	n.SafeSet(string(layerAttr), v, "")
	return n
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
func (n *Node) SetMargin(v float64) *Node {
	n.SafeSet(string(marginAttr), fmt.Sprint(v), "")
	return n
}

// SetNoJustify
// By default, the justification of multi-line labels is done within the largest context that makes sense.
// Thus, in the label of a polygonal node, a left-justified line will align with the left side of the node (shifted by the prescribed margin).
// In record nodes, left-justified line will line up with the left side of the enclosing column of fields.
// If nojustify is "true", multi-line labels will be justified in the context of itself.
// For example, if the attribute is set, the first label line is long, and the second is shorter
// and left-justified, the second will align with the left-most character in the first line, regardless of how large the node might be.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:nojustify
func (n *Node) SetNoJustify(v bool) *Node {
	n.SafeSet(string(noJustifyAttr), toBoolString(v), falseStr)
	return n
}

// SetOrdering
// If the value of the attribute is "out",
// then the outedges of a node, that is, edges with the node as its tail node,
// must appear left-to-right in the same order in which they are defined in the input.
// If the value of the attribute is "in",
// then the inedges of a node must appear left-to-right in the same order in which they are defined in the input.
// If defined as a graph or subgraph attribute, the value is applied to all nodes in the graph or subgraph.
// Note that the graph attribute takes precedence over the node attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:ordering
func (n *Node) SetOrdering(v OrderingType) *Node {
	n.SafeSet(string(orderingAttr), string(v), "")
	return n
}

// SetOrientation
// Angle, in degrees, used to rotate polygon node shapes.
// For any number of polygon sides, 0 degrees rotation results in a flat base.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:orientation
func (n *Node) SetOrientation(v float64) *Node {
	n.SafeSet(string(orientationAttr), fmt.Sprint(v), "0.0")
	return n
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
func (n *Node) SetPenWidth(v float64) *Node {
	n.SafeSet(string(penWidthAttr), fmt.Sprint(v), "1.0")
	return n
}

// SetPeripheries
// Set number of peripheries used in polygonal shapes and cluster boundaries.
// Note that user-defined shapes are treated as a form of box shape,
// so the default peripheries value is 1 and the user-defined shape will be drawn in a bounding rectangle.
// Setting peripheries=0 will turn this off.
// Also, 1 is the maximum peripheries value for clusters.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:peripheries
func (n *Node) SetPeripheries(v int) *Node {
	n.SafeSet(string(peripheriesAttr), fmt.Sprint(v), "1")
	return n
}

// SetPin
// If true and the node has a pos attribute on input,
// neato or fdp prevents the node from moving from the input position.
// This property can also be specified in the pos attribute itself (cf. the point type).
//
// Note: Due to an artifact of the implementation, previous to 27 Feb 2014, final coordinates are translated to the origin.
// Thus, if you look at the output coordinates given in the (x)dot or plain format,
// pinned nodes will not have the same output coordinates as were given on input.
// If this is important, a simple workaround is to maintain the coordinates of a pinned node.
// The vector difference between the old and new coordinates will give the translation,
// which can then be subtracted from all of the appropriate coordinates.
//
// After 27 Feb 2014, this translation can be avoided in neato by setting the notranslate to TRUE.
// However, if the graph specifies node overlap removal or a change in aspect ratio, node coordinates may still change.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:pin
func (n *Node) SetPin(v bool) *Node {
	n.SafeSet(string(pinAttr), toBoolString(v), falseStr)
	return n
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
func (n *Node) SetPos(x, y float64) *Node {
	n.SafeSet(string(posAttr), fmt.Sprintf("%f,%f", x, y), "")
	return n
}

// SetRects
// Rectangles for fields of records, in points.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:rects
func (n *Node) SetRects(llx, lly, urx, ury float64) *Node {
	n.SafeSet(string(rectsAttr), fmt.Sprintf("%f,%f,%f,%f", llx, lly, urx, ury), "")
	return n
}

// SetRegular
// If true, force polygon to be regular,
// i.e., the vertices of the polygon will lie on a circle whose center is the center of the node.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:regular
func (n *Node) SetRegular(v bool) *Node {
	n.SafeSet(string(regularAttr), toBoolString(v), falseStr)
	return n
}

// SetRoot
// This specifies nodes to be used as the center of the layout and the root of the generated spanning tree.
// As a graph attribute, this gives the name of the node.
// As a node attribute, it specifies that the node should be used as a central node.
// In twopi, this will actually be the central node.
// In circo, the block containing the node will be central in the drawing of its connected component.
// If not defined, twopi will pick a most central node, and circo will pick a random node.
//
// If the root attribute is defined as the empty string, twopi will reset it to name of the node picked as the root node.
//
// For twopi, it is possible to have multiple roots, presumably one for each component.
// If more than one node in a component is marked as the root, twopi will pick one.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:root
func (n *Node) SetRoot(v bool) *Node {
	n.SafeSet(string(rootAttr), toBoolString(v), falseStr)
	return n
}

// SetSamplePoints
// If the input graph defines the vertices attribute,
// and output is dot or xdot,
// this gives the number of points used for a node whose shape is a circle or ellipse.
// It plays the same role in neato,
// when adjusting the layout to avoid overlapping nodes, and in image maps.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:samplepoints
func (n *Node) SetSamplePoints(v int) *Node {
	n.SafeSet(string(samplePointsAttr), fmt.Sprint(v), "8")
	return n
}

// SetShape
// Set the shape of a node.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:shape
func (n *Node) SetShape(v Shape) *Node {
	n.SafeSet(string(shapeAttr), string(v), string(EllipseShape))
	return n
}

// SetShapeFile
// (Deprecated) If defined, shapefile specifies a file containing user-supplied node content.
// The shape of the node is set to box.
// The image in the shapefile must be rectangular.
// The image formats supported as well as the precise semantics of how the file is used depends on the output format.
// For further details, see Image Formats and External PostScript files.
//
// There is one exception to this usage.
// If shape is set to "epsf", shapefile gives a filename containing a definition of the node in PostScript.
// The graphics defined must be contain all of the node content, including any desired boundaries.
// For further details, see External PostScript files.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:shapefile
func (n *Node) SetShapeFile(v string) *Node {
	n.SafeSet(string(shapeFileAttr), v, "")
	return n
}

// SetShowBoxes
// Print guide boxes in PostScript at the beginning of routesplines if 1, or at the end if 2. (Debugging)
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:showboxes
func (n *Node) SetShowBoxes(v int) *Node {
	n.SafeSet(string(showBoxesAttr), fmt.Sprint(v), "0")
	return n
}

// SetSides
// Number of sides if shape=polygon.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:sides
func (n *Node) SetSides(v int) *Node {
	n.SafeSet(string(sidesAttr), fmt.Sprint(v), "4")
	return n
}
