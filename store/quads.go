package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"

	"github.com/cayleygraph/quad"
)

// The quad schema is documented in docs/model.md; keep the two in step.

// Predicates of the factgraph model.
const (
	pKind        = quad.IRI("fg:kind")
	pType        = quad.IRI("fg:type")
	pName        = quad.IRI("fg:name")
	pAlias       = quad.IRI("fg:alias")
	pRole        = quad.IRI("fg:role")
	pMemberOf    = quad.IRI("fg:member-of")
	pDescription = quad.IRI("fg:description")
	pParty       = quad.IRI("fg:party")
	pSigned      = quad.IRI("fg:signed")
	pInForce     = quad.IRI("fg:in-force")
	pRevises     = quad.IRI("fg:revises")
	pDate        = quad.IRI("fg:date")
	pInvolves    = quad.IRI("fg:involves")
	pBearer      = quad.IRI("fg:bearer")
	pBeneficiary = quad.IRI("fg:beneficiary")
	pDuty        = quad.IRI("fg:duty")
	pUnder       = quad.IRI("fg:under")
	pCondition   = quad.IRI("fg:condition")
	pStatus      = quad.IRI("fg:status")
	pSince       = quad.IRI("fg:since")
	pUntil       = quad.IRI("fg:until")
	pBy          = quad.IRI("fg:by")
	pSays        = quad.IRI("fg:says")
	pAbout       = quad.IRI("fg:about")
	pCounters    = quad.IRI("fg:counters")
	pSupports    = quad.IRI("fg:supports")
	pQuote       = quad.IRI("fg:quote")
	pSection     = quad.IRI("fg:section")
	pNote        = quad.IRI("fg:note")
	pTitle       = quad.IRI("fg:title")
	pPublished   = quad.IRI("fg:published")
	pAuthor      = quad.IRI("fg:author")
	pPublisher   = quad.IRI("fg:publisher")
	pURL         = quad.IRI("fg:url")
	pText        = quad.IRI("fg:text")
	pFrom        = quad.IRI("fg:from")
	pTo          = quad.IRI("fg:to")
)

// orderPrefix starts the predicate of an order quad: "<fg:order/alias>" holds, as a JSON
// array of strings, the values of fg:alias in the order they were written.
const orderPrefix = "fg:order/"

// Section names used in the source node's order quads.
const (
	secParties       = "parties"
	secAgreements    = "agreements"
	secEvents        = "events"
	secObligations   = "obligations"
	secClaims        = "claims"
	secCounterclaims = "counterclaims"
	secRelations     = "relations"
)

// XML Schema datatypes of dates, one per precision.
const (
	xsdGYear      = quad.IRI("http://www.w3.org/2001/XMLSchema#gYear")
	xsdGYearMonth = quad.IRI("http://www.w3.org/2001/XMLSchema#gYearMonth")
	xsdDate       = quad.IRI("http://www.w3.org/2001/XMLSchema#date")
)

const sourcePrefix = "source/"
const relationPrefix = "relation/"

// SourceIRI is the IRI of a source's node, which is also the label of all its quads.
func SourceIRI(id string) quad.IRI { return quad.IRI(sourcePrefix + id) }

// ItemIRI is the IRI of a party, agreement, event, obligation, claim or counterclaim.
func ItemIRI(id string) quad.IRI { return quad.IRI(id) }

// RelationIRI is the IRI of a relation's node.
func RelationIRI(from, typ, to string) quad.IRI {
	return quad.IRI(relationPrefix + relationKey(from, typ, to))
}

func relationKey(from, typ, to string) string {
	return graph.Relation{From: from, Type: typ, To: to}.Key()
}

func orderPred(p quad.IRI) quad.IRI {
	return quad.IRI(orderPrefix + strings.TrimPrefix(string(p), "fg:"))
}

func dateValue(d graph.Date) quad.Value {
	t := xsdDate
	switch d.Precision {
	case graph.Year:
		t = xsdGYear
	case graph.Month:
		t = xsdGYearMonth
	}
	return quad.TypedString{Value: quad.String(d.String()), Type: t}
}

