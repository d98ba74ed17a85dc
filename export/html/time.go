package html

import "github.com/factgraph/factgraph/graph"

// Spans returns, for each dated item of g, the years in which the time slider shows it:
// the alliance as of the end of a year. An agreement holds from the year it entered into
// force (or, when the facts do not say, was signed; when they give neither, from the year of
// the earliest dated event that involves it, by which it existed) until the year an
// agreement that revises it does; an obligation holds from its since, and while the agreement it is under holds,
// until its until; an event, claim or counterclaim from its date on. Parties, and what the
// facts do not date, are always shown. Relations are keyed by graph.Relation.Key.
func Spans(g *graph.Graph) map[string]Span {
	out := map[string]Span{}
	attested := map[string]int{} // id -> year of the earliest dated event that involves it
	for _, e := range g.Events {
		for _, id := range e.Involves {
			if y := e.Date.Year; y != 0 && (attested[id] == 0 || y < attested[id]) {
				attested[id] = y
			}
		}
	}
	agreementStart := func(a graph.Agreement) int {
		switch {
		case a.InForce.Year != 0:
			return a.InForce.Year
		case a.Signed.Year != 0:
			return a.Signed.Year
		}
		return attested[a.ID]
	}
	agreements := map[string]Span{}
	for _, a := range g.Agreements {
		agreements[a.ID] = Span{From: agreementStart(a)}
	}
	for _, a := range g.Agreements {
		if a.Revises == "" {
			continue
		}
		old, ok := agreements[a.Revises]
		if start := agreementStart(a); ok && start != 0 && (old.Until == 0 || start < old.Until) {
			old.Until = start
			agreements[a.Revises] = old
		}
	}
	for id, s := range agreements {
		if s != (Span{}) {
			out[id] = s
		}
	}
	for _, o := range g.Obligations {
		s := Span{From: o.Since.Year, Until: o.Until.Year}
		if a, ok := agreements[o.Under]; ok {
			s.From = max(s.From, a.From)
			if a.Until != 0 && (s.Until == 0 || a.Until < s.Until) {
				s.Until = a.Until
			}
		}
		if s != (Span{}) {
			out[o.ID] = s
		}
	}
	for _, e := range g.Events {
		if e.Date.Year != 0 {
			out[e.ID] = Span{From: e.Date.Year}
		}
	}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			if c.Date.Year != 0 {
				out[c.ID] = Span{From: c.Date.Year}
			}
		}
	}
	for _, r := range g.Relations {
		if s := (Span{From: r.Since.Year, Until: r.Until.Year}); s != (Span{}) {
			out[r.Key()] = s
		}
	}
	return out
}
