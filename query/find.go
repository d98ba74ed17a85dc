package query

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// FindOptions says what Find looks for.
type FindOptions struct {
	Text   string // what an id, name, alias, title, duty, assertion or description contains
	Kind   string // only items of this kind (graph.KindParty, ...); "" for any
	Source string // only items this source states; "" for any
}

// Check reports a kind that is not a kind of item, and an empty text, before anything is
// read.
func (o FindOptions) Check() error {
	if strings.TrimSpace(o.Text) == "" {
		return fmt.Errorf("find needs some text to look for")
	}
	if o.Kind == "" || slices.Contains(itemKinds, o.Kind) {
		return nil
	}
	if near, ok := suggest.Closest(o.Kind, itemKinds); ok {
		return fmt.Errorf("unknown kind %q; did you mean %q?", o.Kind, near)
	}
	return fmt.Errorf("unknown kind %q; want one of %s", o.Kind, strings.Join(itemKinds, ", "))
}

// Found is one item Find found: what it is, where the text was found, and the sources that
// state it.
type Found struct {
	Kind    string   `json:"kind"`
	ID      string   `json:"id"`
	Type    string   `json:"type,omitempty"` // a party's or agreement's kind, an obligation's status
	Label   string   `json:"label"`          // name, title, duty or assertion
	Matched []string `json:"matched"`        // the fields that contain the text: id, name, alias, ...
	Sources []string `json:"sources"`
}

// FindResult is the answer to Find: the items in section order (sources, parties,
// agreements, events, obligations, claims, counterclaims), then by id.
type FindResult struct {
	Text   string  `json:"text"`
	Kind   string  `json:"kind,omitempty"`
	Source string  `json:"source,omitempty"`
	Items  []Found `json:"items"`
}

// Find lists every item whose id, name, alias, title, duty, assertion or description
// contains o.Text, ignoring case, accents and runs of spaces.
func Find(g *graph.Graph, o FindOptions) (*FindResult, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	if g == nil {
		g = &graph.Graph{}
	}
	want := searchFold(o.Text)
	res := &FindResult{Text: o.Text, Kind: o.Kind, Source: o.Source, Items: []Found{}}
	add := func(kind, id, typ, label string, sources []string, fields ...string) {
		if o.Kind != "" && kind != o.Kind || o.Source != "" && !slices.Contains(sources, o.Source) {
			return
		}
		var matched []string
		for i := 0; i+1 < len(fields); i += 2 {
			if strings.Contains(searchFold(fields[i+1]), want) && !slices.Contains(matched, fields[i]) {
				matched = append(matched, fields[i])
			}
		}
		if len(matched) > 0 {
			res.Items = append(res.Items, Found{Kind: kind, ID: id, Type: typ, Label: label, Matched: matched, Sources: sources})
		}
	}
	for _, s := range g.Sources {
		add(graph.KindSource, s.ID, "", s.Title, []string{s.ID}, "id", s.ID, "title", s.Title)
	}
	for _, p := range g.Parties {
		fields := []string{"id", p.ID, "name", p.Name}
		for _, a := range p.Aliases {
			fields = append(fields, "alias", a)
		}
		add(graph.KindParty, p.ID, p.Kind, p.Name, p.Sources, append(fields, "description", p.Description)...)
	}
	for _, a := range g.Agreements {
		add(graph.KindAgreement, a.ID, a.Kind, a.Name, a.Sources, "id", a.ID, "name", a.Name, "description", a.Description)
	}
	for _, e := range g.Events {
		add(graph.KindEvent, e.ID, "", e.Name, e.Sources, "id", e.ID, "name", e.Name, "description", e.Description)
	}
	for _, ob := range g.Obligations {
		add(graph.KindObligation, ob.ID, statusOf(ob), ob.Duty, ob.Sources, "id", ob.ID, "duty", ob.Duty)
	}
	for _, cs := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range cs {
			add(kindOf(c, graph.KindClaim), c.ID, "", c.Says, c.Sources, "id", c.ID, "says", c.Says)
		}
	}
	rank := func(kind string) int { return slices.Index(itemKinds, kind) }
	sort.SliceStable(res.Items, func(i, j int) bool {
		a, b := res.Items[i], res.Items[j]
		if ra, rb := rank(a.Kind), rank(b.Kind); ra != rb {
			return ra < rb
		}
		return a.ID < b.ID
	})
	return res, nil
}

// searchFold is how Find compares text: lower case, without accents (é is e), runs of
// white space as one space.
func searchFold(s string) string {
	if folded, ok := graph.FoldASCII(s); ok {
		return folded // nothing to take apart or drop: most ids, names and texts
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return graph.FoldName(b.String())
}

// shortLabel cuts a long label to a line of the table.
func shortLabel(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return strings.TrimRight(string(r[:n-1]), " ") + "…"
	}
	return s
}

// sourceList names the sources of an item in a table cell: a party that a thousand
// articles name is stated by a thousand sources.
func sourceList(ids []string) string {
	const shown = 2
	if len(ids) <= shown+1 {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:shown], ", "), len(ids)-shown)
}

// WriteText writes the items found as a table: kind, id, name or the start of the text,
// and the sources that state each.
func (r *FindResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	if len(r.Items) == 0 {
		what := "item"
		if r.Kind != "" {
			what = r.Kind
		}
		_, err := fmt.Fprintf(w, "no %s's id, name, alias, duty or text contains %q\n", what, r.Text)
		return err
	}
	// One line an item: the start of a long text is enough to tell the items apart.
	t := newTable(w, width, column{head: "KIND"}, column{head: "ID"}, column{head: "NAME OR TEXT"}, column{head: "SOURCE"})
	for _, f := range r.Items {
		t.row(f.Kind, f.ID, shortLabel(f.Label, 48), sourceList(f.Sources))
	}
	return t.flush()
}
