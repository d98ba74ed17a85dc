package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
)

// node is what one source says about one subject: its predicates and values, in the
// order of its quads. A subject has a dozen or so, so a look-up scans them: a map per
// subject of 10,000 articles' quads was a third of the decoding's time.
type node []predValue

// predValue is a predicate of a node and one of its values.
type predValue struct {
	p quad.IRI
	v quad.Value
}

// values calls fn with each value of p, in order.
func (n node) values(p quad.IRI, fn func(quad.Value)) {
	for _, x := range n {
		if x.p == p {
			fn(x.v)
		}
	}
}

// first returns the first value of p and how many values p has.
func (n node) first(p quad.IRI) (v quad.Value, count int) {
	for _, x := range n {
		if x.p == p {
			if count == 0 {
				v = x.v
			}
			count++
		}
	}
	return v, count
}

// nodeOf is the node of quads, all of one subject.
func nodeOf(quads []quad.Quad) node {
	n := make(node, 0, len(quads))
	for _, q := range quads {
		if p, ok := q.Predicate.(quad.IRI); ok {
			n = append(n, predValue{p, q.Object})
		}
	}
	return n
}

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
	v, count := n.first(p)
	switch count {
	case 0:
		return nil, false
	case 1:
		return v, true
	}
	d.fail("<%s> has %d values of %s, want one", subj, count, p)
	return v, true
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
	_, count := n.first(p)
	if count == 0 {
		return nil
	}
	set := make(map[string]bool, count)
	n.values(p, func(v quad.Value) {
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
	})
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
	out, err := stringList(ord)
	if err != nil {
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
	ids, err := stringList(v)
	if err != nil {
		d.fail("<%s> <%s%s>: not a JSON array of strings: %v", d.label, OrderPrefix, name, err)
	}
	return ids
}

// Decode rebuilds the facts of source id from exactly the quads labelled with its IRI.
// It is the inverse of Encode: quads that do not fit the model are an error.
func Decode(id string, quads []quad.Quad) (*graph.Facts, error) {
	d := &decoder{label: string(SourceIRI(id))}
	d.group(id, quads)
	return d.facts(id)
}

// facts rebuilds the facts of source id from the nodes of its quads.
func (d *decoder) facts(id string) (*graph.Facts, error) {
	label := d.label
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
	parties := d.sectionIDs(src, SecParties)
	f.Parties = sized[graph.Party](len(parties))
	for _, pid := range parties {
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
	agreements := d.sectionIDs(src, SecAgreements)
	f.Agreements = sized[graph.Agreement](len(agreements))
	for _, aid := range agreements {
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
	events := d.sectionIDs(src, SecEvents)
	f.Events = sized[graph.Event](len(events))
	for _, eid := range events {
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
	obligations := d.sectionIDs(src, SecObligations)
	f.Obligations = sized[graph.Obligation](len(obligations))
	for _, oid := range obligations {
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
		ids := d.sectionIDs(src, sec)
		out := sized[graph.Claim](len(ids))
		for _, cid := range ids {
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
	keys := d.sectionIDs(src, SecRelations)
	f.Relations = sized[graph.Relation](len(keys))
	for _, key := range keys {
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

// group puts each subject's quads of quads, all of source id, into its node, keeping their
// order.
func (d *decoder) group(id string, quads []quad.Quad) {
	var g grouper[string]
	g.start(len(quads))
	for i, q := range quads {
		s, ok1 := q.Subject.(quad.IRI)
		_, ok2 := q.Predicate.(quad.IRI)
		l, ok3 := q.Label.(quad.IRI)
		if !ok1 || !ok2 || !ok3 || string(l) != d.label {
			d.fail("quad %s does not belong to source %q", q.String(), id)
			g.skip(i)
			continue
		}
		g.add(i, string(s), string(s))
	}
	d.nodes = g.nodes(func(i int) predValue { return predValue{quads[i].Predicate.(quad.IRI), quads[i].Object} })
}

// grouper lays out the quads of one source by subject, keeping their order: the quads are
// counted by subject (keyed by K: its text, or its index in a Table), then laid out in one
// slice that the subjects' nodes share.
type grouper[K comparable] struct {
	slot      []int32 // each quad's subject's slot; -1 for a quad left out
	bySubject map[K]int32
	subjects  []string
	at        []int32 // the quads of each subject, then where its first and next go
}

func (g *grouper[K]) start(n int) {
	g.slot = make([]int32, n)
	g.bySubject = map[K]int32{}
}

func (g *grouper[K]) skip(i int) { g.slot[i] = -1 }

// add puts quad i under the subject of key and IRI subject.
func (g *grouper[K]) add(i int, key K, subject string) {
	k, ok := g.bySubject[key]
	if !ok {
		k = int32(len(g.subjects))
		g.bySubject[key] = k
		g.subjects = append(g.subjects, subject)
		g.at = append(g.at, 0)
	}
	g.at[k]++
	g.slot[i] = k
}

// nodes returns the nodes by subject, pv giving quad i's predicate and object.
func (g *grouper[K]) nodes(pv func(i int) predValue) map[string]node {
	first := int32(0)
	for k, n := range g.at {
		g.at[k] = first
		first += n
	}
	all := make(node, first)
	next := slices.Clone(g.at)
	for i, k := range g.slot {
		if k >= 0 {
			all[next[k]] = pv(i)
			next[k]++
		}
	}
	nodes := make(map[string]node, len(g.subjects))
	for k, s := range g.subjects {
		nodes[s] = all[g.at[k]:next[k]:next[k]]
	}
	return nodes
}

// sized returns a slice with room for n, nil for none (as a section without items
// decodes to).
func sized[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
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
	n := nodeOf(src)
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
	n := nodeOf(src)
	var ids []string
	for _, sec := range []string{SecParties, SecAgreements, SecEvents, SecObligations, SecClaims, SecCounterclaims} {
		ids = append(ids, d.sectionIDs(n, sec)...)
	}
	if len(d.errs) > 0 {
		return nil, DecodeError(id, d.errs)
	}
	return ids, nil
}
