package synth

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// yamlWriter writes a facts file by hand: the layout is fixed, so the bytes are too, and
// writing 10k articles costs little. Strings are always double-quoted (Go's quoting is
// valid YAML); ids, versions and dates are plain, so dates also exercise the reader's
// refusal to turn 1951 into an integer or 1951-09-08 into a timestamp.
type yamlWriter struct {
	w   *bufio.Writer
	err error
}

func (y *yamlWriter) printf(format string, args ...any) {
	if y.err == nil {
		_, y.err = fmt.Fprintf(y.w, format, args...)
	}
}

func (y *yamlWriter) str(indent, key, v string) {
	if v != "" {
		y.printf("%s%s: %s\n", indent, key, strconv.Quote(v))
	}
}

func (y *yamlWriter) plain(indent, key, v string) {
	if v != "" {
		y.printf("%s%s: %s\n", indent, key, v)
	}
}

func (y *yamlWriter) date(indent, key string, d graph.Date) {
	if d.Precision != graph.NoDate {
		y.printf("%s%s: %s\n", indent, key, d.String())
	}
}

// ids writes a flow list of ids: [a, b].
func (y *yamlWriter) ids(indent, key string, v []string) {
	if len(v) > 0 {
		y.printf("%s%s: [%s]\n", indent, key, strings.Join(v, ", "))
	}
}

func (y *yamlWriter) strs(indent, key string, v []string) {
	if len(v) == 0 {
		return
	}
	y.printf("%s%s:\n", indent, key)
	for _, s := range v {
		y.printf("%s  - %s\n", indent, strconv.Quote(s))
	}
}

// evidence writes a single quote as a string and several as a list, so both forms are read.
func (y *yamlWriter) evidence(e graph.Evidence) {
	const in = "    "
	switch len(e.Quotes) {
	case 0:
	case 1:
		y.str(in, "quote", e.Quotes[0])
	default:
		y.strs(in, "quote", e.Quotes)
	}
	y.str(in, "section", e.Section)
	y.str(in, "note", e.Note)
}

// WriteYAML writes the article's facts file.
func (a *Article) WriteYAML(w io.Writer) error {
	y := &yamlWriter{w: bufio.NewWriter(w)}
	f := a.Facts
	const in = "    "
	y.printf("factgraph: 1\n\nsource:\n")
	s := f.Source
	y.plain("  ", "id", s.ID)
	y.str("  ", "title", s.Title)
	y.date("  ", "published", s.Published)
	y.str("  ", "author", s.Author)
	y.str("  ", "publisher", s.Publisher)
	y.str("  ", "url", s.URL)
	y.str("  ", "text", s.Text)
	y.str("  ", "note", s.Note)

	y.printf("\nparties:\n")
	for _, p := range f.Parties {
		y.printf("  - id: %s\n", p.ID)
		y.str(in, "name", p.Name)
		y.plain(in, "kind", p.Kind)
		y.strs(in, "aliases", p.Aliases)
		y.str(in, "role", p.Role)
		y.ids(in, "member_of", p.MemberOf)
		y.str(in, "description", p.Description)
		y.evidence(p.Evidence)
	}
	y.printf("\nagreements:\n")
	for _, a := range f.Agreements {
		y.printf("  - id: %s\n", a.ID)
		y.str(in, "name", a.Name)
		y.plain(in, "kind", a.Kind)
		y.ids(in, "parties", a.Parties)
		y.date(in, "signed", a.Signed)
		y.date(in, "in_force", a.InForce)
		y.plain(in, "revises", a.Revises)
		y.str(in, "description", a.Description)
		y.evidence(a.Evidence)
	}
	y.printf("\nevents:\n")
	for _, e := range f.Events {
		y.printf("  - id: %s\n", e.ID)
		y.str(in, "name", e.Name)
		y.date(in, "date", e.Date)
		y.ids(in, "involves", e.Involves)
		y.str(in, "description", e.Description)
		y.evidence(e.Evidence)
	}
	y.printf("\nobligations:\n")
	for i, o := range f.Obligations {
		y.printf("  - id: %s\n", o.ID)
		y.plain(in, "bearer", o.Bearer)
		y.plain(in, "beneficiary", o.Beneficiary)
		y.str(in, "duty", o.Duty)
		y.plain(in, "under", o.Under)
		y.str(in, "condition", o.Condition)
		if o.Status != graph.ObligationStatuses[0] || i%2 == 0 {
			y.plain(in, "status", o.Status) // the default is left out of every other one
		}
		y.date(in, "since", o.Since)
		y.date(in, "until", o.Until)
		y.evidence(o.Evidence)
	}
	for _, sec := range []struct {
		key    string
		claims []graph.Claim
	}{{"claims", f.Claims}, {"counterclaims", f.Counterclaims}} {
		y.printf("\n%s:\n", sec.key)
		for _, c := range sec.claims {
			y.printf("  - id: %s\n", c.ID)
			y.plain(in, "by", c.By)
			y.str(in, "says", c.Says)
			y.ids(in, "about", c.About)
			y.ids(in, "counters", c.Counters)
			y.ids(in, "supports", c.Supports)
			y.date(in, "date", c.Date)
			y.evidence(c.Evidence)
		}
	}
	y.printf("\nrelations:\n")
	for _, r := range f.Relations {
		y.printf("  - from: %s\n", r.From)
		y.plain(in, "type", r.Type)
		y.plain(in, "to", r.To)
		y.date(in, "since", r.Since)
		y.date(in, "until", r.Until)
		y.evidence(r.Evidence)
	}
	if y.err != nil {
		return fmt.Errorf("write facts of %q: %w", a.Name, y.err)
	}
	if err := y.w.Flush(); err != nil {
		return fmt.Errorf("write facts of %q: %w", a.Name, err)
	}
	return nil
}
