package query

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/factgraph/factgraph/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// StatsOptions shapes Stats.
type StatsOptions struct {
	Top int // how many central parties and components to list; 10 when 0
	// BetweennessMax is the largest graph, in items, on which betweenness is computed:
	// it takes time proportional to items × edges. 3000 when 0; -1 for no limit.
	BetweennessMax int
}

// Counts counts the items of each section.
type Counts struct {
	Sources       int `json:"sources"`
	Parties       int `json:"parties"`
	Agreements    int `json:"agreements"`
	Events        int `json:"events"`
	Obligations   int `json:"obligations"`
	Claims        int `json:"claims"`
	Counterclaims int `json:"counterclaims"`
	Relations     int `json:"relations"`
}

// SourceCounts counts what one source states. Parties and agreements stated by several
// sources count once in each.
type SourceCounts struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Counts
}

// Central is a party with its centrality in the alliance graph: parties and agreements,
// linked by the duties one party owes another (not the absent ones), the relations between
// them, the agreements' parties and memberships. Claims, which say who speaks about whom,
// do not count: a region many speakers mention is not thereby a pillar of the alliance.
type Central struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Degree   int     `json:"degree"`   // links of the alliance graph at the party, either direction
	PageRank float64 `json:"pagerank"` // damping 0.85, over the alliance graph's directed links; 4 significant digits
	// Betweenness is the share of shortest paths between two other parties or agreements,
	// links taken either way, that pass through the party (0 to 1, 4 significant digits);
	// absent when the graph was too large to compute it.
	Betweenness *float64 `json:"betweenness,omitempty"`
}

// Component is one connected component of the item graph.
type Component struct {
	Items      int      `json:"items"`
	PartyCount int      `json:"party_count"`
	Parties    []string `json:"parties"` // the first ten of its parties' ids, sorted
}

// StatsResult is the answer to Stats. Maps print with sorted keys in JSON.
type StatsResult struct {
	Items               int            `json:"items"`
	Edges               int            `json:"edges"`
	Counts              Counts         `json:"counts"`
	PartiesByKind       map[string]int `json:"parties_by_kind"`
	AgreementsByKind    map[string]int `json:"agreements_by_kind"`
	ObligationsByStatus map[string]int `json:"obligations_by_status"`
	RelationsByType     map[string]int `json:"relations_by_type"`
	EdgesByRel          map[string]int `json:"edges_by_rel"`
	PerSource           []SourceCounts `json:"per_source"`
	Central             []Central      `json:"central"`
	// BetweennessSkipped says why betweenness is missing, when it is.
	BetweennessSkipped string      `json:"betweenness_skipped,omitempty"`
	ComponentCount     int         `json:"component_count"`
	Components         []Component `json:"components"` // the largest, by items then first party id
}

// Stats counts g by section, kind and source, ranks its most central parties by PageRank
// on the alliance graph (see Central; betweenness alongside) and finds the connected
// components of the item graph of Edges (a source no edge touches is left out of it).
func Stats(g *graph.Graph, o StatsOptions) (*StatsResult, error) {
	return NewIndex(g).Stats(o)
}

// Stats is the package-level Stats on an index already built.
func (ix *Index) Stats(o StatsOptions) (*StatsResult, error) {
	ix.withEdges()
	if o.Top < 0 {
		return nil, fmt.Errorf("top %d is negative; give 1 or more", o.Top)
	}
	if o.Top == 0 {
		o.Top = 10
	}
	if o.BetweennessMax == 0 {
		o.BetweennessMax = 3000
	}
	g := ix.g
	res := &StatsResult{
		Items:               len(ix.items),
		Edges:               len(ix.edges),
		PartiesByKind:       map[string]int{},
		AgreementsByKind:    map[string]int{},
		ObligationsByStatus: map[string]int{},
		RelationsByType:     map[string]int{},
		EdgesByRel:          map[string]int{},
		PerSource:           []SourceCounts{},
		Central:             []Central{},
		Components:          []Component{},
	}
	res.Counts = Counts{
		Sources: len(g.Sources), Parties: len(g.Parties), Agreements: len(g.Agreements),
		Events: len(g.Events), Obligations: len(g.Obligations), Claims: len(g.Claims),
		Counterclaims: len(g.Counterclaims), Relations: len(g.Relations),
	}
	per := map[string]*SourceCounts{}
	for _, s := range g.Sources {
		res.PerSource = append(res.PerSource, SourceCounts{ID: s.ID, Title: s.Title, Counts: Counts{Sources: 1}})
	}
	sort.Slice(res.PerSource, func(i, j int) bool { return res.PerSource[i].ID < res.PerSource[j].ID })
	for i := range res.PerSource {
		per[res.PerSource[i].ID] = &res.PerSource[i]
	}
	count := func(sources []string, field func(*Counts) *int) {
		for _, s := range sources {
			if c, ok := per[s]; ok {
				*field(&c.Counts)++
			}
		}
	}
	for _, p := range g.Parties {
		res.PartiesByKind[p.Kind]++
		count(p.Sources, func(c *Counts) *int { return &c.Parties })
	}
	for _, a := range g.Agreements {
		res.AgreementsByKind[a.Kind]++
		count(a.Sources, func(c *Counts) *int { return &c.Agreements })
	}
	for _, e := range g.Events {
		count(e.Sources, func(c *Counts) *int { return &c.Events })
	}
	for _, ob := range g.Obligations {
		res.ObligationsByStatus[statusOf(ob)]++
		count(ob.Sources, func(c *Counts) *int { return &c.Obligations })
	}
	for _, c := range g.Claims {
		count(c.Sources, func(c *Counts) *int { return &c.Claims })
	}
	for _, c := range g.Counterclaims {
		count(c.Sources, func(c *Counts) *int { return &c.Counterclaims })
	}
	for _, r := range g.Relations {
		res.RelationsByType[r.Type]++
		count(r.Sources, func(c *Counts) *int { return &c.Relations })
	}
	for _, e := range ix.edges {
		res.EdgesByRel[e.Rel]++
	}

	res.central(ix, o)

	// The item graph, for gonum: every item but a source that states nothing.
	ug := newItemGraph(ix, func(i int) bool {
		return ix.items[i].Kind != graph.KindSource || len(ix.out[i])+len(ix.in[i]) > 0
	})
	comps := topo.ConnectedComponents(ug)
	res.ComponentCount = len(comps)
	type comp struct {
		size    int
		first   string
		parties []string
	}
	cs := make([]comp, len(comps))
	for k, nodes := range comps {
		c := comp{size: len(nodes), parties: []string{}}
		for _, nd := range nodes {
			it := ix.items[nd.ID()]
			if c.first == "" || it.ID < c.first {
				c.first = it.ID
			}
			if it.Kind == graph.KindParty {
				c.parties = append(c.parties, it.ID)
			}
		}
		sort.Strings(c.parties)
		cs[k] = c
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].size != cs[j].size {
			return cs[i].size > cs[j].size
		}
		return cs[i].first < cs[j].first
	})
	for k := 0; k < len(cs) && k < o.Top; k++ {
		c := Component{Items: cs[k].size, PartyCount: len(cs[k].parties), Parties: cs[k].parties}
		if len(c.Parties) > 10 {
			c.Parties = c.Parties[:10]
		}
		res.Components = append(res.Components, c)
	}
	return res, nil
}