func parseDateValue(v quad.Value) (graph.Date, error) {
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
		e.add(s, p, dateValue(d))
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
	e.texts(s, pQuote, ev.Quotes)
	e.text(s, pSection, ev.Section)
	e.text(s, pNote, ev.Note)
}

// section writes the ids of a section of the source, in file order. Unlike item lists it
// is written even for one id: it also tells Ingest which subjects the source has quads on.
func (e *encoder) section(name string, ids []string) {
	if len(ids) == 0 {
		return
	}
	b, _ := json.Marshal(ids)
	e.add(e.label, quad.IRI(orderPrefix+name), quad.String(b))
}

func withDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// EncodeFacts returns the quads that store f, in a fixed order. Defaults the file may leave
// out (an agreement's kind, an obligation's status, a claim's kind) are written explicitly.
func EncodeFacts(f *graph.Facts) []quad.Quad {
	src := SourceIRI(f.Source.ID)
	e := &encoder{label: src}

	e.add(src, pKind, quad.String(graph.KindSource))
	e.text(src, pTitle, f.Source.Title)
	e.date(src, pPublished, f.Source.Published)
	e.text(src, pAuthor, f.Source.Author)
	e.text(src, pPublisher, f.Source.Publisher)
	e.text(src, pURL, f.Source.URL)
	e.text(src, pText, f.Source.Text)
	e.evidence(src, f.Source.Evidence)

	ids := make([]string, 0, len(f.Parties))
	for _, p := range f.Parties {
		ids = append(ids, p.ID)
		s := ItemIRI(p.ID)
		e.add(s, pKind, quad.String(graph.KindParty))
		e.text(s, pType, p.Kind)
		e.text(s, pName, p.Name)
		e.texts(s, pAlias, p.Aliases)
		e.text(s, pRole, p.Role)
		e.refs(s, pMemberOf, p.MemberOf)
		e.text(s, pDescription, p.Description)
		e.evidence(s, p.Evidence)
	}
	e.section(secParties, ids)

	ids = ids[:0]
	for _, a := range f.Agreements {
		ids = append(ids, a.ID)
		s := ItemIRI(a.ID)
		e.add(s, pKind, quad.String(graph.KindAgreement))
		e.text(s, pType, withDefault(a.Kind, graph.AgreementKinds[0]))
		e.text(s, pName, a.Name)
		e.refs(s, pParty, a.Parties)
		e.date(s, pSigned, a.Signed)
		e.date(s, pInForce, a.InForce)
		e.ref(s, pRevises, a.Revises)
		e.text(s, pDescription, a.Description)
		e.evidence(s, a.Evidence)
	}
	e.section(secAgreements, ids)

	ids = ids[:0]
	for _, ev := range f.Events {
		ids = append(ids, ev.ID)
		s := ItemIRI(ev.ID)
		e.add(s, pKind, quad.String(graph.KindEvent))
		e.text(s, pName, ev.Name)
		e.date(s, pDate, ev.Date)
		e.refs(s, pInvolves, ev.Involves)
		e.text(s, pDescription, ev.Description)
		e.evidence(s, ev.Evidence)
	}
	e.section(secEvents, ids)

	ids = ids[:0]
	for _, o := range f.Obligations {
		ids = append(ids, o.ID)
		s := ItemIRI(o.ID)
		e.add(s, pKind, quad.String(graph.KindObligation))
		e.ref(s, pBearer, o.Bearer)
		e.ref(s, pBeneficiary, o.Beneficiary)
		e.text(s, pDuty, o.Duty)
		e.ref(s, pUnder, o.Under)
		e.text(s, pCondition, o.Condition)
		e.text(s, pStatus, withDefault(o.Status, graph.ObligationStatuses[0]))
		e.date(s, pSince, o.Since)
		e.date(s, pUntil, o.Until)
		e.evidence(s, o.Evidence)
	}
	e.section(secObligations, ids)

	claims := func(sec, kind string, list []graph.Claim) {
		ids = ids[:0]
		for _, c := range list {
			ids = append(ids, c.ID)
			s := ItemIRI(c.ID)
			e.add(s, pKind, quad.String(kind))
			e.ref(s, pBy, c.By)
			e.text(s, pSays, c.Says)
			e.refs(s, pAbout, c.About)
			e.refs(s, pCounters, c.Counters)
			e.refs(s, pSupports, c.Supports)
			e.date(s, pDate, c.Date)
			e.evidence(s, c.Evidence)
		}
		e.section(sec, ids)
	}
	claims(secClaims, graph.KindClaim, f.Claims)
	claims(secCounterclaims, graph.KindCounterclaim, f.Counterclaims)

	ids = ids[:0]
	for _, r := range f.Relations {
		ids = append(ids, relationKey(r.From, r.Type, r.To))
		e.add(ItemIRI(r.From), quad.IRI(r.Type), ItemIRI(r.To))
		s := RelationIRI(r.From, r.Type, r.To)
		e.add(s, pKind, quad.String(graph.KindRelation))
		e.ref(s, pFrom, r.From)
		e.text(s, pType, r.Type)
		e.ref(s, pTo, r.To)
		e.date(s, pSince, r.Since)
		e.date(s, pUntil, r.Until)
		e.evidence(s, r.Evidence)
	}
	e.section(secRelations, ids)
	return e.quads
}

