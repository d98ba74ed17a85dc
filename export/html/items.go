package html

import (
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// Items returns every item of g whole, by id, with the fields of the facts format in its
// order. Items that g holds only by name (a targeted read's names) are marked Brief.
func Items(g *graph.Graph) map[string]*Item {
	out := make(map[string]*Item)
	add := func(it *Item, ev graph.Evidence, sources []string) {
		it.Fields = append(it.Fields, textField("section", ev.Section), textField("note", ev.Note))
		it.Fields = keepSet(it.Fields)
		it.Quotes, it.Sources = ev.Quotes, sources
		it.Brief = len(sources) == 0
		out[it.ID] = it
	}
	for _, p := range g.Parties {
		add(&Item{ID: p.ID, Kind: graph.KindParty, Label: p.Name, Aliases: p.Aliases, Fields: []Field{
			textField("name", p.Name), textField("kind", p.Kind), textField("aliases", strings.Join(p.Aliases, ", ")),
			textField("role", p.Role), idsField("member_of", p.MemberOf...), textField("description", p.Description),
		}}, p.Evidence, p.Sources)
	}
	for _, a := range g.Agreements {
		add(&Item{ID: a.ID, Kind: graph.KindAgreement, Label: a.Name, Fields: []Field{
			textField("name", a.Name), textField("kind", a.Kind), idsField("parties", a.Parties...),
			textField("signed", a.Signed.String()), textField("in_force", a.InForce.String()),
			idsField("revises", a.Revises), textField("description", a.Description),
		}}, a.Evidence, a.Sources)
	}
	for _, e := range g.Events {
		add(&Item{ID: e.ID, Kind: graph.KindEvent, Label: e.Name, Fields: []Field{
			textField("name", e.Name), textField("date", e.Date.String()), idsField("involves", e.Involves...),
			textField("description", e.Description),
		}}, e.Evidence, e.Sources)
	}
	for _, o := range g.Obligations {
		status := o.Status
		if status == "" && len(o.Sources) > 0 {
			status = graph.ObligationStatuses[0]
		}
		add(&Item{ID: o.ID, Kind: graph.KindObligation, Label: o.Duty, Fields: []Field{
			idsField("bearer", o.Bearer), idsField("beneficiary", o.Beneficiary), textField("duty", o.Duty),
			idsField("under", o.Under), textField("condition", o.Condition), textField("status", status),
			textField("since", o.Since.String()), textField("until", o.Until.String()),
		}}, o.Evidence, o.Sources)
	}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			add(&Item{ID: c.ID, Kind: c.Kind, Label: c.Says, Counters: c.Counters, Supports: c.Supports, Fields: []Field{
				idsField("by", c.By), textField("says", c.Says), idsField("about", c.About...),
				idsField("counters", c.Counters...), idsField("supports", c.Supports...), textField("date", c.Date.String()),
			}}, c.Evidence, c.Sources)
		}
	}
	return out
}

// Sources returns the sources of g by id, with their texts when texts has them.
func Sources(g *graph.Graph, texts func(graph.Source) (string, bool, error)) (map[string]*Source, error) {
	out := make(map[string]*Source, len(g.Sources))
	for _, s := range g.Sources {
		src := SourceOf(s)
		if texts != nil {
			text, ok, err := texts(s)
			if err != nil {
				return nil, fmt.Errorf("cannot read the text of source %q: %w", s.ID, err)
			}
			src.Text, src.HasText = text, ok
		}
		out[s.ID] = src
	}
	return out, nil
}

// SourceOf returns what the page shows of a source, without its text.
func SourceOf(s graph.Source) *Source {
	return &Source{
		ID: s.ID, Title: s.Title, Published: s.Published.String(), Author: s.Author,
		Publisher: s.Publisher, URL: s.URL, Path: s.Text, Note: s.Note,
	}
}

// RelationFields are the fields of a relation, which the page shows for its edge.
func RelationFields(r graph.Relation) []Field {
	return keepSet([]Field{
		idsField("from", r.From), textField("type", r.Type), idsField("to", r.To),
		textField("since", r.Since.String()), textField("until", r.Until.String()),
		textField("section", r.Section), textField("note", r.Note),
		textField("quote", strings.Join(r.Quotes, "\n")),
	})
}

func textField(name, text string) Field { return Field{Name: name, Text: text} }

func idsField(name string, ids ...string) Field {
	var keep []string
	for _, id := range ids {
		if id != "" {
			keep = append(keep, id)
		}
	}
	return Field{Name: name, IDs: keep}
}

// keepSet drops the fields without a value.
func keepSet(fs []Field) []Field {
	out := fs[:0]
	for _, f := range fs {
		if f.Text != "" || len(f.IDs) > 0 {
			out = append(out, f)
		}
	}
	return out
}
