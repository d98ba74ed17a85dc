package export

import (
	"github.com/factgraph/factgraph/graph"
)

func (b *builder) full(g *graph.Graph) {
	b.partyNodes(g)
	b.partyEdges(g)
	for _, e := range g.Events {
		b.node(Node{
			ID: e.ID, Label: e.Name, Kind: graph.KindEvent, Date: e.Date,
			Sources: e.Sources, Quotes: e.Quotes, Span: instant(e.Date),
			Caption: Wrap(e.Name, NameWidth) + "\n" + e.Date.String(),
			Extra:   extras(e.Evidence, Attr{ExtraDescription, e.Description}),
		})
		for _, id := range e.Involves {
			b.role(e.ID, RoleInvolves, id, e.Sources)
		}
	}
	for _, o := range g.Obligations {
		caption := obligationCaption(o)
		if st := status(o.Status); st != graph.ObligationStatuses[0] {
			caption += "\n(" + st + ")"
		}
		b.node(Node{
			ID: o.ID, Label: o.Duty, Kind: graph.KindObligation, Status: status(o.Status),
			Since: o.Since, Until: o.Until, Sources: o.Sources, Quotes: o.Quotes,
			Caption: caption, Span: period(o.Since, o.Until),
			Extra: extras(o.Evidence, Attr{ExtraCondition, o.Condition}),
		})
		b.role(o.ID, RoleBearer, o.Bearer, o.Sources)
		b.role(o.ID, RoleBeneficiary, o.Beneficiary, o.Sources)
		if o.Under != "" {
			b.role(o.ID, RoleUnder, o.Under, o.Sources)
		}
	}
	// Claims are grouped by speaker, as in the arguments view, with the speaker; their by
	// edges stay, for the programs that read the file, and a drawing draws them as the
	// speaker's box.
	b.speakerGroups(g)
	for _, gr := range b.groups {
		if i, ok := b.index[gr.ID]; ok {
			b.nodes[i].Group = gr.ID
		}
	}
	contested := countered(g)
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			b.claimNode(c, contested[c.ID], Attr{ExtraBy, c.By})
			n := &b.nodes[b.index[c.ID]]
			n.Group = c.By
			// The full view is crowded: what a claim says is drawn shorter, in narrower
			// boxes; all of it is in the file.
			n.Caption = Wrap(Shorten(c.Says, FullTextLength), FullTextWidth)
			b.role(c.ID, RoleBy, c.By, c.Sources)
			for _, id := range c.Counters {
				b.role(c.ID, RoleCounters, id, c.Sources)
			}
			for _, id := range c.Supports {
				b.role(c.ID, RoleSupports, id, c.Sources)
			}
			for _, id := range c.About {
				b.role(c.ID, RoleAbout, id, c.Sources)
			}
		}
	}
}
