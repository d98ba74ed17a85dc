package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
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

// ViewOptions says which view to build and what part of it to keep.
type ViewOptions struct {
	View   string // one of Views; "" means ViewFull
	Focus  string // when set, keep only what lies within Depth steps of this node
	Depth  int    // steps from Focus, following edges either way; negative means no limit
	Source string // when set, keep only the items that this source states
}

// Check reports a view name that is not one of Views, before anything is read.
func (opts ViewOptions) Check() error {
	if opts.View == "" || slices.Contains(Views, opts.View) {
		return nil
	}
	if near, ok := suggest.Closest(opts.View, Views); ok {
		return fmt.Errorf("unknown view %q; did you mean %q? (views: %s)", opts.View, near, strings.Join(Views, ", "))
	}
	return fmt.Errorf("unknown view %q; use one of: %s", opts.View, strings.Join(Views, ", "))
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
	nodes, edges := sizes(g, view)
	b := &builder{nodes: make([]Node, 0, nodes), index: make(map[string]int, nodes), pending: make([]Edge, 0, edges)}
	if !b.build(g, view) {
		return nil, fmt.Errorf("unknown view %q; use one of: %s", opts.View, strings.Join(Views, ", "))
	}
	out := b.graph(view)
	if opts.Focus != "" {
		if err := focus(out, g, opts.Focus, opts.Depth); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// builder collects a view's nodes and edges. A big store's view holds a million edges of
// some 300 bytes each, so each is kept once, where it is written out: nodes in place, by
// id; edges in the order they come, deduplicated in place by graph.
type builder struct {
	nodes   []Node
	index   map[string]int // node id -> place in nodes
	pending []Edge         // every edge, kept by graph when both ends are nodes
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
	b.edge(Edge{ID: from + ":" + kind + ":" + to, From: from, To: to, Label: kind, Kind: kind, Sources: sources})
}

func (b *builder) graph(view string) *Graph {
	// Keep the first of the edges with one id in its place and fold the others into it,
	// moving the kept edges down over the dropped ones: no second copy of the edges.
	edges := b.pending[:0]
	at := make(map[string]int, len(b.pending))
	for _, e := range b.pending {
		if _, ok := b.index[e.From]; !ok {
			continue
		}
		if _, ok := b.index[e.To]; !ok {
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
	}
	clear(b.pending[len(edges):]) // drop what the moved edges left behind
	b.pending, b.index = nil, nil
	out := &Graph{Name: "factgraph " + view + " view", View: view, Nodes: b.nodes, Edges: edges}
	b.nodes = nil
	sort.Slice(out.Nodes, func(i, j int) bool { return out.Nodes[i].ID < out.Nodes[j].ID })
	SortEdges(out.Edges)
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

// SortEdges puts edges in the order views give them: by from, to, kind, then id.
func SortEdges(es []Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.ID < b.ID
	})
}

func (b *builder) partyNodes(g *graph.Graph) {
	for _, p := range g.Parties {
		b.node(Node{
			ID: p.ID, Label: p.Name, Kind: graph.KindParty, Type: p.Kind,
			Sources: p.Sources, Quotes: p.Quotes,
			Extra: extras(p.Evidence,
				Attr{ExtraAliases, strings.Join(p.Aliases, "\n")},
				Attr{ExtraRole, p.Role},
				Attr{ExtraDescription, p.Description}),
		})
	}
	for _, a := range g.Agreements {
		b.node(Node{
			ID: a.ID, Label: a.Name, Kind: graph.KindAgreement, Type: a.Kind, Date: a.Signed,
			Sources: a.Sources, Quotes: a.Quotes,
			Extra: extras(a.Evidence,
				Attr{ExtraInForce, a.InForce.String()},
				Attr{ExtraDescription, a.Description}),
		})
	}
}

// partyEdges adds the edges among parties and agreements that both the full and the
// parties views show.
func (b *builder) partyEdges(g *graph.Graph) {
	for _, p := range g.Parties {
		for _, m := range p.MemberOf {
			b.role(p.ID, RoleMemberOf, m, p.Sources)
		}
	}
	for _, a := range g.Agreements {
		for _, p := range a.Parties {
			b.role(p, RolePartyTo, a.ID, a.Sources)
		}
		if a.Revises != "" {
			b.role(a.ID, RoleRevises, a.Revises, a.Sources)
		}
	}
	for _, r := range g.Relations {
		b.edge(Edge{
			ID: r.From + ":" + r.Type + ":" + r.To, From: r.From, To: r.To,
			Label: r.Type, Kind: r.Type, Type: r.Type, Since: r.Since, Until: r.Until,
			Sources: r.Sources, Quotes: r.Quotes, Extra: extras(r.Evidence),
		})
	}
}

func (b *builder) claimNode(c graph.Claim) {
	b.node(Node{
		ID: c.ID, Label: c.Says, Kind: c.Kind, Date: c.Date,
		Sources: c.Sources, Quotes: c.Quotes, Extra: extras(c.Evidence),
	})
}

func (b *builder) claimEdges(c graph.Claim) {
	b.role(c.ID, RoleBy, c.By, c.Sources)
	for _, id := range c.Counters {
		b.role(c.ID, RoleCounters, id, c.Sources)
	}
	for _, id := range c.Supports {
		b.role(c.ID, RoleSupports, id, c.Sources)
	}
}

func (b *builder) full(g *graph.Graph) {
	b.partyNodes(g)
	b.partyEdges(g)
	for _, e := range g.Events {
		b.node(Node{
			ID: e.ID, Label: e.Name, Kind: graph.KindEvent, Date: e.Date,
			Sources: e.Sources, Quotes: e.Quotes,
			Extra: extras(e.Evidence, Attr{ExtraDescription, e.Description}),
		})
		for _, id := range e.Involves {
			b.role(e.ID, RoleInvolves, id, e.Sources)
		}
	}
	for _, o := range g.Obligations {
		b.node(Node{
			ID: o.ID, Label: o.Duty, Kind: graph.KindObligation, Status: status(o.Status),
			Since: o.Since, Until: o.Until, Sources: o.Sources, Quotes: o.Quotes,
			Extra: extras(o.Evidence, Attr{ExtraCondition, o.Condition}),
		})
		b.role(o.ID, RoleBearer, o.Bearer, o.Sources)
		b.role(o.ID, RoleBeneficiary, o.Beneficiary, o.Sources)
		if o.Under != "" {
			b.role(o.ID, RoleUnder, o.Under, o.Sources)
		}
	}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			b.claimNode(c)
			b.claimEdges(c)
			for _, id := range c.About {
				b.role(c.ID, RoleAbout, id, c.Sources)
			}
		}
	}
}

