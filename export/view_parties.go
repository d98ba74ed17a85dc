package export

import (
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// Names of the attributes the parties view gives a speaker's claim edges.
const (
	// ExtraClaims lists the ids of the claims and counterclaims an edge stands for, one a
	// line.
	ExtraClaims = "claims"
)

// parties builds the alliance map: parties and agreements; each duty from its bearer to its
// beneficiary; each relation; and, as b.claims says, what the speakers claim.
func (b *builder) parties(g *graph.Graph) {
	b.partyNodes(g)
	b.partyEdges(g)
	for _, o := range g.Obligations {
		b.edge(Edge{
			ID: o.ID, From: o.Bearer, To: o.Beneficiary, Label: o.Duty,
			Kind: EdgeObligation, Status: status(o.Status), Since: o.Since, Until: o.Until,
			Sources: o.Sources, Quotes: o.Quotes, Caption: obligationCaption(o), Span: period(o.Since, o.Until),
			Extra: extras(o.Evidence, Attr{ExtraCondition, o.Condition}, Attr{ExtraUnder, o.Under}),
		})
	}
	if b.claims == ClaimsNone {
		return
	}
	t := claimTargets(g)
	var edges []claimEdge
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			edges = append(edges, t.of(c)...)
		}
	}
	if b.claims == ClaimsAll {
		for _, ce := range edges {
			c := ce.claim
			b.edge(Edge{
				ID: c.ID + ":" + ce.to, From: c.By, To: ce.to, Label: c.ID, Kind: ce.kind,
				Date: c.Date, Sources: c.Sources, Quotes: c.Quotes, Span: instant(c.Date),
				Caption: Wrap(Shorten(c.Says, DutyLength), NameWidth),
				Extra:   extras(c.Evidence, Attr{ExtraSays, c.Says}),
			})
		}
		return
	}
	b.summarise(edges)
}

// claimEdge is one claim drawn towards one target.
type claimEdge struct {
	claim graph.Claim
	to    string
	kind  string // EdgeClaim or EdgeCounterclaim
}

// targets knows where a claim points on the map of parties: what it is about, as a party or
// agreement, and the speakers of what it counters.
type targets struct {
	under  map[string]string // obligation -> its agreement, else its bearer
	author map[string]string // claim or counterclaim -> who made it
}

func claimTargets(g *graph.Graph) targets {
	t := targets{under: map[string]string{}, author: map[string]string{}}
	for _, o := range g.Obligations {
		if o.Under != "" {
			t.under[o.ID] = o.Under
		} else {
			t.under[o.ID] = o.Bearer
		}
	}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			t.author[c.ID] = c.By
		}
	}
	return t
}

// of returns where c points, each target once: a claim about an obligation points to the
// agreement the obligation is under (or its bearer), one about a claim to that claim's
// speaker; a counterclaim points to the speakers of what it counters. Items the map does not
// show (events) are left out, and so is the speaker itself.
func (t targets) of(c graph.Claim) []claimEdge {
	seen := map[string]bool{c.By: true}
	var out []claimEdge
	add := func(id, kind string) {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, claimEdge{c, id, kind})
		}
	}
	if len(c.Counters) > 0 {
		for _, id := range c.Counters {
			add(t.author[id], EdgeCounterclaim)
		}
		return out
	}
	for _, id := range c.About {
		if a, ok := t.under[id]; ok {
			id = a
		} else if a, ok := t.author[id]; ok {
			id = a
		}
		add(id, EdgeClaim)
	}
	return out
}

// summarise draws one edge per speaker and target, labelled with how many claims and
// counterclaims it stands for: red when any of them rebuts.
func (b *builder) summarise(edges []claimEdge) {
	type pair struct{ from, to string }
	type tally struct {
		claims, counters int
		ids, says        []string
		sources          []string
	}
	tallies := map[pair]*tally{}
	for _, ce := range edges {
		p := pair{ce.claim.By, ce.to}
		t := tallies[p]
		if t == nil {
			t = &tally{}
			tallies[p] = t
		}
		if ce.kind == EdgeCounterclaim {
			t.counters++
		} else {
			t.claims++
		}
		t.ids = append(t.ids, ce.claim.ID)
		t.says = append(t.says, ce.claim.Says)
		t.sources = union(t.sources, ce.claim.Sources)
	}
	pairs := make([]pair, 0, len(tallies))
	for p := range tallies {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].from != pairs[j].from {
			return pairs[i].from < pairs[j].from
		}
		return pairs[i].to < pairs[j].to
	})
	for _, p := range pairs {
		t := tallies[p]
		kind := EdgeClaim
		var words []string
		if t.claims > 0 {
			words = append(words, Count(t.claims, "claim"))
		}
		if t.counters > 0 {
			kind = EdgeCounterclaim
			words = append(words, Count(t.counters, "counterclaim"))
		}
		label := strings.Join(words, ", ")
		b.edge(Edge{
			ID: p.from + ":claims:" + p.to, From: p.from, To: p.to, Label: label, Kind: kind,
			Sources: t.sources, Caption: strings.Join(words, "\n"), Weight: float64(t.claims + t.counters),
			Extra: []Attr{{ExtraClaims, strings.Join(t.ids, "\n")}, {ExtraSays, strings.Join(t.says, "\n")}},
		})
	}
}
