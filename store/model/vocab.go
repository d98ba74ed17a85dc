package model

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/graph"

	"github.com/cayleygraph/quad"
)

// The quad schema is documented in docs/model.md; keep the two in step.

// Predicates of the factgraph model.
const (
	Kind        = quad.IRI("fg:kind")
	Type        = quad.IRI("fg:type")
	Name        = quad.IRI("fg:name")
	Alias       = quad.IRI("fg:alias")
	Role        = quad.IRI("fg:role")
	MemberOf    = quad.IRI("fg:member-of")
	Description = quad.IRI("fg:description")
	Party       = quad.IRI("fg:party")
	Signed      = quad.IRI("fg:signed")
	InForce     = quad.IRI("fg:in-force")
	Revises     = quad.IRI("fg:revises")
	Date        = quad.IRI("fg:date")
	Involves    = quad.IRI("fg:involves")
	Bearer      = quad.IRI("fg:bearer")
	Beneficiary = quad.IRI("fg:beneficiary")
	Duty        = quad.IRI("fg:duty")
	Under       = quad.IRI("fg:under")
	Condition   = quad.IRI("fg:condition")
	Status      = quad.IRI("fg:status")
	Since       = quad.IRI("fg:since")
	Until       = quad.IRI("fg:until")
	By          = quad.IRI("fg:by")
	Says        = quad.IRI("fg:says")
	About       = quad.IRI("fg:about")
	Counters    = quad.IRI("fg:counters")
	Supports    = quad.IRI("fg:supports")
	Quote       = quad.IRI("fg:quote")
	Section     = quad.IRI("fg:section")
	Note        = quad.IRI("fg:note")
	Title       = quad.IRI("fg:title")
	Published   = quad.IRI("fg:published")
	Author      = quad.IRI("fg:author")
	Publisher   = quad.IRI("fg:publisher")
	URL         = quad.IRI("fg:url")
	Text        = quad.IRI("fg:text")
	From        = quad.IRI("fg:from")
	To          = quad.IRI("fg:to")
)

// OrderPrefix starts the predicate of an order quad: "<fg:order/alias>" holds, as a JSON
// array of strings, the values of fg:alias in the order they were written.
const OrderPrefix = "fg:order/"

// Section names used in the source node's order quads.
const (
	SecParties       = "parties"
	SecAgreements    = "agreements"
	SecEvents        = "events"
	SecObligations   = "obligations"
	SecClaims        = "claims"
	SecCounterclaims = "counterclaims"
	SecRelations     = "relations"
)

// XML Schema datatypes of dates, one per precision.
const (
	xsdGYear      = quad.IRI("http://www.w3.org/2001/XMLSchema#gYear")
	xsdGYearMonth = quad.IRI("http://www.w3.org/2001/XMLSchema#gYearMonth")
	xsdDate       = quad.IRI("http://www.w3.org/2001/XMLSchema#date")
)

const SourcePrefix = "source/"
const RelationPrefix = "relation/"

// SourceIRI is the IRI of a source's node, which is also the label of all its quads.
func SourceIRI(id string) quad.IRI { return quad.IRI(SourcePrefix + id) }

// ItemIRI is the IRI of a party, agreement, event, obligation, claim or counterclaim.
func ItemIRI(id string) quad.IRI { return quad.IRI(id) }

// RelationIRI is the IRI of a relation's node.
func RelationIRI(from, typ, to string) quad.IRI {
	return quad.IRI(RelationPrefix + RelationKey(from, typ, to))
}

func RelationKey(from, typ, to string) string {
	return graph.Relation{From: from, Type: typ, To: to}.Key()
}

func orderPred(p quad.IRI) quad.IRI {
	return quad.IRI(OrderPrefix + strings.TrimPrefix(string(p), "fg:"))
}

func DateValue(d graph.Date) quad.Value {
	t := xsdDate
	switch d.Precision {
	case graph.Year:
		t = xsdGYear
	case graph.Month:
		t = xsdGYearMonth
	}
	return quad.TypedString{Value: quad.String(d.String()), Type: t}
}

func ParseDateValue(v quad.Value) (graph.Date, error) {
	ts, ok := v.(quad.TypedString)
	if !ok {
		return graph.Date{}, fmt.Errorf("date %s is not a typed literal", v)
	}
	d, err := graph.ParseDate(string(ts.Value))
	if err != nil {
		return graph.Date{}, err
	}
	want := map[graph.Precision]quad.IRI{graph.Year: xsdGYear, graph.Month: xsdGYearMonth, graph.Day: xsdDate}[d.Precision]
	if ts.Type.Full() != want {
		return graph.Date{}, fmt.Errorf("date %s should have type %s", v, want)
	}
	return d, nil
}

