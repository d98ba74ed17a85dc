package export

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/reorder"
	"github.com/factgraph/factgraph/internal/suggest"
)

// The views a store can be exported in.
const (
	// ViewFull shows every item as a node and every reference between items as an edge.
	ViewFull = "full"
	// ViewParties shows only parties and agreements; obligations, claims, counterclaims and
	// relations become edges between them.
	ViewParties = "parties"
	// ViewArguments shows claims and counterclaims, who makes them, and which rebut or back
	// up which.
	ViewArguments = "arguments"
	// ViewStances shows the parties who assert something and, weighted, how many of one
	// party's assertions another counters or supports (stances.go).
	ViewStances = "stances"
)

// Views lists the view names, the default first.
var Views = []string{ViewFull, ViewParties, ViewArguments, ViewStances}

// Edge kinds of the full view, named after the fact field they come from. A role edge runs
// from the item that has the field to the item it names ("obligation -bearer-> party"),
// except party-to, which runs from a party to the agreement that lists it.
const (
	RoleBearer      = "bearer"
	RoleBeneficiary = "beneficiary"
	RoleUnder       = "under"
	RoleBy          = "by"
	RoleAbout       = "about"
	RoleCounters    = "counters"
	RoleSupports    = "supports"
	RolePartyTo     = "party-to"
	RoleMemberOf    = "member-of"
	RoleRevises     = "revises"
	RoleInvolves    = "involves"
)

// Edge kinds of the parties view besides the roles and relation types.
const (
	EdgeObligation   = graph.KindObligation   // bearer -> beneficiary, labelled with the duty
	EdgeClaim        = graph.KindClaim        // author -> what the claim is about, labelled with its id
	EdgeCounterclaim = graph.KindCounterclaim // author -> author of what it counters, likewise
)

// Names of the view-specific attributes in Node.Extra and Edge.Extra: the facts-file keys.
const (
	ExtraAliases     = "aliases" // one a line
	ExtraCondition   = "condition"
	ExtraDescription = "description"
	ExtraInForce     = "in_force"
	ExtraNote        = "note"
	ExtraRole        = "role"
	ExtraSays        = "says"
	ExtraSection     = "section"
	ExtraUnder       = "under"
)

// How the parties view draws what the speakers claim (ViewOptions.Claims).
const (
	// ClaimsSummary draws one edge from a speaker to each item its claims are about and to
	// each speaker its counterclaims rebut, labelled with how many ("3 claims").
	ClaimsSummary = "summary"
	// ClaimsNone draws no claims: the map of parties, agreements, duties and relations.
	ClaimsNone = "none"
	// ClaimsAll draws one edge per claim and target, labelled with what the claim says.
	ClaimsAll = "all"
)

// ClaimModes lists the values of ViewOptions.Claims, the default first.
var ClaimModes = []string{ClaimsSummary, ClaimsNone, ClaimsAll}

// ViewOptions says which view to build and what part of it to keep.
type ViewOptions struct {
	View   string // one of Views; "" means ViewFull
	Focus  string // when set, keep only what lies within Depth steps of this node
	Depth  int    // steps from Focus, following edges either way; negative means no limit
	Source string // when set, keep only the items that this source states
	Claims string // the parties view's claims: one of ClaimModes; "" means ClaimsSummary

	// Merge, in the parties view, turns the edges of one kind (and, for duties, one status)
	// between the same two nodes into one, whose weight and count say how many.
	Merge bool
	// MinSources, in the parties view, keeps only the parties and agreements that at least
	// this many sources state; 0 keeps all.
	MinSources int
	// Top, in the parties view, keeps only this many parties and agreements, those joined
	// to the most others (after MinSources); 0 keeps all.
	Top int
}

// reduces reports whether opts asks to merge or filter the parties view.
func (opts ViewOptions) reduces() bool { return opts.Merge || opts.MinSources != 0 || opts.Top != 0 }

// Check reports a view name that is not one of Views, and a merge or filter asked of a view
// other than parties, before anything is read.
func (opts ViewOptions) Check() error {
	if opts.View == "" || slices.Contains(Views, opts.View) {
		return opts.checkReduce()
	}
	if near, ok := suggest.Closest(opts.View, Views); ok {
		return fmt.Errorf("unknown view %q; did you mean %q? (views: %s)", opts.View, near, strings.Join(Views, ", "))
	}
	return fmt.Errorf("unknown view %q; use one of: %s", opts.View, strings.Join(Views, ", "))
}

func (opts ViewOptions) checkReduce() error {
	if opts.MinSources < 0 || opts.Top < 0 {
		return fmt.Errorf("--min-sources and --top count parties: give 0 (keep all) or more, not %d", min(opts.MinSources, opts.Top))
	}
	if opts.reduces() && opts.View != ViewParties {
		return errors.New("--merge-edges, --min-sources and --top apply to the parties view only; add --view parties")
	}
	return nil
}