func (b *builder) parties(g *graph.Graph) {
	b.partyNodes(g)
	b.partyEdges(g)
	under := map[string]string{} // obligation id -> agreement id
	for _, o := range g.Obligations {
		under[o.ID] = o.Under
		b.edge(Edge{
			ID: o.ID, From: o.Bearer, To: o.Beneficiary, Label: o.Duty,
			Kind: EdgeObligation, Status: status(o.Status), Since: o.Since, Until: o.Until,
			Sources: o.Sources, Quotes: o.Quotes,
			Extra: extras(o.Evidence, Attr{ExtraCondition, o.Condition}, Attr{ExtraUnder, o.Under}),
		})
	}
	// A claim about an obligation is drawn to the agreement the obligation is under. Claim
	// edges are labelled with the claim's id, short enough to read on a map of parties; what
	// the claim says is in the "says" attribute (and the tooltip of a drawing).
	for _, c := range g.Claims {
		seen := map[string]bool{}
		for _, id := range c.About {
			if a, ok := under[id]; ok {
				id = a
			}
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			b.edge(Edge{
				ID: c.ID + ":" + id, From: c.By, To: id, Label: c.ID, Kind: EdgeClaim,
				Date: c.Date, Sources: c.Sources, Quotes: c.Quotes, Extra: extras(c.Evidence, Attr{ExtraSays, c.Says}),
			})
		}
	}
	author := map[string]string{}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			author[c.ID] = c.By
		}
	}
	for _, c := range g.Counterclaims {
		seen := map[string]bool{}
		for _, id := range c.Counters {
			to := author[id]
			if to == "" || seen[to] {
				continue
			}
			seen[to] = true
			b.edge(Edge{
				ID: c.ID + ":" + to, From: c.By, To: to, Label: c.ID, Kind: EdgeCounterclaim,
				Date: c.Date, Sources: c.Sources, Quotes: c.Quotes, Extra: extras(c.Evidence, Attr{ExtraSays, c.Says}),
			})
		}
	}
}

func (b *builder) arguments(g *graph.Graph) {
	authors := map[string]bool{}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			b.claimNode(c)
			b.claimEdges(c)
			authors[c.By] = true
		}
	}
	for _, p := range g.Parties {
		if authors[p.ID] {
			b.node(Node{
				ID: p.ID, Label: p.Name, Kind: graph.KindParty, Type: p.Kind,
				Sources: p.Sources, Quotes: p.Quotes,
				Extra: extras(p.Evidence, Attr{ExtraRole, p.Role}),
			})
		}
	}
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
