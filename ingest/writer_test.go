package ingest

import (
	"go.yaml.in/yaml/v3"

	"github.com/factgraph/factgraph/graph"
)

// encodeFacts writes facts back as a facts file, every value double-quoted so that YAML
// keeps it as written. Round trips use it: what Parse accepted, written and parsed again,
// must give the same facts.
func encodeFacts(f *graph.Facts) ([]byte, error) {
	top := &mapNode{}
	top.add("factgraph", plain("1"))
	src := &mapNode{}
	src.text("id", f.Source.ID)
	src.text("title", f.Source.Title)
	src.date("published", f.Source.Published)
	src.text("author", f.Source.Author)
	src.text("publisher", f.Source.Publisher)
	src.text("url", f.Source.URL)
	src.text("text", f.Source.Text)
	src.evidence(f.Source.Evidence)
	top.add("source", src.node())
	top.list("parties", len(f.Parties), func(i int, m *mapNode) {
		x := f.Parties[i]
		m.text("id", x.ID)
		m.text("name", x.Name)
		m.text("kind", x.Kind)
		m.texts("aliases", x.Aliases)
		m.text("role", x.Role)
		m.texts("member_of", x.MemberOf)
		m.text("description", x.Description)
		m.evidence(x.Evidence)
	})
	top.list("agreements", len(f.Agreements), func(i int, m *mapNode) {
		x := f.Agreements[i]
		m.text("id", x.ID)
		m.text("name", x.Name)
		m.text("kind", x.Kind)
		m.texts("parties", x.Parties)
		m.date("signed", x.Signed)
		m.date("in_force", x.InForce)
		m.text("revises", x.Revises)
		m.text("description", x.Description)
		m.evidence(x.Evidence)
	})
	top.list("events", len(f.Events), func(i int, m *mapNode) {
		x := f.Events[i]
		m.text("id", x.ID)
		m.text("name", x.Name)
		m.date("date", x.Date)
		m.texts("involves", x.Involves)
		m.text("description", x.Description)
		m.evidence(x.Evidence)
	})
	top.list("obligations", len(f.Obligations), func(i int, m *mapNode) {
		x := f.Obligations[i]
		m.text("id", x.ID)
		m.text("bearer", x.Bearer)
		m.text("beneficiary", x.Beneficiary)
		m.text("duty", x.Duty)
		m.text("under", x.Under)
		m.text("condition", x.Condition)
		m.text("status", x.Status)
		m.date("since", x.Since)
		m.date("until", x.Until)
		m.evidence(x.Evidence)
	})
	claims := func(cs []graph.Claim) func(i int, m *mapNode) {
		return func(i int, m *mapNode) {
			x := cs[i]
			m.text("id", x.ID)
			m.text("by", x.By)
			m.text("says", x.Says)
			m.texts("about", x.About)
			m.texts("counters", x.Counters)
			m.texts("supports", x.Supports)
			m.date("date", x.Date)
			m.evidence(x.Evidence)
		}
	}
	top.list("claims", len(f.Claims), claims(f.Claims))
	top.list("counterclaims", len(f.Counterclaims), claims(f.Counterclaims))
	top.list("relations", len(f.Relations), func(i int, m *mapNode) {
		x := f.Relations[i]
		m.text("from", x.From)
		m.text("type", x.Type)
		m.text("to", x.To)
		m.date("since", x.Since)
		m.date("until", x.Until)
		m.evidence(x.Evidence)
	})
	return yaml.Marshal(top.node())
}

type mapNode struct{ content []*yaml.Node }

func (m *mapNode) node() *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: m.content}
}

func (m *mapNode) add(key string, v *yaml.Node) {
	m.content = append(m.content, plain(key), v)
}

func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func (m *mapNode) text(key, s string) {
	if s != "" {
		m.add(key, quoted(s))
	}
}

func (m *mapNode) date(key string, d graph.Date) { m.text(key, d.String()) }

func (m *mapNode) texts(key string, ss []string) {
	if len(ss) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, s := range ss {
		seq.Content = append(seq.Content, quoted(s))
	}
	m.add(key, seq)
}

func (m *mapNode) evidence(e graph.Evidence) {
	m.texts("quote", e.Quotes)
	m.text("section", e.Section)
	m.text("note", e.Note)
}

func (m *mapNode) list(key string, n int, item func(i int, m *mapNode)) {
	if n == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for i := range n {
		im := &mapNode{}
		item(i, im)
		seq.Content = append(seq.Content, im.node())
	}
	m.add(key, seq)
}
