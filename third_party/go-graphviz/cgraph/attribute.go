package cgraph

import (
	"fmt"
)

var (
	trueStr  = toBoolString(true)
	falseStr = toBoolString(false)
)

func toBoolString(v bool) string {
	return fmt.Sprintf("%t", v)
}

const (
	maxUint = ^uint(0)
	maxInt  = int(maxUint >> 1)
)

type ArrowType string

const (
	NormalArrow   ArrowType = "normal"
	InvArrow      ArrowType = "inv"
	DotArrow      ArrowType = "dot"
	InvDotArrow   ArrowType = "invdot"
	ODotArrow     ArrowType = "odot"
	InvODotArrow  ArrowType = "invodot"
	NoneArrow     ArrowType = "none"
	TeeArrow      ArrowType = "tee"
	EmptyArrow    ArrowType = "empty"
	InvEmptyArrow ArrowType = "invempty"
	DiamondArrow  ArrowType = "diamond"
	ODiamondArrow ArrowType = "odiamond"
	EDiamondArrow ArrowType = "ediamond"
	CrowArrow     ArrowType = "crow"
	BoxArrow      ArrowType = "box"
	OBoxArrow     ArrowType = "obox"
	OpenArrow     ArrowType = "open"
	HalfOpenArrow ArrowType = "halfopen"
	VeeArrow      ArrowType = "vee"
)

type ClusterMode string

const (
	LocalCluster  ClusterMode = "local"
	GlobalCluster ClusterMode = "global"
	NoneCluster   ClusterMode = "none"
)

type DirType string

const (
	ForwardDir DirType = "forward"
	BackDir    DirType = "back"
	BothDir    DirType = "both"
	NoneDir    DirType = "none"
)

type ImagePos string

const (
	TopLeftPos        ImagePos = "tl"
	TopCenteredPos    ImagePos = "tc"
	TopRightPos       ImagePos = "tr"
	MiddleLeftPos     ImagePos = "ml"
	MiddleCenteredPos ImagePos = "mc"
	BottomLeftPos     ImagePos = "bl"
	BottomCenteredPos ImagePos = "bc"
	BottomRightPos    ImagePos = "br"
)

type ImageScale string

const (
	ImageScaleDefault ImageScale = "false"
	ImageScaleTrue    ImageScale = "true"
	ImageScaleWidth   ImageScale = "width"
	ImageScaleHeight  ImageScale = "height"
	ImageScaleBoth    ImageScale = "both"
)

type JustType string

const (
	LeftJust     JustType = "l"
	CenteredJust JustType = "c"
	RightJust    JustType = "r"
)

type LabelLocation string

const (
	TopLocation      LabelLocation = "t"
	CenteredLocation LabelLocation = "c"
	BottomLocation   LabelLocation = "b"
)

type ModeType string

const (
	MajorMode  ModeType = "major"
	KKMode     ModeType = "KK"
	HierMode   ModeType = "hier"
	IpsepMode  ModeType = "ipsep"
	SpringMode ModeType = "spring"
	MaxentMode ModeType = "maxent"
)

type ModelType string

const (
	ShortPathModel ModelType = "shortpath"
	CircuitModel   ModelType = "circuit"
	SubsetModel    ModelType = "subset"
	MdsModel       ModelType = "mds"
)

type OrderingType string

const (
	OutOrdering OrderingType = "out"
	InOrdering  OrderingType = "in"
)

type OutputMode string

const (
	BreadthFirst OutputMode = "breadthfirst"
	NodesFirst   OutputMode = "nodesfirst"
	EdgesFirst   OutputMode = "edgesfirst"
)

type PackMode string

const (
	NodePack    PackMode = "node"
	ClusterPack PackMode = "clust"
	GraphPack   PackMode = "graph"
)

type PageDir string

const (
	BLDir PageDir = "BL"
	BRDir PageDir = "BR"
	TLDir PageDir = "TL"
	TRDir PageDir = "TR"
	RBDir PageDir = "RB"
	RTDir PageDir = "RT"
	LBDir PageDir = "LB"
	LTDir PageDir = "LT"
)

type QuadType string

const (
	NormalQuad QuadType = "normal"
	FastQuad   QuadType = "fast"
	NoneQuad   QuadType = "none"
)

type RankDir string

const (
	TBRank RankDir = "TB"
	LRRank RankDir = "LR"
	BTRank RankDir = "BT"
	RLRank RankDir = "RL"
)

type RatioType string

const (
	FillRatio     RatioType = "fill"
	CompressRatio RatioType = "compress"
	ExpandRatio   RatioType = "expand"
	AutoRatio     RatioType = "auto"
)

type SmoothType string

const (
	NoneSmooth      SmoothType = "none"
	AvgDistSmooth   SmoothType = "avg_dist"
	GraphDistSmooth SmoothType = "graph_dist"
	PowerDistSmooth SmoothType = "power_dist"
	RngSmooth       SmoothType = "rng"
	SprintSmooth    SmoothType = "spring"
	TriangleSmooth  SmoothType = "triangle"
)

type StartType string

const (
	RegularStart StartType = "regular"
	SelfStart    StartType = "self"
	RandomStart  StartType = "random"
)

type GraphStyle string

const (
	SolidGraphStyle   GraphStyle = "solid"
	DashedGraphStyle  GraphStyle = "dashed"
	DottedGraphStyle  GraphStyle = "dotted"
	BoldGraphStyle    GraphStyle = "bold"
	RoundedGraphStyle GraphStyle = "rounded"
	FilledGraphStyle  GraphStyle = "filled"
	StripedGraphStyle GraphStyle = "striped"
)

type NodeStyle string

const (
	SolidNodeStyle     NodeStyle = "solid"
	DashedNodeStyle    NodeStyle = "dashed"
	DottedNodeStyle    NodeStyle = "dotted"
	BoldNodeStyle      NodeStyle = "bold"
	RoundedNodeStyle   NodeStyle = "rounded"
	DiagonalsNodeStyle NodeStyle = "diagonals"
	FilledNodeStyle    NodeStyle = "filled"
	StripedNodeStyle   NodeStyle = "striped"
	WedgedNodeStyle    NodeStyle = "wedged"
)

type EdgeStyle string

const (
	SolidEdgeStyle  EdgeStyle = "solid"
	DashedEdgeStyle EdgeStyle = "dashed"
	DottedEdgeStyle EdgeStyle = "dotted"
	BoldEdgeStyle   EdgeStyle = "bold"
)
