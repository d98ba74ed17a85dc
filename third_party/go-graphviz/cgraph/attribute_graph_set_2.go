package cgraph

import (
	"fmt"
)

// SetMCLimit
// Multiplicative scale factor used to alter the MinQuit (default = 8) and MaxIter (default = 24) parameters used during crossing minimization.
// These correspond to the number of tries without improvement before quitting and the maximum number of iterations in each pass.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:mclimit
func (g *Graph) SetMCLimit(v float64) *Graph {
	g.SafeSet(string(mcLimitAttr), fmt.Sprint(v), "1.0")
	return g
}

// SetMinDist
// Specifies the minimum separation between all nodes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:mindist
func (g *Graph) SetMinDist(v float64) *Graph {
	g.SafeSet(string(minDistAttr), fmt.Sprint(v), "1.0")
	return g
}

// SetMode
// Technique for optimizing the layout.
// For neato, if mode is "major", neato uses stress majorization.
// If mode is "KK", neato uses a version of the gradient descent method.
// The only advantage to the latter technique is that it is sometimes appreciably faster for small (number of nodes < 100) graphs.
// A significant disadvantage is that it may cycle.
// There are two experimental modes in neato, "hier", which adds a top-down directionality similar to the layout used in dot,
// and "ipsep", which allows the graph to specify minimum vertical and horizontal distances between nodes. (See the sep attribute.)
//
// For sfdp, the default mode is "spring", which corresponds to using a spring-electrical model.
// Setting mode to "maxent" causes a similar model to be run but one that also takes into account edge lengths specified by the "len" attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:mode
func (g *Graph) SetMode(v ModeType) *Graph {
	g.SafeSet(string(modeAttr), string(v), string(MajorMode))
	return g
}

// SetModel
// This value specifies how the distance matrix is computed for the input graph.
// The distance matrix specifies the ideal distance between every pair of nodes.
// neato attemps to find a layout which best achieves these distances.
// By default, it uses the length of the shortest path, where the length of each edge is given by its len attribute.
// If model is "circuit", neato uses the circuit resistance model to compute the distances.
// This tends to emphasize clusters.
// If model is "subset", neato uses the subset model.
// This sets the edge length to be the number of nodes that are neighbors of exactly one of the end points,
// and then calculates the shortest paths.
// This helps to separate nodes with high degree.
// For more control of distances, one can use model=mds.
// In this case, the len of an edge is used as the ideal distance between its vertices.
// A shortest path calculation is only used for pairs of nodes not connected by an edge.
// Thus, by supplying a complete graph, the input can specify all of the relevant distances.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:model
func (g *Graph) SetModel(v ModelType) *Graph {
	g.SafeSet(string(modelAttr), string(v), string(ShortPathModel))
	return g
}

// SetMosek
// If Graphviz is built with MOSEK defined, mode=ipsep and mosek=true, the Mosek software (www.mosek.com) is use to solve the ipsep constraints.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:mosek
func (g *Graph) SetMosek(v bool) *Graph {
	g.SafeSet(string(mosekAttr), toBoolString(v), falseStr)
	return g
}

// SetNewRank
// The original ranking algorithm in dot is recursive on clusters.
// This can produce fewer ranks and a more compact layout,
// but sometimes at the cost of a head node being place on a higher rank than the tail node.
// It also assumes that a node is not constrained in separate, incompatible subgraphs.
// For example, a node cannot be in a cluster and also be constrained by rank=same with a node not in the cluster.
// If newrank=true, the ranking algorithm does a single global ranking, ignoring clusters.
// This allows nodes to be subject to multiple constraints.
// Rank constraints will usually take precedence over edge constraints.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:newrank
func (g *Graph) SetNewRank(v bool) *Graph {
	g.SafeSet(string(newRankAttr), toBoolString(v), falseStr)
	return g
}

// SetNodeSeparator
// In dot, this specifies the minimum space between two adjacent nodes in the same rank, in inches.
// For other layouts, this affects the spacing between loops on a single node, or multiedges between a pair of nodes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:nodesep
func (g *Graph) SetNodeSeparator(v float64) *Graph {
	g.SafeSet(string(nodeSepAttr), fmt.Sprint(v), "0.25")
	return g
}

