package query

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// NeighborsOptions shapes Neighbors.
type NeighborsOptions struct {
	Depth int    // how many steps out to go; 1 when 0
	Type  string // follow only this relation ("bearer", "allied-with") or reach only this kind of item ("party")
	// Limit lists at most this many links, the nearest first; the result counts the links
	// it leaves out at the depth where it stops, and does not walk further. 0: no limit.
	Limit int
}

// Link is one edge as walked from one item to another.
type Link struct {
	From      string `json:"from"`      // where the walk stands
	Rel       string `json:"rel"`       // the edge's name, read in its own direction
	Direction string `json:"direction"` // "out" when the edge goes from From to To, "in" when it comes back
	To        string `json:"to"`        // where the walk goes
	Via       string `json:"via,omitempty"`
	Status    string `json:"status,omitempty"`
}

// Neighbor is an item reached by Neighbors, with the edge that reached it.
type Neighbor struct {
	Depth int  `json:"depth"`
	Link  Link `json:"link"`
	Item  Item `json:"item"`
}

// NeighborsResult is the answer to Neighbors: the item asked about, and every edge
// leading to an item at most Depth steps away, nearest first, then by item id, relation
// and direction. An item reached by several edges is listed once per edge.
//
// With a limit, Truncated is set when links were left out: Omitted more links at depth
// OmittedDepth (the last depth listed) follow those listed, and the depths beyond it, up to
// Depth, were not walked.
type NeighborsResult struct {
	Item         Item       `json:"item"`
	Depth        int        `json:"depth"`
	Neighbors    []Neighbor `json:"neighbors"`
	Truncated    bool       `json:"truncated,omitempty"`
	Omitted      int        `json:"omitted,omitempty"`
	OmittedDepth int        `json:"omitted_depth,omitempty"`
}

// Neighbors lists what is connected to the item ref names, in either direction.
func Neighbors(g *graph.Graph, ref string, o NeighborsOptions) (*NeighborsResult, error) {
	return NewIndex(g).Neighbors(ref, o)
}

// Neighbors is the package-level Neighbors on an index already built.
func (ix *Index) Neighbors(ref string, o NeighborsOptions) (*NeighborsResult, error) {
	ix.withEdges()
	if o.Depth < 0 {
		return nil, fmt.Errorf("depth %d is negative; give 1 or more", o.Depth)
	}
	if o.Limit < 0 {
		return nil, fmt.Errorf("limit %d is negative; give 1 or more, or 0 for no limit", o.Limit)
	}
	if o.Depth == 0 {
		o.Depth = 1
	}
	follow, err := ix.filter(o.Type)
	if err != nil {
		return nil, err
	}
	start, err := ix.resolve(ref)
	if err != nil {
		return nil, err
	}
	res := &NeighborsResult{Item: ix.items[start], Depth: o.Depth, Neighbors: []Neighbor{}}
	depth := map[int]int{start: 0}
	frontier := []int{start}
	// A link found: the step s from the item at. Only the links listed are made Neighbors:
	// a hub has tens of thousands, of which a limit lists a thousand.
	type found struct {
		at int
		s  step
	}
	for d := 1; d <= o.Depth && len(frontier) > 0; d++ {
		var next []int
		// Room for every link of the frontier at once: a hub has eleven thousand.
		n := 0
		for _, at := range frontier {
			n += len(ix.out[at]) + len(ix.in[at])
		}
		all := make([]found, 0, n)
		for _, at := range frontier {
			for _, s := range ix.steps(at) {
				if !follow(s) {
					continue
				}
				if dd, seen := depth[s.other]; seen && dd < d {
					continue // reached nearer already
				}
				if _, seen := depth[s.other]; !seen {
					depth[s.other] = d
					next = append(next, s.other)
				}
				all = append(all, found{at, s})
			}
		}
		// By the item reached, then as linkLess orders the links.
		slices.SortStableFunc(all, func(a, b found) int {
			if c := strings.Compare(ix.items[a.s.other].ID, ix.items[b.s.other].ID); c != 0 {
				return c
			}
			if c := strings.Compare(ix.items[a.at].ID, ix.items[b.at].ID); c != 0 {
				return c
			}
			ea, eb := ix.edges[a.s.edge], ix.edges[b.s.edge]
			if c := strings.Compare(ea.Rel, eb.Rel); c != 0 {
				return c
			}
			if a.s.out != b.s.out {
				if a.s.out {
					return -1
				}
				return 1
			}
			return strings.Compare(ea.Via, eb.Via)
		})
		listed := all
		if o.Limit > 0 && len(res.Neighbors)+len(all) > o.Limit {
			listed = all[:o.Limit-len(res.Neighbors)]
		}
		for _, f := range listed {
			res.Neighbors = append(res.Neighbors, Neighbor{Depth: d, Link: ix.link(f.at, f.s), Item: ix.items[f.s.other]})
		}
		if len(listed) < len(all) {
			res.Truncated, res.Omitted, res.OmittedDepth = true, len(all)-len(listed), d
			break
		}
		slices.SortFunc(next, func(a, b int) int { return strings.Compare(ix.items[a].ID, ix.items[b].ID) })
		frontier = next
	}
	return res, nil
}