// node is what one source says about one subject: its values by predicate, in no order.
type node map[quad.IRI][]quad.Value

// decoder rebuilds the facts of one source from its quads.
type decoder struct {
	label string
	nodes map[string]node // by subject IRI
	errs  []string
}

func (d *decoder) fail(format string, args ...any) {
	d.errs = append(d.errs, fmt.Sprintf(format, args...))
}

func (d *decoder) one(subj string, n node, p quad.IRI) (quad.Value, bool) {
	vs := n[p]
	switch len(vs) {
	case 0:
		return nil, false
	case 1:
		return vs[0], true
	}
	d.fail("<%s> has %d values of %s, want one", subj, len(vs), p)
	return vs[0], true
}

func (d *decoder) text(subj string, n node, p quad.IRI) string {
	v, ok := d.one(subj, n, p)
	if !ok {
		return ""
	}
	s, ok := v.(quad.String)
	if !ok {
		d.fail("<%s> %s %s is not a plain string", subj, p, v)
		return ""
	}
	return string(s)
}

func (d *decoder) ref(subj string, n node, p quad.IRI) string {
	v, ok := d.one(subj, n, p)
	if !ok {
		return ""
	}
	iri, ok := v.(quad.IRI)
	if !ok {
		d.fail("<%s> %s %s is not an IRI", subj, p, v)
		return ""
	}
	return string(iri)
}

func (d *decoder) date(subj string, n node, p quad.IRI) graph.Date {
	v, ok := d.one(subj, n, p)
	if !ok {
		return graph.Date{}
	}
	dt, err := parseDateValue(v)
	if err != nil {
		d.fail("<%s> %s: %v", subj, p, err)
	}
	return dt
}