// SetNoJustify
// By default, the justification of multi-line labels is done within the largest context that makes sense.
// Thus, in the label of a polygonal node, a left-justified line will align with the left side of the node (shifted by the prescribed margin).
// In record nodes, left-justified line will line up with the left side of the enclosing column of fields.
// If nojustify is "true", multi-line labels will be justified in the context of itself.
// For example, if the attribute is set, the first label line is long, and the second is shorter
// and left-justified, the second will align with the left-most character in the first line, regardless of how large the node might be.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:nojustify
func (g *Graph) SetNoJustify(v bool) *Graph {
	g.SafeSet(string(noJustifyAttr), toBoolString(v), falseStr)
	return g
}

// SetNormalize
// If set, normalize coordinates of final layout so that the first point is at the origin,
// and then rotate the layout so that the angle of the first edge is specified by the value of normalize in degrees.
// If normalize is not a number, it is evaluated as a bool, with true corresponding to 0 degrees.
// NOTE: Since the attribute is evaluated first as a number, 0 and 1 cannot be used for false and true.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:normalize
func (g *Graph) SetNormalize(v bool) *Graph {
	g.SafeSet(string(normalizeAttr), toBoolString(v), falseStr)
	return g
}

// SetNoTranslate
// By default, the final layout is translated so that the lower-left corner of the bounding box is at the origin.
// This can be annoying if some nodes are pinned or if the user runs neato -n.
// To avoid this translation, set notranslate to true.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:notranslate
func (g *Graph) SetNoTranslate(v bool) *Graph {
	g.SafeSet(string(noTranslateAttr), toBoolString(v), falseStr)
	return g
}

// SetNSLimit
// Used to set number of iterations in network simplex applications.
// nslimit is used in computing node x coordinates, nslimit1 for ranking nodes.
// If defined, # iterations = nslimit(1) * # nodes; otherwise, # iterations = MAXINT.
func (g *Graph) SetNsLimit(v float64) *Graph {
	g.SafeSet(string(nsLimitAttr), fmt.Sprint(v), "")
	return g
}

