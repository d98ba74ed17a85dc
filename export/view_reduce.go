package export

import (
	"sort"
	"strconv"
	"strings"
)

// Names of the attributes a merged edge of the parties view has (ViewOptions.Merge).
const (
	// ExtraCount is how many facts an edge stands for, on every edge of a merged view.
	ExtraCount = "count"
	// ExtraObligations lists the ids of the obligations a merged duty edge stands for, one
	// a line.
	ExtraObligations = "obligations"
	// ExtraDuties lists their duties, one a line, in the same order.
	ExtraDuties = "duties"
)

// BigParties is the number of edges above which an export of the parties view that merges
// and filters nothing says how to make it smaller (Export's notes).
var BigParties = 50000

// mergeEdges turns the edges of one kind (and, for duties, one status) from one node to
// another into one edge whose weight and count say how many facts it stands for. An edge
// that has no parallel stays as it was, and gets its count. Edges stay sorted.
func mergeEdges(g *Graph) {
	edges := g.Edges[:0]
	for i := 0; i < len(g.Edges); {
		e := g.Edges[i]
		// The edges are sorted by from, to, kind and id, so a group is a run of edges with
		// the same from, to and kind, statuses mixed in it.
		j := i
		for j < len(g.Edges) && g.Edges[j].From == e.From && g.Edges[j].To == e.To && g.Edges[j].Kind == e.Kind {
			j++
		}
		edges = append(edges, mergeRun(g.Edges[i:j])...)
		i = j
	}
	clear(g.Edges[len(edges):])
	g.Edges = edges
	SortEdges(g.Edges)
}

// mergeRun merges a run of edges with the same ends and kind, one edge per status, in the
// order of the statuses' first edges.
func mergeRun(run []Edge) []Edge {
	var statuses []string
	by := map[string][]Edge{}
	for _, e := range run {
		if _, ok := by[e.Status]; !ok {
			statuses = append(statuses, e.Status)
		}
		by[e.Status] = append(by[e.Status], e)
	}
	out := make([]Edge, 0, len(statuses))
	for _, s := range statuses {
		out = append(out, merged(by[s]))
	}
	return out
}

// merged is the one edge that stands for the parallel edges es.
func merged(es []Edge) Edge {
	weight := 0.0
	for i := range es {
		w, _ := EdgeWeight(&es[i])
		weight += w
	}
	count := Attr{ExtraCount, strconv.FormatFloat(weight, 'f', -1, 64)}
	if len(es) == 1 {
		e := es[0]
		e.Weight = weight
		e.Extra = append(append([]Attr(nil), e.Extra...), count)
		sortExtra(e.Extra)
		return e
	}
	first := es[0]
	e := Edge{From: first.From, To: first.To, Kind: first.Kind, Type: first.Type, Status: first.Status,
		Color: first.Color, Dashed: first.Dashed, Weight: weight}
	var ids, texts []string
	for _, f := range es {
		e.Sources = union(e.Sources, f.Sources)
		if first.Kind == EdgeObligation {
			ids = append(ids, f.ID)
			texts = append(texts, f.Label)
		} else {
			ids = append(ids, extra(f, ExtraClaims, f.Label))
			texts = append(texts, extra(f, ExtraSays, ""))
		}
	}
	e.Span = spanUnion(es)
	if first.Kind == EdgeObligation {
		e.ID = first.From + ":duties:" + first.Status + ":" + first.To
		e.Label = strconv.Itoa(int(weight)) + " duties"
		e.Extra = []Attr{{ExtraObligations, strings.Join(ids, "\n")}, {ExtraDuties, strings.Join(texts, "\n")}}
	} else {
		e.ID = first.From + ":" + first.Kind + ":" + first.To
		e.Label = Count(int(weight), first.Kind)
		if first.Kind != EdgeClaim && first.Kind != EdgeCounterclaim {
			e.Label = first.Label + " (" + strconv.Itoa(int(weight)) + ")"
		}
		e.Extra = []Attr{{ExtraClaims, strings.Join(ids, "\n")}, {ExtraSays, strings.Join(texts, "\n")}}
	}
	e.Caption = e.Label
	e.Extra = append(e.Extra, count)
	sortExtra(e.Extra)
	return e
}

// extra is the value of e's attribute name, or else def.
func extra(e Edge, name, def string) string {
	for _, a := range e.Extra {
		if a.Name == name {
			return a.Value
		}
	}
	return def
}

// spanUnion is the span that covers every edge's: open at an end where any of them is.
func spanUnion(es []Edge) Span {
	var out Span
	for i := range es {
		s := EdgeSpan(&es[i])
		if i == 0 {
			out = s
			continue
		}
		if s.Start < out.Start { // "" (open) comes first
			out.Start = s.Start
		}
		if s.End == "" || out.End != "" && s.End > out.End {
			out.End = s.End
		}
	}
	return out
}

// keepParties keeps the nodes that at least minSources sources state and then, when top is
// above 0, the top nodes joined to the most others among those kept (ties by id), with the
// edges between the nodes kept.
func keepParties(g *Graph, minSources, top int) {
	keep := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		keep[n.ID] = len(n.Sources) >= minSources
	}
	if top > 0 {
		links := map[string]map[string]bool{}
		for _, e := range g.Edges {
			if e.From == e.To || !keep[e.From] || !keep[e.To] {
				continue
			}
			for _, ends := range [][2]string{{e.From, e.To}, {e.To, e.From}} {
				if links[ends[0]] == nil {
					links[ends[0]] = map[string]bool{}
				}
				links[ends[0]][ends[1]] = true
			}
		}
		var ids []string
		for _, n := range g.Nodes {
			if keep[n.ID] {
				ids = append(ids, n.ID)
			}
		}
		sort.SliceStable(ids, func(i, j int) bool { return len(links[ids[i]]) > len(links[ids[j]]) })
		for i, id := range ids {
			keep[id] = i < top
		}
	}
	nodes := g.Nodes[:0]
	for _, n := range g.Nodes {
		if keep[n.ID] {
			nodes = append(nodes, n)
		}
	}
	clear(g.Nodes[len(nodes):])
	g.Nodes = nodes
	edges := g.Edges[:0]
	for _, e := range g.Edges {
		if keep[e.From] && keep[e.To] {
			edges = append(edges, e)
		}
	}
	clear(g.Edges[len(edges):])
	g.Edges = edges
}
