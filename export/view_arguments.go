package export

import (
	"github.com/factgraph/factgraph/graph"
)

// ExtraBy names the attribute that says who made a claim, in the arguments view, where
// speakers are groups rather than nodes.
const ExtraBy = "by"

// arguments builds the argument map: a box per claim and counterclaim, grouped by speaker,
// and what counters and supports what. A claim a counterclaim counters is marked contested.
func (b *builder) arguments(g *graph.Graph) {
	b.speakerGroups(g)
	contested := countered(g)
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			b.claimNode(c, contested[c.ID], Attr{ExtraBy, c.By})
			b.nodes[b.index[c.ID]].Group = c.By
			for _, id := range c.Counters {
				b.role(c.ID, RoleCounters, id, c.Sources)
			}
			for _, id := range c.Supports {
				b.role(c.ID, RoleSupports, id, c.Sources)
			}
		}
	}
}

// speakerGroups adds a group for each party that makes a claim, titled with its name.
func (b *builder) speakerGroups(g *graph.Graph) {
	names := map[string]string{}
	for _, p := range g.Parties {
		names[p.ID] = p.Name
	}
	speakers := map[string]bool{}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			if speakers[c.By] {
				continue
			}
			speakers[c.By] = true
			name := names[c.By]
			if name == "" {
				name = c.By
			}
			b.groups = append(b.groups, Group{ID: c.By, Label: name})
		}
	}
}