func linkLess(a, b Link) bool {
	if a.From != b.From {
		return a.From < b.From
	}
	if a.Rel != b.Rel {
		return a.Rel < b.Rel
	}
	if a.Direction != b.Direction {
		return a.Direction == "out"
	}
	return a.Via < b.Via
}

func (ix *Index) link(at int, s step) Link {
	e := ix.edges[s.edge]
	l := Link{From: ix.items[at].ID, Rel: e.Rel, To: ix.items[s.other].ID, Via: e.Via, Status: e.Status, Direction: "out"}
	if !s.out {
		l.Direction = "in"
	}
	return l
}

// filter turns a --type value into a test on steps: a relation name keeps edges of that
// name, an item kind keeps steps into items of that kind.
func (ix *Index) filter(t string) (func(step) bool, error) {
	if t == "" {
		return func(step) bool { return true }, nil
	}
	if contains(itemKinds, t) {
		return func(s step) bool { return ix.items[s.other].Kind == t }, nil
	}
	rels := map[string]bool{}
	for _, e := range ix.edges {
		rels[e.Rel] = true
	}
	if !rels[t] {
		known := make([]string, 0, len(rels)+len(itemKinds))
		for r := range rels {
			known = append(known, r)
		}
		known = append(known, itemKinds...)
		sort.Strings(known)
		if s, ok := suggest.Closest(t, known); ok {
			return nil, fmt.Errorf("no relation or item kind %q in the graph; did you mean %q?", t, s)
		}
		return nil, fmt.Errorf("no relation or item kind %q in the graph; known: %q", t, known)
	}
	return func(s step) bool { return ix.edges[s.edge].Rel == t }, nil
}

// PathOptions shapes Path.
type PathOptions struct {
	All bool // every shortest chain, not just the first
	Max int  // at most this many chains with All; 10 when 0
}

// Chain is one path: the steps from the first item to the last.
type Chain struct {
	Steps []Link `json:"steps"`
}

// PathResult is the answer to Path. Length is the number of steps of the shortest
// chains, 0 when there is none (Chains is then empty). Truncated is set when All found
// more chains than Max.
type PathResult struct {
	From      Item    `json:"from"`
	To        Item    `json:"to"`
	Length    int     `json:"length"`
	Chains    []Chain `json:"chains"`
	Truncated bool    `json:"truncated,omitempty"`
}

// Path finds the shortest chains of edges, walked in either direction, between the items
// from and to name. Chains come in a fixed order: at each step, by the id of the next
// item, then relation and direction.
func Path(g *graph.Graph, from, to string, o PathOptions) (*PathResult, error) {
	return NewIndex(g).Path(from, to, o)
}

// Path is the package-level Path on an index already built.
func (ix *Index) Path(from, to string, o PathOptions) (*PathResult, error) {
	ix.withEdges()
	if o.Max < 0 {
		return nil, fmt.Errorf("max %d is negative; give 1 or more", o.Max)
	}
	if o.Max == 0 {
		o.Max = 10
	}
	if !o.All {
		o.Max = 1
	}
	a, err := ix.resolve(from)
	if err != nil {
		return nil, err
	}
	b, err := ix.resolve(to)
	if err != nil {
		return nil, err
	}
	res := &PathResult{From: ix.items[a], To: ix.items[b], Chains: []Chain{}}
	if a == b {
		res.Chains = append(res.Chains, Chain{Steps: []Link{}})
		return res, nil
	}
	// Distances to b, by breadth-first search from b; then walk from a downhill.
	dist := make([]int32, len(ix.items))
	for i := range dist {
		dist[i] = -1
	}
	dist[b] = 0
	queue := []int{b}
	for len(queue) > 0 && dist[a] < 0 {
		at := queue[0]
		queue = queue[1:]
		for _, k := range ix.out[at] {
			if o := ix.ends[k][1]; dist[o] < 0 {
				dist[o] = dist[at] + 1
				queue = append(queue, o)
			}
		}
		for _, k := range ix.in[at] {
			if o := ix.ends[k][0]; dist[o] < 0 {
				dist[o] = dist[at] + 1
				queue = append(queue, o)
			}
		}
	}
	if dist[a] < 0 {
		return res, nil
	}
	res.Length = int(dist[a])
	var trail []Link
	var walk func(at int) bool // false once Max chains are found and one more exists
	walk = func(at int) bool {
		if at == b {
			if len(res.Chains) == o.Max {
				res.Truncated = o.All
				return false
			}
			res.Chains = append(res.Chains, Chain{Steps: append([]Link(nil), trail...)})
			return true
		}
		for _, s := range ix.steps(at) {
			if dist[s.other] != dist[at]-1 {
				continue
			}
			trail = append(trail, ix.link(at, s))
			ok := walk(s.other)
			trail = trail[:len(trail)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	walk(a)
	return res, nil
}