// list rebuilds a list from its values and, when there is one, its order quad.
func (d *decoder) list(subj string, n node, p quad.IRI, iri bool) []string {
	vs := n[p]
	if len(vs) == 0 {
		return nil
	}
	set := make(map[string]bool, len(vs))
	for _, v := range vs {
		var s string
		switch v := v.(type) {
		case quad.IRI:
			if !iri {
				d.fail("<%s> %s %s is not a plain string", subj, p, v)
			}
			s = string(v)
		case quad.String:
			if iri {
				d.fail("<%s> %s %s is not an IRI", subj, p, v)
			}
			s = string(v)
		default:
			d.fail("<%s> %s %s is neither an IRI nor a plain string", subj, p, v)
		}
		set[s] = true
	}
	ord := d.text(subj, n, orderPred(p))
	if ord == "" {
		out := make([]string, 0, len(set))
		for s := range set {
			out = append(out, s)
		}
		sort.Strings(out)
		if len(out) > 1 {
			d.fail("<%s> has %d values of %s but no %s quad", subj, len(out), p, orderPred(p))
		}
		return out
	}
	var out []string
	if err := json.Unmarshal([]byte(ord), &out); err != nil {
		d.fail("<%s> %s: not a JSON array of strings: %v", subj, orderPred(p), err)
		return nil
	}
	seen := make(map[string]bool, len(out))
	for _, s := range out {
		if !set[s] {
			d.fail("<%s> %s lists %q, which has no %s quad", subj, orderPred(p), s, p)
		}
		seen[s] = true
	}
	if len(seen) != len(set) || len(out) < 2 {
		d.fail("<%s> %s does not list exactly the values of %s", subj, orderPred(p), p)
	}
	return out
}

func (d *decoder) evidence(subj string, n node) graph.Evidence {
	return graph.Evidence{
		Quotes:  d.list(subj, n, pQuote, false),
		Section: d.text(subj, n, pSection),
		Note:    d.text(subj, n, pNote),
	}
}

// item returns the node of id, checking that the source gives it the expected kind.
func (d *decoder) item(id, kind string) node {
	n := d.nodes[id]
	if got := d.text(id, n, pKind); got != kind {
		d.fail("<%s> is listed as a %s but has kind %q", id, kind, got)
	}
	return n
}

func (d *decoder) sectionIDs(src node, name string) []string {
	v := d.text(d.label, src, quad.IRI(orderPrefix+name))
	if v == "" {
		return nil
	}
	var ids []string
	if err := json.Unmarshal([]byte(v), &ids); err != nil {
		d.fail("<%s> <%s%s>: not a JSON array of strings: %v", d.label, orderPrefix, name, err)
	}
	return ids
}