// SetNSLimit1
// Used to set number of iterations in network simplex applications.
// nslimit is used in computing node x coordinates, nslimit1 for ranking nodes.
// If defined, # iterations = nslimit(1) * # nodes; otherwise, # iterations = MAXINT.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:nslimit
func (g *Graph) SetNsLimit1(v float64) *Graph {
	g.SafeSet(string(nsLimit1Attr), fmt.Sprint(v), "")
	return g
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
func (g *Graph) SetOrdering(v OrderingType) *Graph {
	g.SafeSet(string(orderingAttr), string(v), "")
	return g
}

// SetOrientation
// If "[lL]*", set graph orientation to landscape Used only if rotate is not defined.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#aa:orientation
func (g *Graph) SetOrientation(v string) *Graph {
	g.SafeSet(string(orientationAttr), v, "")
	return g
}

// SetOutputOrder
// Specify order in which nodes and edges are drawn.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:outputorder
func (g *Graph) SetOutputOrder(v OutputMode) *Graph {
	g.SafeSet(string(outputOrderAttr), string(v), string(BreadthFirst))
	return g
}

// SetOverlap
// Determines if and how node overlaps should be removed.
// Nodes are first enlarged using the sep attribute.
// If "true" , overlaps are retained.
// If the value is "scale", overlaps are removed by uniformly scaling in x and y.
// If the value converts to "false", and it is available,
// Prism, a proximity graph-based algorithm, is used to remove node overlaps.
// This can also be invoked explicitly with "overlap=prism".
// This technique starts with a small scaling up, controlled by the overlap_scaling attribute,
// which can remove a significant portion of the overlap.
// The prism option also accepts an optional non-negative integer suffix.
// This can be used to control the number of attempts made at overlap removal.
// By default, overlap="prism" is equivalent to overlap="prism1000". Setting overlap="prism0" causes only the scaling phase to be run.
// If Prism is not available, or the version of Graphviz is earlier than 2.28, "overlap=false" uses a Voronoi-based technique.
// This can always be invoked explicitly with "overlap=voronoi".
//
// If the value is "scalexy", x and y are separately scaled to remove overlaps.
//
// If the value is "compress", the layout will be scaled down as much as possible without introducing any overlaps,
// obviously assuming there are none to begin with.
//
// N.B.The remaining allowed values of overlap correspond to algorithms which, at present,
// can produce bad aspect ratios. In addition, we deprecate the use of the "ortho*" and "portho*".
//
// If the value is "vpsc", overlap removal is done as a quadratic optimization to minimize node displacement while removing node overlaps.
//
// If the value is "orthoxy" or "orthoyx", overlaps are moved by optimizing two constraint problems, one for the x axis and one for the y.
// The suffix indicates which axis is processed first.
// If the value is "ortho", the technique is similar to "orthoxy" except a heuristic is used to reduce the bias between the two passes.
// If the value is "ortho_yx", the technique is the same as "ortho", except the roles of x and y are reversed.
// The values "portho", "porthoxy", "porthoxy", and "portho_yx" are similar to the previous four,
// except only pseudo-orthogonal ordering is enforced.
//
// If the layout is done by neato with mode="ipsep", then one can use overlap=ipsep.
// In this case, the overlap removal constraints are incorporated into the layout algorithm itself.
// N.B. At present, this only supports one level of clustering.
//
// Except for fdp and sfdp, the layouts assume overlap="true" as the default.
// Fdp first uses a number of passes using a built-in, force-directed technique to try to remove overlaps.
// Thus, fdp accepts overlap with an integer prefix followed by a colon, specifying the number of tries.
// If there is no prefix, no initial tries will be performed.
// If there is nothing following a colon, none of the above methods will be attempted.
// By default, fdp uses overlap="9:prism". Note that overlap="true", overlap="0:true" and overlap="0:" all turn off all overlap removal.
//
// By default, sfdp uses overlap="prism0".
//
// Except for the Voronoi and prism methods, all of these transforms preserve the orthogonal ordering of the original layout.
// That is, if the x coordinates of two nodes are originally the same, they will remain the same,
// and if the x coordinate of one node is originally less than the x coordinate of another,
// this relation will still hold in the transformed layout.
// The similar properties hold for the y coordinates.
// This is not quite true for the "porth*" cases.
// For these, orthogonal ordering is only preserved among nodes related by an edge.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:overlap
func (g *Graph) SetOverlap(v bool) *Graph {
	g.SafeSet(string(overlapAttr), toBoolString(v), trueStr)
	return g
}

// SetOverlapScaling
// When overlap=prism, the layout is scaled by this factor,
// thereby removing a fair amount of node overlap,
// and making node overlap removal faster and better able to retain the graph's shape.
// If overlap_scaling is negative,
// the layout is scaled by -1*overlap_scaling times the average label size.
// If overlap_scaling is positive, the layout is scaled by overlap_scaling.
// If overlap_scaling is zero, no scaling is done.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:overlap_scaling
func (g *Graph) SetOverlapScaling(v float64) *Graph {
	g.SafeSet(string(overlapScalingAttr), fmt.Sprint(v), "-4")
	return g
}

// SetOverlapShrink
// If true, the overlap removal algorithm will perform a compression pass to reduce the size of the layout.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:overlap_shrink
func (g *Graph) SetOverlapShrink(v bool) *Graph {
	g.SafeSet(string(overlapShrinkAttr), toBoolString(v), trueStr)
	return g
}

// SetPack
// This is true if the value of pack is "true" (case-insensitive) or a non-negative integer.
// If true, each connected component of the graph is laid out separately,
// and then the graphs are packed together.
// If pack has an integral value, this is used as the size, in points, of a margin around each part;
// otherwise, a default margin of 8 is used.
// If pack is interpreted as false, the entire graph is laid out together.
// The granularity and method of packing is influenced by the packmode attribute.
//
// For layouts which always do packing, such a twopi, the pack attribute is just used to set the margin.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:pack
func (g *Graph) SetPack(v bool) *Graph {
	g.SafeSet(string(packAttr), toBoolString(v), falseStr)
	return g
}

// SetPackMode
// This indicates how connected components should be packed (cf. packMode).
// Note that defining packmode will automatically turn on packing as though one had set pack=true.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:packmode
func (g *Graph) SetPackMode(v PackMode) *Graph {
	g.SafeSet(string(packModeAttr), string(v), string(NodePack))
	return g
}

// SetPad
// The pad attribute specifies how much, in inches,
// to extend the drawing area around the minimal area needed to draw the graph.
// If the pad is a single double, both the x and y pad values are set equal to the given value.
// This area is part of the drawing and will be filled with the background color, if appropriate.
//
// Normally, a small pad is used for aesthetic reasons,
// especially when a background color is used,
// to avoid having nodes and edges abutting the boundary of the drawn region.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:pad
func (g *Graph) SetPad(v float64) *Graph {
	g.SafeSet(string(padAttr), fmt.Sprint(v), "0.0555")
	return g
}

// SetPage
// Width and height of output pages, in inches.
// If only a single value is given, this is used for both the width and height.
// If this is set and is smaller than the size of the layout,
// a rectangular array of pages of the specified page size is overlaid on the layout,
// with origins aligned in the lower-left corner, thereby partitioning the layout into pages.
// The pages are then produced one at a time, in pagedir order.
//
// At present, this only works for PostScript output.
// For other types of output, one should use another tool to split the output into multiple output files.
// Or use the viewport to generate multiple files.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:page
func (g *Graph) SetPage(v float64) *Graph {
	g.SafeSet(string(pageAttr), fmt.Sprint(v), "")
	return g
}

// SetPageDir
// If the page attribute is set and applicable,
// this attribute specifies the order in which the pages are emitted.
// This is limited to one of the 8 row or column major orders.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:pagedir
func (g *Graph) SetPageDir(v PageDir) *Graph {
	g.SafeSet(string(pageDirAttr), string(v), string(BLDir))
	return g
}

// SetQuadType
// Quadtree scheme to use.
//
// A TRUE bool value corresponds to "normal";
// a FALSE bool value corresponds to "none".
// As a slight exception to the normal interpretation of bool, a value of "2" corresponds to "fast".
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:quadtree
func (g *Graph) SetQuadTree(v QuadType) *Graph {
	g.SafeSet(string(quadTreeAttr), string(v), string(NormalQuad))
	return g
}

// SetQuantum
// If quantum > 0.0, node label dimensions will be rounded to integral multiples of the quantum.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#d:quantum
func (g *Graph) SetQuantum(v float64) *Graph {
	g.SafeSet(string(quantumAttr), fmt.Sprint(v), "0.0")
	return g
}

// SetRankDir
// Sets direction of graph layout.
// For example, if rankdir="LR", and barring cycles, an edge T -> H;
// will go from left to right. By default, graphs are laid out from top to bottom.
//
// This attribute also has a side-effect in determining how record nodes are interpreted.
// See record shapes.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:rankdir
func (g *Graph) SetRankDir(v RankDir) *Graph {
	g.SafeSet(string(rankDirAttr), string(v), string(TBRank))
	return g
}

// SetRankSeparator
// In dot, this gives the desired rank separation, in inches.
// This is the minimum vertical distance between the bottom of the nodes in one rank and the tops of nodes in the next.
// If the value contains "equally", the centers of all ranks are spaced equally apart.
// Note that both settings are possible, e.g., ranksep = "1.2 equally".
//
// In twopi, this attribute specifies the radial separation of concentric circles.
// For twopi, ranksep can also be a list of doubles.
// The first double specifies the radius of the inner circle;
// the second double specifies the increase in radius from the first circle to the second;
// etc. If there are more circles than numbers, the last number is used as the increment for the remainder.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:ranksep
func (g *Graph) SetRankSeparator(v float64) *Graph {
	g.SafeSet(string(rankSepAttr), fmt.Sprint(v), "0.5")
	return g
}

// SetRatio
// Sets the aspect ratio (drawing height/drawing width) for the drawing.
// Note that this is adjusted before the size attribute constraints are enforced.
// In addition, the calculations usually ignore the node sizes,
// so the final drawing size may only approximate what is desired.
//
// If ratio is numeric, it is taken as the desired aspect ratio.
// Then, if the actual aspect ratio is less than the desired ratio,
// the drawing height is scaled up to achieve the desired ratio;
// if the actual ratio is greater than that desired ratio, the drawing width is scaled up.
//
// If ratio = "fill" and the size attribute is set,
// node positions are scaled, separately in both x and y,
// so that the final drawing exactly fills the specified size.
// If both size values exceed the width and height of the drawing,
// then both coordinate values of each node are scaled up accordingly.
// However, if either size dimension is smaller than the corresponding dimension in the drawing,
// one dimension is scaled up so that the final drawing has the same aspect ratio as specified by size.
// Then, when rendered, the layout will be scaled down uniformly in both dimensions to fit the given size,
// which may cause nodes and text to shrink as well.
// This may not be what the user wants,
// but it avoids the hard problem of how to reposition the nodes in an acceptable fashion to reduce the drawing size.
//
// If ratio = "compress" and the size attribute is set,
// dot attempts to compress the initial layout to fit in the given size.
// This achieves a tighter packing of nodes but reduces the balance and symmetry.
// This feature only works in dot.
//
// If ratio = "expand", the size attribute is set,
// and both the width and the height of the graph are less than the value in size,
// node positions are scaled uniformly until at least one dimension fits size exactly.
// Note that this is distinct from using size as the desired size,
// as here the drawing is expanded before edges are generated and all node and text sizes remain unchanged.
//
// If ratio = "auto", the page attribute is set and the graph cannot be drawn on a single page,
// then size is set to an “ideal” value.
// In particular, the size in a given dimension will be the smallest integral multiple of the page size in
// that dimension which is at least half the current size.
// The two dimensions are then scaled independently to the new size.
// This feature only works in dot.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:ratio
func (g *Graph) SetRatio(v RatioType) *Graph {
	g.SafeSet(string(ratioAttr), string(v), "")
	return g
}

// SetReminCross
// If true and there are multiple clusters, run crossing minimization a second time.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:remincross
func (g *Graph) SetReminCross(v bool) *Graph {
	g.SafeSet(string(remincrossAttr), toBoolString(v), trueStr)
	return g
}

// SetRepulsiveForce
// The power of the repulsive force used in an extended Fruchterman-Reingold force directed model.
// Values larger than 1 tend to reduce the warping effect at the expense of less clustering.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:repulsiveforce
func (g *Graph) SetRepulsiveForce(v float64) *Graph {
	g.SafeSet(string(repulsiveforceAttr), fmt.Sprint(v), "1.0")
	return g
}

// SetResolution
// This is a synonym for the dpi attribute.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:resolution
func (g *Graph) SetResolution(v float64) *Graph {
	g.SafeSet(string(resolutionAttr), fmt.Sprint(v), "96.0")
	return g
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
func (g *Graph) SetRoot(v bool) *Graph {
	g.SafeSet(string(rootAttr), toBoolString(v), falseStr)
	return g
}

// SetRotate
// If 90, set drawing orientation to landscape.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:rotate
func (g *Graph) SetRotate(v int) *Graph {
	g.SafeSet(string(rotateAttr), fmt.Sprint(v), "0")
	return g
}

// SetRotation
// Causes the final layout to be rotated counter-clockwise by the specified number of degrees.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:rotation
func (g *Graph) SetRotation(v float64) *Graph {
	g.SafeSet(string(rotationAttr), fmt.Sprint(v), "0")
	return g
}

// SetScale
// If set, after the initial layout, the layout is scaled by the given factors.
// If only a single number is given, this is used for both factors.
// https://graphviz.gitlab.io/_pages/doc/info/attrs.html#a:scale
func (g *Graph) SetScale(x, y float64) *Graph {
	g.SafeSet(string(scaleAttr), fmt.Sprintf("%f,%f", x, y), "")
	return g
}
