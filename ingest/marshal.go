package ingest

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/factgraph/factgraph/graph"
)

// marshal writes f as a facts file, every value double-quoted, so that reading it back
// gives f again (but for defaults the file may leave out, which f states). It lets facts
// that come from elsewhere than a facts file (N-Quads) pass the same checks as one.
func marshal(f *graph.Facts) []byte {
	var b bytes.Buffer
	str := func(indent, key, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s%s: %s\n", indent, key, strconv.Quote(v))
		}
	}
	date := func(indent, key string, d graph.Date) {
		if !d.IsZero() {
			str(indent, key, d.String())
		}
	}
	list := func(indent, key string, vs []string) {
		if len(vs) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s%s:\n", indent, key)
		for _, v := range vs {
			fmt.Fprintf(&b, "%s  - %s\n", indent, strconv.Quote(v))
		}
	}
	const in = "    "
	evidence := func(e graph.Evidence) {
		list(in, "quote", e.Quotes)
		str(in, "section", e.Section)
		str(in, "note", e.Note)
	}
	item := func(key, id string) { fmt.Fprintf(&b, "  - %s: %s\n", key, strconv.Quote(id)) }
	section := func(name string, n int) bool {
		if n > 0 {
			fmt.Fprintf(&b, "%s:\n", name)
		}
		return n > 0
	}

	b.WriteString("factgraph: 1\nsource:\n")
	s := f.Source
	str("  ", "id", s.ID)
	str("  ", "title", s.Title)
	date("  ", "published", s.Published)
	str("  ", "author", s.Author)
	str("  ", "publisher", s.Publisher)
	str("  ", "url", s.URL)
	str("  ", "text", s.Text)
	list("  ", "quote", s.Quotes)
	str("  ", "section", s.Section)
	str("  ", "note", s.Note)
	if section("parties", len(f.Parties)) {
		for _, p := range f.Parties {
			item("id", p.ID)
			str(in, "name", p.Name)
			str(in, "kind", p.Kind)
			list(in, "aliases", p.Aliases)
			str(in, "role", p.Role)
			list(in, "member_of", p.MemberOf)
			str(in, "description", p.Description)
			evidence(p.Evidence)
		}
	}
	if section("agreements", len(f.Agreements)) {
		for _, a := range f.Agreements {
			item("id", a.ID)
			str(in, "name", a.Name)
			str(in, "kind", a.Kind)
			list(in, "parties", a.Parties)
			date(in, "signed", a.Signed)
			date(in, "in_force", a.InForce)
			str(in, "revises", a.Revises)
			str(in, "description", a.Description)
			evidence(a.Evidence)
		}
	}
	if section("events", len(f.Events)) {
		for _, e := range f.Events {
			item("id", e.ID)
			str(in, "name", e.Name)
			date(in, "date", e.Date)
			list(in, "involves", e.Involves)
			str(in, "description", e.Description)
			evidence(e.Evidence)
		}
	}
	if section("obligations", len(f.Obligations)) {
		for _, o := range f.Obligations {
			item("id", o.ID)
			str(in, "bearer", o.Bearer)
			str(in, "beneficiary", o.Beneficiary)
			str(in, "duty", o.Duty)
			str(in, "under", o.Under)
			str(in, "condition", o.Condition)
			str(in, "status", o.Status)
			date(in, "since", o.Since)
			date(in, "until", o.Until)
			evidence(o.Evidence)
		}
	}
	for _, sec := range []struct {
		name   string
		claims []graph.Claim
	}{{"claims", f.Claims}, {"counterclaims", f.Counterclaims}} {
		if section(sec.name, len(sec.claims)) {
			for _, c := range sec.claims {
				item("id", c.ID)
				str(in, "by", c.By)
				str(in, "says", c.Says)
				list(in, "about", c.About)
				list(in, "counters", c.Counters)
				list(in, "supports", c.Supports)
				date(in, "date", c.Date)
				evidence(c.Evidence)
			}
		}
	}
	if section("relations", len(f.Relations)) {
		for _, r := range f.Relations {
			item("from", r.From)
			str(in, "type", r.Type)
			str(in, "to", r.To)
			date(in, "since", r.Since)
			date(in, "until", r.Until)
			evidence(r.Evidence)
		}
	}
	return b.Bytes()
}
