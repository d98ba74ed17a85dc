package query

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/factgraph/factgraph/graph"
)

// Item is one node of the graph: any item with an id (a source, party, agreement, event,
// obligation, claim or counterclaim), in display terms.
type Item struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`           // graph.KindParty, graph.KindClaim, ...
	Type    string   `json:"type,omitempty"` // a party's or agreement's kind
	Label   string   `json:"label"`          // name, duty, assertion or title
	Aliases []string `json:"-"`
}

// Edge is one directed, named link between two items. Rel names the link as read from
// From to To: a field of the item From (bearer, beneficiary, under, by, about, counters,
// supports, party-to, member-of, revises, involves), "owes" for an obligation's own
// bearer → beneficiary link, or a relation's type.
type Edge struct {
	From   string `json:"from"`
	Rel    string `json:"rel"`
	To     string `json:"to"`
	Via    string `json:"via,omitempty"`    // the obligation an "owes" edge stands for
	Status string `json:"status,omitempty"` // that obligation's status
}

// Relation names used by Edges besides relation types.
const (
	RelBearer      = "bearer"
	RelBeneficiary = "beneficiary"
	RelUnder       = "under"
	RelOwes        = "owes"
	RelBy          = "by"
	RelAbout       = "about"
	RelCounters    = "counters"
	RelSupports    = "supports"
	RelPartyTo     = "party-to"
	RelMemberOf    = "member-of"
	RelRevises     = "revises"
	RelInvolves    = "involves"
)

// Index is a graph.Graph prepared for queries: items by id and by name, and the edge set
// with its adjacency. Build it once with NewIndex and run any number of queries on it.
// The edge set is built on first use (withEdges): obligations, claims and the timeline
// never walk it, and at 10,000 articles building it took a timeline 2.2 s of its 8.
type Index struct {
	g     *graph.Graph
	items []Item
	byID  map[string]int
	// byName maps a folded id, name or alias to its items; built on first use (names), as
	// most questions name items by id.
	namesOnce sync.Once
	byName    map[string][]int
	// The edge set, built once by withEdges: only Neighbors, Path and Stats read it.
	edgesOnce sync.Once
	edges     []Edge
	ends      [][2]int  // edge → its from and to items
	out       [][]int32 // item → edges leaving it, sorted
	in        [][]int32 // item → edges entering it, sorted
}

// withEdges builds the edge set and its adjacency, once, and returns ix: what reads
// edges, ends, out or in (Neighbors, Path, Stats, Edges, steps) calls it first.
func (ix *Index) withEdges() *Index {
	ix.edgesOnce.Do(ix.buildEdges)
	return ix
}

// NewIndex indexes g's items by id; by name and the edge set follow on first use. A
// reference to an id that g does not hold (which a store should never produce) is left
// out of the edge set rather than failing the query.
func NewIndex(g *graph.Graph) *Index {
	if g == nil {
		g = &graph.Graph{}
	}
	n := len(g.Sources) + len(g.Parties) + len(g.Agreements) + len(g.Events) + len(g.Obligations) + len(g.Claims) + len(g.Counterclaims)
	ix := &Index{g: g, byID: make(map[string]int, n), items: make([]Item, 0, n)}
	add := func(it Item) {
		if it.ID == "" {
			return
		}
		if _, dup := ix.byID[it.ID]; dup {
			return
		}
		ix.byID[it.ID] = len(ix.items)
		ix.items = append(ix.items, it)
	}
	for _, s := range g.Sources {
		add(Item{ID: s.ID, Kind: graph.KindSource, Label: s.Title})
	}
	for _, p := range g.Parties {
		add(Item{ID: p.ID, Kind: graph.KindParty, Type: p.Kind, Label: p.Name, Aliases: p.Aliases})
	}
	for _, a := range g.Agreements {
		add(Item{ID: a.ID, Kind: graph.KindAgreement, Type: a.Kind, Label: a.Name})
	}
	for _, e := range g.Events {
		add(Item{ID: e.ID, Kind: graph.KindEvent, Label: e.Name})
	}
	for _, o := range g.Obligations {
		add(Item{ID: o.ID, Kind: graph.KindObligation, Type: statusOf(o), Label: o.Duty})
	}
	for _, c := range g.Claims {
		add(Item{ID: c.ID, Kind: kindOf(c, graph.KindClaim), Label: c.Says})
	}
	for _, c := range g.Counterclaims {
		add(Item{ID: c.ID, Kind: kindOf(c, graph.KindCounterclaim), Label: c.Says})
	}
	return ix
}

// names returns the index of items by folded id, name and alias, building it once.
func (ix *Index) names() map[string][]int {
	ix.namesOnce.Do(func() {
		ix.byName = map[string][]int{}
		for i, it := range ix.items {
			keys := append([]string{it.ID, it.Label}, it.Aliases...)
			if it.Kind == graph.KindObligation || it.Kind == graph.KindClaim || it.Kind == graph.KindCounterclaim {
				keys = keys[:1] // a duty or an assertion is not a name
			}
			seen := map[string]bool{}
			for _, k := range keys {
				k = fold(k)
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				ix.byName[k] = append(ix.byName[k], i)
			}
		}
	})
	return ix.byName
}

func statusOf(o graph.Obligation) string {
	if o.Status == "" {
		return graph.ObligationStatuses[0]
	}
	return o.Status
}

func kindOf(c graph.Claim, def string) string {
	if c.Kind != "" {
		return c.Kind
	}
	return def
}

// fold is how a reference is compared with ids, names and aliases; the store looks names
// up the same way (store.(*Store).NameMatches).
func fold(s string) string { return graph.FoldName(s) }

// Graph returns the graph the index was built from.
func (ix *Index) Graph() *graph.Graph { return ix.g }

// Item returns the item with the given id.
func (ix *Index) Item(id string) (Item, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return Item{}, false
	}
	return ix.items[i], true
}

// Edges is the one definition of what is connected to what in g: the edge set that
// Neighbors, Path and Stats all walk.
func Edges(g *graph.Graph) []Edge { return NewIndex(g).withEdges().edges }

func (ix *Index) buildEdges() {
	es := allEdges(ix.g)
	// Keep only edges between known items, once each, in a fixed order: by the ids of
	// their ends, compared as ranks (idRanks), then by relation, obligation and status.
	// The edges are sorted as small keys (the ranks of their ends and relation, and their
	// place), not as the edges themselves: a hub's 11,000 edges of five strings each were
	// most of the time of the sort in moving them. The relations are ranked once (a few
	// names), so that most comparisons are of integers.
	type ended struct {
		e    *Edge // in es
		f, t int
	}
	type sortKey struct{ rf, rel, rt, i int32 }
	kept := make([]ended, 0, len(es))
	rels := map[string]int32{}
	for i := range es {
		e := &es[i]
		f, ok := ix.byID[e.From]
		if !ok {
			continue
		}
		t, ok := ix.byID[e.To]
		if !ok {
			continue
		}
		rels[e.Rel] = 0 // ranked below
		kept = append(kept, ended{e: e, f: f, t: t})
	}
	relNames := make([]string, 0, len(rels))
	for r := range rels {
		relNames = append(relNames, r)
	}
	slices.Sort(relNames)
	for i, r := range relNames {
		rels[r] = int32(i)
	}
	rank := ix.idRanks()
	keys := make([]sortKey, len(kept))
	for i, k := range kept {
		keys[i] = sortKey{rank[k.f], rels[k.e.Rel], rank[k.t], int32(i)}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		if c := cmp.Or(cmp.Compare(a.rf, b.rf), cmp.Compare(a.rel, b.rel), cmp.Compare(a.rt, b.rt)); c != 0 {
			return c
		}
		ea, eb := kept[a.i].e, kept[b.i].e
		return cmp.Or(strings.Compare(ea.Via, eb.Via), strings.Compare(ea.Status, eb.Status))
	})
	ix.edges = make([]Edge, 0, len(kept))
	ix.ends = make([][2]int, 0, len(kept))
	ix.out = make([][]int32, len(ix.items))
	ix.in = make([][]int32, len(ix.items))
	for i, key := range keys {
		k := kept[key.i]
		if i > 0 && *k.e == *kept[keys[i-1].i].e {
			continue
		}
		n := int32(len(ix.edges))
		ix.edges = append(ix.edges, *k.e)
		ix.ends = append(ix.ends, [2]int{k.f, k.t})
		ix.out[k.f] = append(ix.out[k.f], n)
		ix.in[k.t] = append(ix.in[k.t], n)
	}
}

// allEdges returns every edge the references of g make, known ends or not, in one slice
// of their number: grown edge by edge, the hub's claims of 10,000 articles grew their
// edges three times over.
func allEdges(g *graph.Graph) []Edge {
	n := 0
	eachEdge(g, func(Edge) { n++ })
	es := make([]Edge, 0, n)
	eachEdge(g, func(e Edge) { es = append(es, e) })
	return es
}

// eachEdge calls fn with each edge the references of g make, known ends or not.
func eachEdge(g *graph.Graph, fn func(Edge)) {
	link := func(from, rel, to string) {
		if from != "" && to != "" {
			fn(Edge{From: from, Rel: rel, To: to})
		}
	}
	for _, p := range g.Parties {
		for _, m := range p.MemberOf {
			link(p.ID, RelMemberOf, m)
		}
	}
	for _, a := range g.Agreements {
		for _, p := range a.Parties {
			link(p, RelPartyTo, a.ID)
		}
		link(a.ID, RelRevises, a.Revises)
	}
	for _, e := range g.Events {
		for _, x := range e.Involves {
			link(e.ID, RelInvolves, x)
		}
	}
	for _, o := range g.Obligations {
		link(o.ID, RelBearer, o.Bearer)
		link(o.ID, RelBeneficiary, o.Beneficiary)
		link(o.ID, RelUnder, o.Under)
		if o.Bearer != "" && o.Beneficiary != "" {
			fn(Edge{From: o.Bearer, Rel: RelOwes, To: o.Beneficiary, Via: o.ID, Status: statusOf(o)})
		}
	}
	for _, cs := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range cs {
			link(c.ID, RelBy, c.By)
			for _, x := range c.About {
				link(c.ID, RelAbout, x)
			}
			for _, x := range c.Counters {
				link(c.ID, RelCounters, x)
			}
			for _, x := range c.Supports {
				link(c.ID, RelSupports, x)
			}
		}
	}
	for _, r := range g.Relations {
		link(r.From, r.Type, r.To)
	}
}

// idRanks returns the rank of each item's id among the ids of all items, in string order.
// NewIndex lists the items kind by kind, and a graph lists each kind sorted by id (Merge,
// Load and the targeted reads sort them), so the ranks come from merging those runs; a run
// out of order is sorted first.
func (ix *Index) idRanks() []int32 {
	var runs [][]int32
	var run []int32
	for i := range ix.items {
		if i > 0 && ix.items[i].Kind != ix.items[i-1].Kind {
			runs, run = append(runs, run), nil
		}
		run = append(run, int32(i))
	}
	runs = append(runs, run)
	byID := func(a, b int32) int { return strings.Compare(ix.items[a].ID, ix.items[b].ID) }
	for _, r := range runs {
		if !slices.IsSortedFunc(r, byID) {
			slices.SortFunc(r, byID)
		}
	}
	// Merge the runs, a pair at a time.
	for len(runs) > 1 {
		var merged [][]int32
		for i := 0; i+1 < len(runs); i += 2 {
			a, b := runs[i], runs[i+1]
			m := make([]int32, 0, len(a)+len(b))
			for len(a) > 0 && len(b) > 0 {
				if byID(a[0], b[0]) <= 0 {
					m, a = append(m, a[0]), a[1:]
				} else {
					m, b = append(m, b[0]), b[1:]
				}
			}
			merged = append(merged, append(append(m, a...), b...))
		}
		if len(runs)%2 == 1 {
			merged = append(merged, runs[len(runs)-1])
		}
		runs = merged
	}
	rank := make([]int32, len(ix.items))
	for r, i := range runs[0] {
		rank[i] = int32(r)
	}
	return rank
}

// step is one edge seen from one of its ends: walking it leads to other.
type step struct {
	edge  int32
	other int
	out   bool // the edge leaves the item we stand on
}

// steps lists the edges at item i in both directions, ordered by the item they lead to,
// then relation, then direction (out first), so that walks are deterministic.
func (ix *Index) steps(i int) []step {
	ix.withEdges()
	ss := make([]step, 0, len(ix.out[i])+len(ix.in[i]))
	for _, k := range ix.out[i] {
		ss = append(ss, step{edge: k, other: ix.ends[k][1], out: true})
	}
	for _, k := range ix.in[i] {
		ss = append(ss, step{edge: k, other: ix.ends[k][0], out: false})
	}
	slices.SortFunc(ss, ix.compareSteps)
	return ss
}

// compareSteps orders steps as steps lists them.
func (ix *Index) compareSteps(a, b step) int {
	if a.other != b.other {
		return strings.Compare(ix.items[a.other].ID, ix.items[b.other].ID)
	}
	ea, eb := ix.edges[a.edge], ix.edges[b.edge]
	if c := strings.Compare(ea.Rel, eb.Rel); c != 0 {
		return c
	}
	if a.out != b.out {
		if a.out {
			return -1
		}
		return 1
	}
	return strings.Compare(ea.Via, eb.Via)
}

// compareEdges is the order of the edge set: by from, relation, to, obligation and status.
func compareEdges(a, b Edge) int {
	return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.Rel, b.Rel), strings.Compare(a.To, b.To),
		strings.Compare(a.Via, b.Via), strings.Compare(a.Status, b.Status))
}