// BuildView turns the merged read model of a store into the export model of one view. The
// nodes come out sorted by ID and the edges by (From, To, Kind, ID), so the same graph gives
// the same export every time. An edge whose end is not in the view is left out.
func BuildView(g *graph.Graph, opts ViewOptions) (*Graph, error) {
	if g == nil {
		g = &graph.Graph{}
	}
	if err := opts.Check(); err != nil {
		return nil, err
	}
	if opts.Source != "" {
		var err error
		if g, err = onlySource(g, opts.Source); err != nil {
			return nil, err
		}
	}
	view := opts.View
	if view == "" {
		view = ViewFull
	}
	claims := opts.Claims
	switch claims {
	case "":
		claims = ClaimsSummary
	case ClaimsSummary, ClaimsNone, ClaimsAll:
	default:
		return nil, fmt.Errorf("unknown claims mode %q; use one of: %s", opts.Claims, strings.Join(ClaimModes, ", "))
	}
	nodes, edges := sizes(g, view)
	b := &builder{nodes: make([]Node, 0, nodes), index: make(map[string]int, nodes), pending: make([]Edge, 0, edges), claims: claims}
	if !b.build(g, view) {
		return nil, fmt.Errorf("unknown view %q; use one of: %s", opts.View, strings.Join(Views, ", "))
	}
	out := b.graph(view)
	if opts.Focus != "" {
		if err := focus(out, g, opts.Focus, opts.Depth); err != nil {
			return nil, err
		}
	}
	if opts.MinSources > 0 || opts.Top > 0 {
		keepParties(out, opts.MinSources, opts.Top)
	}
	if opts.Merge {
		mergeEdges(out)
	}
	return out, nil
}

// builder collects a view's nodes and edges. A big store's view holds a million edges of
// some 300 bytes each, so each is kept once, where it is written out: nodes in place, by
// id; edges in the order they come, deduplicated in place by graph.
type builder struct {
	nodes    []Node
	index    map[string]int // node id -> place in nodes
	pending  []Edge         // every edge, kept by graph when both ends are nodes
	groups   []Group
	claims   string            // the parties view's claims mode
	captions map[string]string // role or relation type -> its caption
}

func (b *builder) node(n Node) {
	st := NodeStyle(n.Kind)
	n.Color, n.Shape = st.Color, st.Shape
	sortExtra(n.Extra)
	if i, ok := b.index[n.ID]; ok {
		b.nodes[i] = n
		return
	}
	b.index[n.ID] = len(b.nodes)
	b.nodes = append(b.nodes, n)
}

// edge queues an edge; graph keeps it when both ends are nodes.
func (b *builder) edge(e Edge) {
	e.Color, e.Dashed = EdgeStyle(e.Kind, e.Status)
	sortExtra(e.Extra)
	b.pending = append(b.pending, e)
}

func (b *builder) role(from, kind, to string, sources []string) {
	b.edge(Edge{ID: from + ":" + kind + ":" + to, From: from, To: to, Label: kind, Kind: kind, Sources: sources, Caption: b.words(kind)})
}

// words is the caption of a role or relation type, made once per type: a big store's view
// has a million such edges and a few dozen types.
func (b *builder) words(kind string) string {
	if c, ok := b.captions[kind]; ok {
		return c
	}
	if b.captions == nil {
		b.captions = map[string]string{}
	}
	c := Wrap(Words(kind), NameWidth)
	b.captions[kind] = c
	return c
}

func (b *builder) graph(view string) *Graph {
	// Keep the first of the edges with one id in its place and fold the others into it,
	// moving the kept edges down over the dropped ones: no second copy of the edges. The
	// places of each kept edge's ends among the nodes come along, for the sort below.
	edges := b.pending[:0]
	ends := make([][2]int32, 0, len(b.pending))
	at := make(map[string]int, len(b.pending))
	for _, e := range b.pending {
		from, ok := b.index[e.From]
		if !ok {
			continue
		}
		to, ok := b.index[e.To]
		if !ok {
			continue
		}
		if i, ok := at[e.ID]; ok {
			// The same edge stated twice (two relations with one from, type and to in
			// different sources): one edge, stated by both.
			old := &edges[i]
			old.Sources = union(old.Sources, e.Sources)
			old.Quotes = append(old.Quotes, e.Quotes...)
			continue
		}
		at[e.ID] = len(edges)
		edges = append(edges, e)
		ends = append(ends, [2]int32{int32(from), int32(to)})
	}
	clear(b.pending[len(edges):]) // drop what the moved edges left behind
	b.pending, b.index = nil, nil
	out := &Graph{Name: "factgraph " + view + " view", View: view, Nodes: b.nodes, Edges: edges, Groups: b.groups}
	b.nodes = nil
	// The nodes by id, and each node's rank in that order, which orders the edges' ends as
	// their ids do (SortEdges' order) with integers.
	order := reorder.Order(len(out.Nodes), func(i, j int32) int { return strings.Compare(out.Nodes[i].ID, out.Nodes[j].ID) })
	rank := make([]int32, len(order))
	for r, i := range order {
		rank[i] = int32(r)
	}
	reorder.Apply(out.Nodes, order)
	for k := range ends {
		ends[k] = [2]int32{rank[ends[k][0]], rank[ends[k][1]]}
	}
	sortEdgesByEnds(out.Edges, ends)
	sort.Slice(out.Groups, func(i, j int) bool { return out.Groups[i].ID < out.Groups[j].ID })
	return out
}

