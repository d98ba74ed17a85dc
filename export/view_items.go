package export

import (
	"strings"
	"time"

	"github.com/factgraph/factgraph/graph"
)

// The nodes and edges more than one view draws, with their captions and timeline spans.

func (b *builder) partyNodes(g *graph.Graph) {
	for _, p := range g.Parties {
		b.node(Node{
			ID: p.ID, Label: p.Name, Kind: graph.KindParty, Type: p.Kind,
			Sources: p.Sources, Quotes: p.Quotes, Caption: Wrap(p.Name, NameWidth),
			Extra: extras(p.Evidence,
				Attr{ExtraAliases, strings.Join(p.Aliases, "\n")},
				Attr{ExtraRole, p.Role},
				Attr{ExtraDescription, p.Description}),
		})
	}
	spans := agreementSpans(g.Agreements, g.Events)
	for _, a := range g.Agreements {
		b.node(Node{
			ID: a.ID, Label: a.Name, Kind: graph.KindAgreement, Type: a.Kind, Date: a.Signed,
			Sources: a.Sources, Quotes: a.Quotes, Caption: Wrap(a.Name, NameWidth), Span: spans[a.ID],
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
			Caption: b.words(r.Type), Span: period(r.Since, r.Until),
		})
	}
}

// claimNode adds a claim or counterclaim, boxed with what it says. A contested one is one
// that a counterclaim of g counters.
func (b *builder) claimNode(c graph.Claim, contested bool, more ...Attr) {
	b.node(Node{
		ID: c.ID, Label: c.Says, Kind: c.Kind, Date: c.Date,
		Sources: c.Sources, Quotes: c.Quotes, Extra: extras(c.Evidence, more...),
		Caption: Wrap(c.Says, TextWidth), Contested: contested, Span: instant(c.Date),
	})
}

// countered lists the claims and counterclaims that some counterclaim of g counters.
func countered(g *graph.Graph) map[string]bool {
	out := map[string]bool{}
	for _, c := range g.Counterclaims {
		for _, id := range c.Counters {
			out[id] = true
		}
	}
	return out
}

func obligationCaption(o graph.Obligation) string {
	return Wrap(Shorten(o.Duty, DutyLength), NameWidth)
}

// day writes a day as GEXF's date time format wants it.
func day(t time.Time) string { return t.Format("2006-01-02") }

// instant is the span of a dated happening: its first day, and no more.
func instant(d graph.Date) Span {
	if d.IsZero() {
		return Span{}
	}
	s := day(d.Start())
	return Span{s, s}
}

// period is the span of a duty or relation: from the first day of since to the last of
// until, either end open when not given.
func period(since, until graph.Date) Span {
	var s Span
	if !since.IsZero() {
		s.Start = day(since.Start())
	}
	if !until.IsZero() {
		s.End = day(until.End())
	}
	return s
}

// agreementSpans says when each agreement is in force on a timeline: from the day it
// entered into force (or, when that is not known, was signed; when the facts give neither,
// the first day of the earliest dated event that involves it, by which it existed: the rule
// of the browser page's time slider, html.Spans) on, until the day before a later agreement
// that revises it starts. One the facts date in no way is there all the time.
func agreementSpans(as []graph.Agreement, events []graph.Event) map[string]Span {
	attested := map[string]graph.Date{} // id -> date of the earliest dated event that involves it
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		for _, id := range e.Involves {
			if d, ok := attested[id]; !ok || e.Date.Start().Before(d.Start()) {
				attested[id] = e.Date
			}
		}
	}
	begins := func(a graph.Agreement) graph.Date {
		switch {
		case !a.InForce.IsZero():
			return a.InForce
		case !a.Signed.IsZero():
			return a.Signed
		}
		return attested[a.ID]
	}
	out := make(map[string]Span, len(as))
	ends := map[string]time.Time{} // agreement id -> earliest start of a revision
	for _, a := range as {
		if a.Revises == "" || begins(a).IsZero() {
			continue
		}
		t := begins(a).Start()
		if old, ok := ends[a.Revises]; !ok || t.Before(old) {
			ends[a.Revises] = t
		}
	}
	for _, a := range as {
		from := begins(a)
		if from.IsZero() {
			continue
		}
		s := Span{Start: day(from.Start())}
		if end, ok := ends[a.ID]; ok && end.After(from.Start()) {
			s.End = day(end.AddDate(0, 0, -1))
		}
		out[a.ID] = s
	}
	return out
}
