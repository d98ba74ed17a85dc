package export

import (
	"sort"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// ExtraAssertions names, on an edge of the stances view, the ids of the assertions it
// counts, one a line.
const ExtraAssertions = "assertions"

// stanceKey is one weighted edge of the stances view: party by counters (or supports) how
// many of the assertions of party of.
type stanceKey struct{ by, kind, of string }

// stances adds every party that asserts something and, for each pair of them, an edge
// "B -counters-> A" weighted by how many of A's assertions B's counterclaims counter, and
// "B -supports-> A" weighted by how many of A's assertions B's assertions support. The edge
// runs from the party that answers to the party answered, as counters and supports edges do
// in the other views. An assertion counted twice (two of B's counterclaims rebut it) counts
// once; an assertion that names itself, or a target the graph does not hold, counts not at all.
func (b *builder) stances(g *graph.Graph) {
	author := map[string]string{} // assertion id -> party id
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			author[c.ID] = c.By
		}
	}
	type stance struct{ targets, sources map[string]bool } // answered assertions; sources of the answers
	stances := map[stanceKey]stance{}
	count := func(c graph.Claim, kind string, ids []string) {
		for _, id := range ids {
			of, ok := author[id]
			if !ok || id == c.ID || of == "" || c.By == "" {
				continue
			}
			k := stanceKey{c.By, kind, of}
			st, ok := stances[k]
			if !ok {
				st = stance{map[string]bool{}, map[string]bool{}}
				stances[k] = st
			}
			st.targets[id] = true
			for _, s := range c.Sources {
				st.sources[s] = true
			}
		}
	}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			count(c, RoleCounters, c.Counters)
			count(c, RoleSupports, c.Supports)
		}
	}
	authors := map[string]bool{}
	for _, by := range author {
		authors[by] = true
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
	// The view sorts the edges when it is built (SortEdges): map order does not matter.
	for k, st := range stances {
		ids := sortedSet(st.targets)
		b.edge(Edge{
			ID: k.by + ":" + k.kind + ":" + k.of, From: k.by, To: k.of,
			Label: k.kind + " " + strconv.Itoa(len(ids)), Kind: k.kind,
			Weight: float64(len(ids)), Sources: sortedSet(st.sources),
			Extra: []Attr{{ExtraAssertions, strings.Join(ids, "\n")}},
		})
	}
}

func sortedSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
