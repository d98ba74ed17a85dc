package graph

import "sort"

// Merge joins the facts of several sources into one Graph. A party or agreement stated by
// several sources appears once: its kind, name and other single values come from the first
// source (by id) that gives them, its lists (aliases, members, parties) are the union in
// that order, and its quotes are concatenated in that order. Items are sorted by id,
// relations by from, type and to, and each item's Sources lists the ids that state it.
func Merge(facts []*Facts) *Graph {
	fs := append([]*Facts(nil), facts...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Source.ID < fs[j].Source.ID })
	g := &Graph{}
	parties := map[string]*Party{}
	agreements := map[string]*Agreement{}
	events := map[string]*Event{}
	obligations := map[string]*Obligation{}
	claims := map[string]*Claim{}
	counterclaims := map[string]*Claim{}
	relations := map[string]*Relation{}
	for _, f := range fs {
		src := f.Source.ID
		g.Sources = append(g.Sources, f.Source)
		for _, p := range f.Parties {
			m := parties[p.ID]
			if m == nil {
				m = &Party{ID: p.ID}
				parties[p.ID] = m
			}
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
			m := agreements[a.ID]
			if m == nil {
				m = &Agreement{ID: a.ID}
				agreements[a.ID] = m
			}
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
			m := events[e.ID]
			if m == nil {
				m = &Event{ID: e.ID}
				events[e.ID] = m
			}
			setText(&m.Name, e.Name)
			setDate(&m.Date, e.Date)
			m.Involves = union(m.Involves, e.Involves)
			setText(&m.Description, e.Description)
			mergeEvidence(&m.Evidence, e.Evidence)
			m.Sources = addSource(m.Sources, src)
		}
		for _, o := range f.Obligations {
			m := obligations[o.ID]
			if m == nil {
				m = &Obligation{ID: o.ID}
				obligations[o.ID] = m
			}
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
		mergeClaims := func(into map[string]*Claim, list []Claim) {
			for _, c := range list {
				m := into[c.ID]
				if m == nil {
					m = &Claim{ID: c.ID, Kind: c.Kind}
					into[c.ID] = m
				}
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
			key := r.Key()
			m := relations[key]
			if m == nil {
				m = &Relation{From: r.From, Type: r.Type, To: r.To}
				relations[key] = m
			}
			setDate(&m.Since, r.Since)
			setDate(&m.Until, r.Until)
			mergeEvidence(&m.Evidence, r.Evidence)
			m.Sources = addSource(m.Sources, src)
		}
	}
	g.Parties = sortedValues(parties)
	g.Agreements = sortedValues(agreements)
	g.Events = sortedValues(events)
	g.Obligations = sortedValues(obligations)
	g.Claims = sortedValues(claims)
	g.Counterclaims = sortedValues(counterclaims)
	g.Relations = sortedValues(relations)
	sort.Slice(g.Relations, func(i, j int) bool {
		a, b := g.Relations[i], g.Relations[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.To < b.To
	})
	return g
}

func sortedValues[T any](m map[string]*T) []T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]T, 0, len(keys))
	for _, k := range keys {
		out = append(out, *m[k])
	}
	if len(out) == 0 {
		return nil
	}
	return out
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