// encoder turns the facts of one source into quads under the source's label.
type encoder struct {
	label quad.Value
	quads []quad.Quad
}

func (e *encoder) add(s quad.Value, p quad.IRI, o quad.Value) {
	e.quads = append(e.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: e.label})
}

func (e *encoder) text(s quad.Value, p quad.IRI, v string) {
	if v != "" {
		e.add(s, p, quad.String(v))
	}
}

func (e *encoder) ref(s quad.Value, p quad.IRI, id string) {
	if id != "" {
		e.add(s, p, ItemIRI(id))
	}
}

func (e *encoder) date(s quad.Value, p quad.IRI, d graph.Date) {
	if !d.IsZero() {
		e.add(s, p, DateValue(d))
	}
}

// order writes an order quad for a list that a set of quads alone cannot give back: more
// than one value, or the same value twice.
func (e *encoder) order(s quad.Value, p quad.IRI, vs []string) {
	if len(vs) < 2 {
		return
	}
	b, _ := json.Marshal(vs) // a []string always marshals
	e.add(s, orderPred(p), quad.String(b))
}

func (e *encoder) texts(s quad.Value, p quad.IRI, vs []string) {
	for _, v := range vs {
		e.add(s, p, quad.String(v))
	}
	e.order(s, p, vs)
}

func (e *encoder) refs(s quad.Value, p quad.IRI, ids []string) {
	for _, id := range ids {
		e.add(s, p, ItemIRI(id))
	}
	e.order(s, p, ids)
}

func (e *encoder) evidence(s quad.Value, ev graph.Evidence) {
	e.texts(s, Quote, ev.Quotes)
	e.text(s, Section, ev.Section)
	e.text(s, Note, ev.Note)
}

// section writes the ids of a section of the source, in file order. Unlike item lists it
// is written even for one id: it also tells Ingest which subjects the source has quads on.
func (e *encoder) section(name string, ids []string) {
	if len(ids) == 0 {
		return
	}
	b, _ := json.Marshal(ids)
	e.add(e.label, quad.IRI(OrderPrefix+name), quad.String(b))
}

func withDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// QuadKey is a quad in N-Quads form without the final " .": a comparable, sortable key.
func QuadKey(q quad.Quad) string {
	var b strings.Builder
	b.WriteString(q.Subject.String())
	b.WriteByte(' ')
	b.WriteString(q.Predicate.String())
	b.WriteByte(' ')
	b.WriteString(q.Object.String())
	if q.Label != nil {
		b.WriteByte(' ')
		b.WriteString(q.Label.String())
	}
	return b.String()
}

func IsRelationType(p quad.IRI) bool { return !strings.HasPrefix(string(p), "fg:") }

// sectionOf maps an item kind to the section its source lists it in.
var sectionOf = map[string]string{
	graph.KindParty: SecParties, graph.KindAgreement: SecAgreements, graph.KindEvent: SecEvents,
	graph.KindObligation: SecObligations, graph.KindClaim: SecClaims, graph.KindCounterclaim: SecCounterclaims,
	graph.KindRelation: SecRelations,
}

func IsSectionOrder(p quad.IRI) bool {
	if !strings.HasPrefix(string(p), OrderPrefix) {
		return false
	}
	switch strings.TrimPrefix(string(p), OrderPrefix) {
	case SecParties, SecAgreements, SecEvents, SecObligations, SecClaims, SecCounterclaims, SecRelations:
		return true
	}
	return false
}

// IsRef says whether p is a reference field: a predicate whose object is an item.
func IsRef(p quad.IRI) bool {
	// A switch, not a map: a walk asks it of every end of every link it reads.
	switch p {
	case MemberOf, Party, Revises, Involves, Bearer, Beneficiary, Under, By, About, Counters, Supports:
		return true
	}
	return false
}

// IsItemKind says whether kind is the kind of an item (a party, agreement, event,
// obligation, claim or counterclaim), not of a source or relation.
func IsItemKind(kind string) bool {
	switch kind {
	case graph.KindParty, graph.KindAgreement, graph.KindEvent, graph.KindObligation, graph.KindClaim, graph.KindCounterclaim:
		return true
	}
	return false
}

// SectionCount is how many sections a source has (SectionOf).
var SectionCount = len(sectionOf)

// SectionOf returns the section of a source that lists items of the kind, "" for none.
func SectionOf(kind string) string { return sectionOf[kind] }

// LinkEnd is a quad that may link an item to another (a reference field or a relation
// type), seen from the item: its predicate, the item at its other end, and whether the item
// is its subject (Out) or its object.
type LinkEnd struct {
	Pred, Other string
	Out         bool
}
