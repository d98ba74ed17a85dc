package model

import (
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
)

// What factgraph's own indexes list of a quad, whatever database holds them: the name
// index (a folded name, alias or title and the item or source it names) and the link
// index (the quads that may link an item to another, both ways, an item's kind and its
// date). store/boltstore keeps them as keys of bolt buckets, store/pgstore as rows of
// tables; docs/model.md describes both.

// The ends under which the link index lists a quad.
const (
	LinkOut  = '>' // a link, under its subject
	LinkIn   = '<' // a link, under its object
	LinkKind = '=' // an item's kind, under the item
	LinkDate = '@' // an item's date, under the item
)

// NameQuad says whether q states a name, alias or title under a source's label, and
// returns the name and the subject it names.
func NameQuad(q quad.Quad) (string, quad.IRI, bool) {
	if q.Predicate != Name && q.Predicate != Alias && q.Predicate != Title {
		return "", "", false
	}
	name, ok1 := q.Object.(quad.String)
	subj, ok2 := q.Subject.(quad.IRI)
	label, ok3 := q.Label.(quad.IRI)
	if !ok1 || !ok2 || !ok3 || !strings.HasPrefix(string(label), SourcePrefix) {
		return "", "", false
	}
	return string(name), subj, true
}

// FoldedName is the name index's form of a name (graph.FoldName).
func FoldedName(name string) string { return graph.FoldName(name) }

// LinkEnds returns the ends under which the link index lists q: LinkOut and LinkIn for a
// reference field or a relation type between two IRIs, LinkKind for the kind of an item,
// LinkDate for its date, each under a source's label; none for other quads.
func LinkEnds(q quad.Quad) []byte {
	p, ok1 := q.Predicate.(quad.IRI)
	_, ok2 := q.Subject.(quad.IRI)
	l, ok3 := q.Label.(quad.IRI)
	if !ok1 || !ok2 || !ok3 || !strings.HasPrefix(string(l), SourcePrefix) {
		return nil
	}
	if _, ok := q.Object.(quad.IRI); ok && (IsRef(p) || IsRelationType(p)) {
		return []byte{LinkOut, LinkIn}
	}
	if k, ok := q.Object.(quad.String); ok && p == Kind && IsItemKind(string(k)) {
		return []byte{LinkKind}
	}
	if _, ok := q.Object.(quad.TypedString); ok && p == Date {
		return []byte{LinkDate}
	}
	return nil
}

// LinkPredicate says whether quads of predicate p may be listed (LinkEnds), so that a
// read can drop the others before decoding them.
func LinkPredicate(p quad.IRI) bool {
	return IsRef(p) || IsRelationType(p) || p == Kind || p == Date
}

// LinkRow is an entry of the link index: the item it is under, its end, the predicate (or
// the kind, or the date as written), the other end ("" for a kind or a date) and the id of
// the source that states it.
type LinkRow struct {
	Item       string
	At         byte
	Mid, Other string
	Source     string
}

// LinkRowOf is the entry of q, one of LinkEnds(q), under its end at.
func LinkRowOf(q quad.Quad, at byte) LinkRow {
	r := LinkRow{At: at, Source: strings.TrimPrefix(string(q.Label.(quad.IRI)), SourcePrefix)}
	switch at {
	case LinkKind:
		r.Item, r.Mid = string(q.Subject.(quad.IRI)), string(q.Object.(quad.String))
	case LinkDate:
		r.Item, r.Mid = string(q.Subject.(quad.IRI)), string(q.Object.(quad.TypedString).Value)
	case LinkIn:
		r.Item, r.Mid, r.Other = string(q.Object.(quad.IRI)), string(q.Predicate.(quad.IRI)), string(q.Subject.(quad.IRI))
	default:
		r.Item, r.Mid, r.Other = string(q.Subject.(quad.IRI)), string(q.Predicate.(quad.IRI)), string(q.Object.(quad.IRI))
	}
	return r
}
