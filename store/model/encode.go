package model

import (
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
)

// Encode returns the quads that store f, in a fixed order. Defaults the file may leave
// out (an agreement's kind, an obligation's status, a claim's kind) are written explicitly.
func Encode(f *graph.Facts) []quad.Quad {
	src := SourceIRI(f.Source.ID)
	e := &encoder{label: src}

	e.add(src, Kind, quad.String(graph.KindSource))
	e.text(src, Title, f.Source.Title)
	e.date(src, Published, f.Source.Published)
	e.text(src, Author, f.Source.Author)
	e.text(src, Publisher, f.Source.Publisher)
	e.text(src, URL, f.Source.URL)
	e.text(src, Text, f.Source.Text)
	e.evidence(src, f.Source.Evidence)

	ids := make([]string, 0, len(f.Parties))
	for _, p := range f.Parties {
		ids = append(ids, p.ID)
		s := ItemIRI(p.ID)
		e.add(s, Kind, quad.String(graph.KindParty))
		e.text(s, Type, p.Kind)
		e.text(s, Name, p.Name)
		e.texts(s, Alias, p.Aliases)
		e.text(s, Role, p.Role)
		e.refs(s, MemberOf, p.MemberOf)
		e.text(s, Description, p.Description)
		e.evidence(s, p.Evidence)
	}
	e.section(SecParties, ids)

	ids = ids[:0]
	for _, a := range f.Agreements {
		ids = append(ids, a.ID)
		s := ItemIRI(a.ID)
		e.add(s, Kind, quad.String(graph.KindAgreement))
		e.text(s, Type, withDefault(a.Kind, graph.AgreementKinds[0]))
		e.text(s, Name, a.Name)
		e.refs(s, Party, a.Parties)
		e.date(s, Signed, a.Signed)
		e.date(s, InForce, a.InForce)
		e.ref(s, Revises, a.Revises)
		e.text(s, Description, a.Description)
		e.evidence(s, a.Evidence)
	}
	e.section(SecAgreements, ids)

	ids = ids[:0]
	for _, ev := range f.Events {
		ids = append(ids, ev.ID)
		s := ItemIRI(ev.ID)
		e.add(s, Kind, quad.String(graph.KindEvent))
		e.text(s, Name, ev.Name)
		e.date(s, Date, ev.Date)
		e.refs(s, Involves, ev.Involves)
		e.text(s, Description, ev.Description)
		e.evidence(s, ev.Evidence)
	}
	e.section(SecEvents, ids)

	ids = ids[:0]
	for _, o := range f.Obligations {
		ids = append(ids, o.ID)
		s := ItemIRI(o.ID)
		e.add(s, Kind, quad.String(graph.KindObligation))
		e.ref(s, Bearer, o.Bearer)
		e.ref(s, Beneficiary, o.Beneficiary)
		e.text(s, Duty, o.Duty)
		e.ref(s, Under, o.Under)
		e.text(s, Condition, o.Condition)
		e.text(s, Status, withDefault(o.Status, graph.ObligationStatuses[0]))
		e.date(s, Since, o.Since)
		e.date(s, Until, o.Until)
		e.evidence(s, o.Evidence)
	}
	e.section(SecObligations, ids)

	claims := func(sec, kind string, list []graph.Claim) {
		ids = ids[:0]
		for _, c := range list {
			ids = append(ids, c.ID)
			s := ItemIRI(c.ID)
			e.add(s, Kind, quad.String(kind))
			e.ref(s, By, c.By)
			e.text(s, Says, c.Says)
			e.refs(s, About, c.About)
			e.refs(s, Counters, c.Counters)
			e.refs(s, Supports, c.Supports)
			e.date(s, Date, c.Date)
			e.evidence(s, c.Evidence)
		}
		e.section(sec, ids)
	}
	claims(SecClaims, graph.KindClaim, f.Claims)
	claims(SecCounterclaims, graph.KindCounterclaim, f.Counterclaims)

	ids = ids[:0]
	for _, r := range f.Relations {
		ids = append(ids, RelationKey(r.From, r.Type, r.To))
		e.add(ItemIRI(r.From), quad.IRI(r.Type), ItemIRI(r.To))
		s := RelationIRI(r.From, r.Type, r.To)
		e.add(s, Kind, quad.String(graph.KindRelation))
		e.ref(s, From, r.From)
		e.text(s, Type, r.Type)
		e.ref(s, To, r.To)
		e.date(s, Since, r.Since)
		e.date(s, Until, r.Until)
		e.evidence(s, r.Evidence)
	}
	e.section(SecRelations, ids)
	return e.quads
}
