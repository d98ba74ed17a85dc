package model

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
)

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
	dt, err := ParseDateValue(v)
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
		Quotes:  d.list(subj, n, Quote, false),
		Section: d.text(subj, n, Section),
		Note:    d.text(subj, n, Note),
	}
}

// item returns the node of id, checking that the source gives it the expected kind.
func (d *decoder) item(id, kind string) node {
	n := d.nodes[id]
	if got := d.text(id, n, Kind); got != kind {
		d.fail("<%s> is listed as a %s but has kind %q", id, kind, got)
	}
	return n
}

func (d *decoder) sectionIDs(src node, name string) []string {
	v := d.text(d.label, src, quad.IRI(OrderPrefix+name))
	if v == "" {
		return nil
	}
	var ids []string
	if err := json.Unmarshal([]byte(v), &ids); err != nil {
		d.fail("<%s> <%s%s>: not a JSON array of strings: %v", d.label, OrderPrefix, name, err)
	}
	return ids
}

// Decode rebuilds the facts of source id from exactly the quads labelled with its IRI.
// It is the inverse of Encode: quads that do not fit the model are an error.
func Decode(id string, quads []quad.Quad) (*graph.Facts, error) {
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
	if k := d.text(label, src, Kind); k != graph.KindSource {
		d.fail("<%s> has kind %q, want %q", label, k, graph.KindSource)
	}
	f := &graph.Facts{Source: graph.Source{
		ID:        id,
		Title:     d.text(label, src, Title),
		Published: d.date(label, src, Published),
		Author:    d.text(label, src, Author),
		Publisher: d.text(label, src, Publisher),
		URL:       d.text(label, src, URL),
		Text:      d.text(label, src, Text),
		Evidence:  d.evidence(label, src),
	}}
	for _, pid := range d.sectionIDs(src, SecParties) {
		n := d.item(pid, graph.KindParty)
		f.Parties = append(f.Parties, graph.Party{
			ID:          pid,
			Name:        d.text(pid, n, Name),
			Kind:        d.text(pid, n, Type),
			Aliases:     d.list(pid, n, Alias, false),
			Role:        d.text(pid, n, Role),
			MemberOf:    d.list(pid, n, MemberOf, true),
			Description: d.text(pid, n, Description),
			Evidence:    d.evidence(pid, n),
		})
	}
	for _, aid := range d.sectionIDs(src, SecAgreements) {
		n := d.item(aid, graph.KindAgreement)
		f.Agreements = append(f.Agreements, graph.Agreement{
			ID:          aid,
			Name:        d.text(aid, n, Name),
			Kind:        d.text(aid, n, Type),
			Parties:     d.list(aid, n, Party, true),
			Signed:      d.date(aid, n, Signed),
			InForce:     d.date(aid, n, InForce),
			Revises:     d.ref(aid, n, Revises),
			Description: d.text(aid, n, Description),
			Evidence:    d.evidence(aid, n),
		})
	}
	for _, eid := range d.sectionIDs(src, SecEvents) {
		n := d.item(eid, graph.KindEvent)
		f.Events = append(f.Events, graph.Event{
			ID:          eid,
			Name:        d.text(eid, n, Name),
			Date:        d.date(eid, n, Date),
			Involves:    d.list(eid, n, Involves, true),
			Description: d.text(eid, n, Description),
			Evidence:    d.evidence(eid, n),
		})
	}
	for _, oid := range d.sectionIDs(src, SecObligations) {
		n := d.item(oid, graph.KindObligation)
		f.Obligations = append(f.Obligations, graph.Obligation{
			ID:          oid,
			Bearer:      d.ref(oid, n, Bearer),
			Beneficiary: d.ref(oid, n, Beneficiary),
			Duty:        d.text(oid, n, Duty),
			Under:       d.ref(oid, n, Under),
			Condition:   d.text(oid, n, Condition),
			Status:      d.text(oid, n, Status),
			Since:       d.date(oid, n, Since),
			Until:       d.date(oid, n, Until),
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
				By:       d.ref(cid, n, By),
				Says:     d.text(cid, n, Says),
				About:    d.list(cid, n, About, true),
				Counters: d.list(cid, n, Counters, true),
				Supports: d.list(cid, n, Supports, true),
				Date:     d.date(cid, n, Date),
				Evidence: d.evidence(cid, n),
			})
		}
		return out
	}
	f.Claims = claims(SecClaims, graph.KindClaim)
	f.Counterclaims = claims(SecCounterclaims, graph.KindCounterclaim)
	for _, key := range d.sectionIDs(src, SecRelations) {
		rid := RelationPrefix + key
		n := d.item(rid, graph.KindRelation)
		r := graph.Relation{
			From:     d.ref(rid, n, From),
			Type:     d.text(rid, n, Type),
			To:       d.ref(rid, n, To),
			Since:    d.date(rid, n, Since),
			Until:    d.date(rid, n, Until),
			Evidence: d.evidence(rid, n),
		}
		if RelationKey(r.From, r.Type, r.To) != key {
			d.fail("<%s> has from %q, type %q and to %q, which do not match its IRI", rid, r.From, r.Type, r.To)
		}
		f.Relations = append(f.Relations, r)
	}
	if len(d.errs) > 0 {
		return nil, DecodeError(id, d.errs)
	}
	return f, nil
}

func DecodeError(id string, errs []string) error {
	sort.Strings(errs)
	const max = 10
	more := ""
	if len(errs) > max {
		more = fmt.Sprintf("\n(and %d more)", len(errs)-max)
		errs = errs[:max]
	}
	return fmt.Errorf("quads of source %q do not fit the factgraph model:\n%s%s", id, strings.Join(errs, "\n"), more)
}

// Subjects returns the subjects that hold the quads of source id, sorted, from the quads
// of its own node (src): the items its sections list, and each relation's node and from
// item.
func Subjects(id string, src []quad.Quad) ([]quad.IRI, error) {
	subjects := make(map[quad.IRI]bool)
	d := &decoder{label: string(SourceIRI(id))}
	n := make(node)
	for _, q := range src {
		if p, ok := q.Predicate.(quad.IRI); ok {
			n[p] = append(n[p], q.Object)
		}
	}
	for _, sec := range []string{SecParties, SecAgreements, SecEvents, SecObligations, SecClaims, SecCounterclaims} {
		for _, id := range d.sectionIDs(n, sec) {
			subjects[ItemIRI(id)] = true
		}
	}
	for _, key := range d.sectionIDs(n, SecRelations) {
		subjects[quad.IRI(RelationPrefix+key)] = true
		from, _, _ := strings.Cut(key, "/")
		subjects[ItemIRI(from)] = true
	}
	if len(d.errs) > 0 {
		return nil, DecodeError(id, d.errs)
	}
	list := make([]quad.IRI, 0, len(subjects))
	for subj := range subjects {
		list = append(list, subj)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	return list, nil
}

// Items returns the ids of the items that source id states, in the order of its sections,
// from the quads of its own node (src).
func Items(id string, src []quad.Quad) ([]string, error) {
	d := &decoder{label: string(SourceIRI(id))}
	n := make(node)
	for _, q := range src {
		if p, ok := q.Predicate.(quad.IRI); ok {
			n[p] = append(n[p], q.Object)
		}
	}
	var ids []string
	for _, sec := range []string{SecParties, SecAgreements, SecEvents, SecObligations, SecClaims, SecCounterclaims} {
		ids = append(ids, d.sectionIDs(n, sec)...)
	}
	if len(d.errs) > 0 {
		return nil, DecodeError(id, d.errs)
	}
	return ids, nil
}