// DecodeFacts rebuilds the facts of source id from exactly the quads labelled with its IRI.
// It is the inverse of EncodeFacts: quads that do not fit the model are an error.
func DecodeFacts(id string, quads []quad.Quad) (*graph.Facts, error) {
	label := string(SourceIRI(id))
	d := &decoder{label: label, nodes: make(map[string]node)}
	for _, q := range quads {
		s, ok1 := q.Subject.(quad.IRI)
		p, ok2 := q.Predicate.(quad.IRI)
		l, ok3 := q.Label.(quad.IRI)
		if !ok1 || !ok2 || !ok3 || string(l) != label {
			d.fail("quad %s does not belong to source %q", q.String(), id)
			continue
		}
		n := d.nodes[string(s)]
		if n == nil {
			n = make(node)
			d.nodes[string(s)] = n
		}
		n[p] = append(n[p], q.Object)
	}
	src := d.nodes[label]
	if src == nil {
		return nil, fmt.Errorf("no source %q in the store; run factgraph sources to list them", id)
	}
	if k := d.text(label, src, pKind); k != graph.KindSource {
		d.fail("<%s> has kind %q, want %q", label, k, graph.KindSource)
	}
	f := &graph.Facts{Source: graph.Source{
		ID:        id,
		Title:     d.text(label, src, pTitle),
		Published: d.date(label, src, pPublished),
		Author:    d.text(label, src, pAuthor),
		Publisher: d.text(label, src, pPublisher),
		URL:       d.text(label, src, pURL),
		Text:      d.text(label, src, pText),
		Evidence:  d.evidence(label, src),
	}}
	for _, pid := range d.sectionIDs(src, secParties) {
		n := d.item(pid, graph.KindParty)
		f.Parties = append(f.Parties, graph.Party{
			ID:          pid,
			Name:        d.text(pid, n, pName),
			Kind:        d.text(pid, n, pType),
			Aliases:     d.list(pid, n, pAlias, false),
			Role:        d.text(pid, n, pRole),
			MemberOf:    d.list(pid, n, pMemberOf, true),
			Description: d.text(pid, n, pDescription),
			Evidence:    d.evidence(pid, n),
		})
	}
	for _, aid := range d.sectionIDs(src, secAgreements) {
		n := d.item(aid, graph.KindAgreement)
		f.Agreements = append(f.Agreements, graph.Agreement{
			ID:          aid,
			Name:        d.text(aid, n, pName),
			Kind:        d.text(aid, n, pType),
			Parties:     d.list(aid, n, pParty, true),
			Signed:      d.date(aid, n, pSigned),
			InForce:     d.date(aid, n, pInForce),
			Revises:     d.ref(aid, n, pRevises),
			Description: d.text(aid, n, pDescription),
			Evidence:    d.evidence(aid, n),
		})
	}
	for _, eid := range d.sectionIDs(src, secEvents) {
		n := d.item(eid, graph.KindEvent)
		f.Events = append(f.Events, graph.Event{
			ID:          eid,
			Name:        d.text(eid, n, pName),
			Date:        d.date(eid, n, pDate),
			Involves:    d.list(eid, n, pInvolves, true),
			Description: d.text(eid, n, pDescription),
			Evidence:    d.evidence(eid, n),
		})
	}
	for _, oid := range d.sectionIDs(src, secObligations) {
		n := d.item(oid, graph.KindObligation)
		f.Obligations = append(f.Obligations, graph.Obligation{
			ID:          oid,
			Bearer:      d.ref(oid, n, pBearer),
			Beneficiary: d.ref(oid, n, pBeneficiary),
			Duty:        d.text(oid, n, pDuty),
			Under:       d.ref(oid, n, pUnder),
			Condition:   d.text(oid, n, pCondition),
			Status:      d.text(oid, n, pStatus),
			Since:       d.date(oid, n, pSince),
			Until:       d.date(oid, n, pUntil),
			Evidence:    d.evidence(oid, n),
		})
	}
	claims := func(sec, kind string) []graph.Claim {
		var out []graph.Claim
		for _, cid := range d.sectionIDs(src, sec) {
			n := d.item(cid, kind)
			out = append(out, graph.Claim{
				ID:       cid,
				Kind:     kind,
				By:       d.ref(cid, n, pBy),
				Says:     d.text(cid, n, pSays),
				About:    d.list(cid, n, pAbout, true),
				Counters: d.list(cid, n, pCounters, true),
				Supports: d.list(cid, n, pSupports, true),
				Date:     d.date(cid, n, pDate),
				Evidence: d.evidence(cid, n),
			})
		}
		return out
	}
	f.Claims = claims(secClaims, graph.KindClaim)
	f.Counterclaims = claims(secCounterclaims, graph.KindCounterclaim)
	for _, key := range d.sectionIDs(src, secRelations) {
		rid := relationPrefix + key
		n := d.item(rid, graph.KindRelation)
		r := graph.Relation{
			From:     d.ref(rid, n, pFrom),
			Type:     d.text(rid, n, pType),
			To:       d.ref(rid, n, pTo),
			Since:    d.date(rid, n, pSince),
			Until:    d.date(rid, n, pUntil),
			Evidence: d.evidence(rid, n),
		}
		if relationKey(r.From, r.Type, r.To) != key {
			d.fail("<%s> has from %q, type %q and to %q, which do not match its IRI", rid, r.From, r.Type, r.To)
		}
		f.Relations = append(f.Relations, r)
	}
	if len(d.errs) > 0 {
		return nil, decodeError(id, d.errs)
	}
	return f, nil
}

func decodeError(id string, errs []string) error {
	sort.Strings(errs)
	const max = 10
	more := ""
	if len(errs) > max {
		more = fmt.Sprintf("\n(and %d more)", len(errs)-max)
		errs = errs[:max]
	}
	return fmt.Errorf("quads of source %q do not fit the factgraph model:\n%s%s", id, strings.Join(errs, "\n"), more)
}

// quadKey is a quad in N-Quads form without the final " .": a comparable, sortable key.
func quadKey(q quad.Quad) string {
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