// central ranks the parties by PageRank on the alliance graph (see Central).
func (res *StatsResult) central(ix *Index, o StatsOptions) {
	g := ix.g
	dg := simple.NewDirectedGraph()
	ug := simple.NewUndirectedGraph()
	degree := map[int]int{}
	for i, it := range ix.items {
		if it.Kind == graph.KindParty || it.Kind == graph.KindAgreement {
			dg.AddNode(simple.Node(i))
			ug.AddNode(simple.Node(i))
		}
	}
	link := func(from, to string) {
		f, ok1 := ix.byID[from]
		t, ok2 := ix.byID[to]
		if !ok1 || !ok2 || dg.Node(int64(f)) == nil || dg.Node(int64(t)) == nil {
			return
		}
		degree[f]++
		degree[t]++
		if f != t {
			dg.SetEdge(simple.Edge{F: simple.Node(f), T: simple.Node(t)})
			ug.SetEdge(simple.Edge{F: simple.Node(f), T: simple.Node(t)})
		}
	}
	for _, ob := range g.Obligations {
		if statusOf(ob) != "absent" {
			link(ob.Bearer, ob.Beneficiary)
		}
	}
	for _, r := range g.Relations {
		link(r.From, r.To)
	}

	for _, a := range g.Agreements {
		for _, p := range a.Parties {
			// Both ways: a treaty binds its parties as they hold to it.
			link(p, a.ID)
			if f, t := ix.byID[a.ID], ix.byID[p]; f != t {
				dg.SetEdge(simple.Edge{F: simple.Node(f), T: simple.Node(t)})
			}
		}
		if a.Revises != "" {
			link(a.ID, a.Revises)
		}
	}
	for _, p := range g.Parties {
		for _, m := range p.MemberOf {
			link(p.ID, m)
		}
	}
	n := ug.Nodes().Len()
	var rank, between map[int64]float64
	if n > 0 {
		rank = network.PageRankSparse(dg, 0.85, 1e-12)
	}
	if o.BetweennessMax < 0 || n <= o.BetweennessMax {
		between = network.Betweenness(ug)
	} else {
		res.BetweennessSkipped = fmt.Sprintf("the alliance graph has %d parties and agreements, more than the %d betweenness is computed for; raise the limit to compute it", n, o.BetweennessMax)
	}
	for i, it := range ix.items {
		if it.Kind != graph.KindParty {
			continue
		}
		c := Central{ID: it.ID, Name: it.Label, Type: it.Type, Degree: degree[i], PageRank: round4(rank[int64(i)])}
		if between != nil {
			b := 0.0
			if n > 2 {
				b = between[int64(i)] / float64((n-1)*(n-2))
			}
			b = round4(b)
			c.Betweenness = &b
		}
		res.Central = append(res.Central, c)
	}
	sort.Slice(res.Central, func(i, j int) bool {
		a, b := res.Central[i], res.Central[j]
		if a.PageRank != b.PageRank {
			return a.PageRank > b.PageRank
		}
		return a.ID < b.ID
	})
	if len(res.Central) > o.Top {
		res.Central = res.Central[:o.Top]
	}
}

// round4 keeps 4 significant digits: centrality is iterative and its last digits are noise
// that must not change the output from one run to the next.
func round4(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
	return r
}