// sizes returns at least how many nodes and edges the view of g can have, so that they are
// allocated once: growing a slice of a million edges by appending holds the old and the new
// array at once. It is a hint; an edge it does not count is kept all the same.
func sizes(g *graph.Graph, view string) (nodes, edges int) {
	claims := len(g.Claims) + len(g.Counterclaims)
	var claimRoles, about, counters int
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			claimRoles += 1 + len(c.Counters) + len(c.Supports)
			about += len(c.About)
			counters += len(c.Counters)
		}
	}
	if view == ViewArguments {
		return claims + len(g.Parties), claimRoles
	}
	if view == ViewStances {
		return len(g.Parties), claimRoles - claims // at most one edge per counters and supports link
	}
	nodes = len(g.Parties) + len(g.Agreements)
	edges = len(g.Relations)
	for _, p := range g.Parties {
		edges += len(p.MemberOf)
	}
	for _, a := range g.Agreements {
		edges += len(a.Parties) + 1
	}
	if view == ViewParties {
		return nodes, edges + len(g.Obligations) + about + counters
	}
	nodes += len(g.Events) + len(g.Obligations) + claims
	for _, e := range g.Events {
		edges += len(e.Involves)
	}
	return nodes, edges + 3*len(g.Obligations) + claimRoles + about
}

// SortEdges puts edges in the order views give them: by from, to, kind, then id (unique,
// so the order is total). It sorts the edges' places and moves each edge once
// (internal/reorder): an Edge is some 300 bytes, and sorting the million edges of 10,000
// articles' full view by moving them took 0.9 s.
func SortEdges(es []Edge) {
	reorder.Sort(es, func(i, j int32) int {
		a, b := &es[i], &es[j]
		return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.To, b.To),
			strings.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID))
	})
}

// sortEdgesByEnds is SortEdges for edges whose ends' ranks among the ids of their ends are
// known (ends[i] for es[i]): most comparisons are then of integers. The full view's edges
// of 10,000 articles, compared by their ends' ids, took SortEdges 1.0 s.
func sortEdgesByEnds(es []Edge, ends [][2]int32) {
	if len(es) < 2 {
		return
	}
	kinds := map[string]int32{}
	for i := range es {
		kinds[es[i].Kind] = 0
	}
	names := slices.Sorted(maps.Keys(kinds))
	for r, k := range names {
		kinds[k] = int32(r)
	}
	type key struct{ from, to, kind, i int32 }
	keys := make([]key, len(es))
	for i := range es {
		keys[i] = key{ends[i][0], ends[i][1], kinds[es[i].Kind], int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), cmp.Compare(a.kind, b.kind)); c != 0 {
			return c
		}
		return strings.Compare(es[a.i].ID, es[b.i].ID)
	})
	order := make([]int32, len(keys))
	for i, k := range keys {
		order[i] = k.i
	}
	reorder.Apply(es, order)
}

// status spells out the default a facts file may leave unwritten.
func status(s string) string {
	if s == "" {
		return graph.ObligationStatuses[0]
	}
	return s
}

// extras collects the evidence and the given attributes that have a value.
func extras(ev graph.Evidence, more ...Attr) []Attr {
	all := append(more, Attr{ExtraSection, ev.Section}, Attr{ExtraNote, ev.Note})
	var out []Attr
	for _, a := range all {
		if a.Value != "" {
			out = append(out, a)
		}
	}
	sortExtra(out)
	return out
}

func sortExtra(as []Attr) {
	sort.SliceStable(as, func(i, j int) bool { return as[i].Name < as[j].Name })
}

func union(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range append(append([]string(nil), a...), b...) {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// build adds the nodes and edges of the view of g named view; false for an unknown view.
func (b *builder) build(g *graph.Graph, view string) bool {
	switch view {
	case ViewFull:
		b.full(g)
	case ViewParties:
		b.parties(g)
	case ViewArguments:
		b.arguments(g)
	case ViewStances:
		b.stances(g)
	default:
		return false
	}
	return true
}
