package graph

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/internal/reorder"
)

// Merge joins the facts of several sources into one Graph. A party or agreement stated by
// several sources appears once: its kind, name and other single values come from the first
// source (by id) that gives them, its lists (aliases, members, parties) are the union in
// that order, and its quotes are concatenated in that order. Items are sorted by id,
// relations by from, type and to, and each item's Sources lists the ids that state it.
func Merge(facts []*Facts) *Graph {
	fs := append([]*Facts(nil), facts...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Source.ID < fs[j].Source.ID })
	g := &Graph{}
	if len(fs) > 0 {
		g.Sources = make([]Source, 0, len(fs))
	}
	var n [7]int // how many of each kind the sources state, an item stated twice twice
	for _, f := range fs {
		for k, l := range [...]int{len(f.Parties), len(f.Agreements), len(f.Events), len(f.Obligations), len(f.Claims), len(f.Counterclaims), len(f.Relations)} {
			n[k] += l
		}
	}
	parties := newMerged[Party](n[0])
	agreements := newMerged[Agreement](n[1])
	events := newMerged[Event](n[2])
	obligations := newMerged[Obligation](n[3])
	claims := newMerged[Claim](n[4])
	counterclaims := newMerged[Claim](n[5])
	relations := newMerged[Relation](n[6])
	for _, f := range fs {
		src := f.Source.ID
		g.Sources = append(g.Sources, f.Source)
		for _, p := range f.Parties {
			m := parties.get(p.ID, func() Party { return Party{ID: p.ID} })
			setText(&m.Name, p.Name)
			setText(&m.Kind, p.Kind)
			m.Aliases = union(m.Aliases, p.Aliases)
			setText(&m.Role, p.Role)
			m.MemberOf = union(m.MemberOf, p.MemberOf)
			setText(&m.Description, p.Description)
			mergeEvidence(&m.Evidence, p.Evidence)
			m.Sources = addSource(m.Sources, src)
		}
		for _, a := range f.Agreements {
			m := agreements.get(a.ID, func() Agreement { return Agreement{ID: a.ID} })
			setText(&m.Name, a.Name)
			setText(&m.Kind, a.Kind)
			m.Parties = union(m.Parties, a.Parties)
			setDate(&m.Signed, a.Signed)
			setDate(&m.InForce, a.InForce)
			setText(&m.Revises, a.Revises)
			setText(&m.Description, a.Description)
			mergeEvidence(&m.Evidence, a.Evidence)
			m.Sources = addSource(m.Sources, src)
		}
		for _, e := range f.Events {
			m := events.get(e.ID, func() Event { return Event{ID: e.ID} })
			setText(&m.Name, e.Name)
			setDate(&m.Date, e.Date)
			m.Involves = union(m.Involves, e.Involves)
			setText(&m.Description, e.Description)
			mergeEvidence(&m.Evidence, e.Evidence)
			m.Sources = addSource(m.Sources, src)
		}
		for _, o := range f.Obligations {
			m := obligations.get(o.ID, func() Obligation { return Obligation{ID: o.ID} })
			setText(&m.Bearer, o.Bearer)
			setText(&m.Beneficiary, o.Beneficiary)
			setText(&m.Duty, o.Duty)
			setText(&m.Under, o.Under)
			setText(&m.Condition, o.Condition)
			setText(&m.Status, o.Status)
			setDate(&m.Since, o.Since)
			setDate(&m.Until, o.Until)
			mergeEvidence(&m.Evidence, o.Evidence)
			m.Sources = addSource(m.Sources, src)
		}
		mergeClaims := func(into *merged[Claim], list []Claim) {
			for _, c := range list {
				m := into.get(c.ID, func() Claim { return Claim{ID: c.ID, Kind: c.Kind} })
				setText(&m.By, c.By)
				setText(&m.Says, c.Says)
				m.About = union(m.About, c.About)
				m.Counters = union(m.Counters, c.Counters)
				m.Supports = union(m.Supports, c.Supports)
				setDate(&m.Date, c.Date)
				mergeEvidence(&m.Evidence, c.Evidence)
				m.Sources = addSource(m.Sources, src)
			}
		}
		mergeClaims(claims, f.Claims)
		mergeClaims(counterclaims, f.Counterclaims)
		for _, r := range f.Relations {
			m := relations.get(r.Key(), func() Relation { return Relation{From: r.From, Type: r.Type, To: r.To} })
			setDate(&m.Since, r.Since)
			setDate(&m.Until, r.Until)
			mergeEvidence(&m.Evidence, r.Evidence)
			m.Sources = addSource(m.Sources, src)
		}
	}
	byID := func(id func(int) string) func(a, b int32) int {
		return func(a, b int32) int { return strings.Compare(id(int(a)), id(int(b))) }
	}
	g.Parties = parties.sorted(byID(func(i int) string { return parties.list[i].ID }))
	g.Agreements = agreements.sorted(byID(func(i int) string { return agreements.list[i].ID }))
	g.Events = events.sorted(byID(func(i int) string { return events.list[i].ID }))
	g.Obligations = obligations.sorted(byID(func(i int) string { return obligations.list[i].ID }))
	g.Claims = claims.sorted(byID(func(i int) string { return claims.list[i].ID }))
	g.Counterclaims = counterclaims.sorted(byID(func(i int) string { return counterclaims.list[i].ID }))
	rs := relations.list
	g.Relations = relations.sorted(func(i, j int32) int {
		a, b := &rs[i], &rs[j]
		return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.Type, b.Type), strings.Compare(a.To, b.To))
	})
	return g
}

// merged holds the items of one kind as Merge joins them: each once, in the order first
// stated, with its place by key. Held as values in one slice, not one allocation an item.
type merged[T any] struct {
	at   map[string]int32
	list []T
}

// newMerged makes room for n items.
func newMerged[T any](n int) *merged[T] {
	return &merged[T]{at: make(map[string]int32, n), list: make([]T, 0, n)}
}

// get returns the item of key, made by first when it is new. The pointer is good until
// the next get.
func (m *merged[T]) get(key string, first func() T) *T {
	i, ok := m.at[key]
	if !ok {
		i = int32(len(m.list))
		m.at[key] = i
		m.list = append(m.list, first())
	}
	return &m.list[i]
}

// sorted returns the items in the order compare gives their places (a total order), moving
// each once; nil for none.
func (m *merged[T]) sorted(compare func(a, b int32) int) []T {
	if len(m.list) == 0 {
		return nil
	}
	reorder.Sort(m.list, compare)
	if cap(m.list) > len(m.list)+len(m.list)/8 {
		return slices.Clone(m.list) // room was made for every statement of a shared item
	}
	return m.list
}

func setText(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func setDate(dst *Date, v Date) {
	if dst.IsZero() {
		*dst = v
	}
}

// union appends to dst the values of add it does not hold yet.
func union(dst, add []string) []string {
	for _, v := range add {
		found := false
		for _, w := range dst {
			if v == w {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, v)
		}
	}
	return dst
}

func mergeEvidence(dst *Evidence, ev Evidence) {
	dst.Quotes = append(dst.Quotes, ev.Quotes...)
	setText(&dst.Section, ev.Section)
	setText(&dst.Note, ev.Note)
}

// addSource adds id to a sorted list; sources arrive in id order, so it appends.
func addSource(list []string, id string) []string {
	if n := len(list); n > 0 && list[n-1] == id {
		return list
	}
	return append(list, id)
}
