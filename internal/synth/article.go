package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// Items per article, besides the source.
const (
	SharedParties = 6 // from the pool
	LocalParties  = 3 // the author, the publisher and a commentator
	Agreements    = 2
	Events        = 3
	Obligations   = 10
	Claims        = 10
	Counterclaims = 8
	Relations     = 10
	// FactsPerArticle counts every item of an article, the source included.
	FactsPerArticle = 1 + SharedParties + LocalParties + Agreements + Events + Obligations +
		Claims + Counterclaims + Relations
)

// Article is one generated article: the facts and the text they quote.
type Article struct {
	Name  string // base name of its files: Name.yaml and Name.txt
	Facts *graph.Facts
	Text  string // the plain text source.text names
}

// Generator makes the articles of one corpus.
type Generator struct {
	seed uint64
	pool *pool
}

// NewGenerator returns a generator for the corpus of seed.
func NewGenerator(seed uint64) *Generator {
	return &Generator{seed: seed, pool: newPool(seed)}
}

var (
	duties = []string{
		"defend %s against an armed attack",
		"grant %s the use of its ports and airfields",
		"consult %s before any deployment of forces",
		"share intelligence on missile launches with %s",
		"pay host-nation support to %s",
		"supply fuel and ammunition to %s in a crisis",
		"refrain from arms sales to the enemies of %s",
	}
	conditions = []string{
		"in territories under its administration",
		"when the other party is attacked",
		"after consultation in the joint committee",
		"for as long as the treaty is in force",
	}
	relationTypes = []string{
		"allied-with", "hosts-forces-of", "threatens", "negotiates-with", "criticizes",
		"trades-with", "sanctions", "mediates-for",
	}
	topics = []string{
		"the cost of stationing troops", "the defense of remote islands",
		"the balance of mutual obligations", "a new missile shield",
		"the revision of the status of forces", "joint naval exercises",
	}
	headings = []string{"Background", "The dispute", "Reactions", "Outlook"}
)

// text collects the article's sentences under their headings; every quote is a sentence.
type text struct {
	sections [][]string
}

// say adds a sentence to section s and returns its evidence. With typo set, the text gets a
// typographic apostrophe where the quote has a plain one, as curators type them.
func (t *text) say(s int, sentence string, typo bool) graph.Evidence {
	written := sentence
	if typo {
		written = strings.ReplaceAll(sentence, "'", "\u2019")
	}
	t.sections[s] = append(t.sections[s], written)
	return graph.Evidence{Quotes: []string{sentence}, Section: headings[s]}
}

// render lays the sentences out as paragraphs wrapped at 72 columns, so that many quotes
// cross a line break and only match after white space is folded.
func (t *text) render(title string) string {
	var b strings.Builder
	b.WriteString(title)
	b.WriteString("\n\n")
	for s, sentences := range t.sections {
		b.WriteString(headings[s])
		b.WriteString("\n\n")
		col := 0
		for i, w := range strings.Fields(strings.Join(sentences, " ")) {
			if i > 0 {
				if col+1+len(w) > 72 {
					b.WriteByte('\n')
					col = 0
				} else {
					b.WriteByte(' ')
					col++
				}
			}
			b.WriteString(w)
			col += len(w)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// Name returns the base name of article i's files (and its source id).
func Name(i int) string { return fmt.Sprintf("a%05d", i) }

// Article returns article i (counting from 0) of the corpus.
func (g *Generator) Article(i int) *Article {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	name := Name(i)
	id := func(kind string, n int) string { return fmt.Sprintf("%s-%s-%d", name, kind, n) }
	f := &graph.Facts{}
	t := &text{sections: make([][]string, len(headings))}
	p := g.pool

	// Agreements: one revision pair from the pool, with the parties it names.
	set := r.IntN(poolAgreementSets)
	partyIdx := append([]int(nil), p.agrParties[set]...)
	// Consecutive articles share a party, so the corpus is one connected graph.
	partyIdx = appendNew(partyIdx, i%poolParties, (i+1)%poolParties)
	for len(partyIdx) < SharedParties {
		partyIdx = appendNew(partyIdx, r.IntN(poolParties))
	}
	// At most three agreement parties and two chain parties: never more than SharedParties.
	var parties []graph.Party
	for _, x := range partyIdx {
		parties = append(parties, p.parties[x])
	}
	last := word(r)
	author := graph.Party{ID: id("author", 1), Name: word(r) + " " + last, Kind: "person", Role: "Correspondent"}
	publisher := graph.Party{ID: id("publisher", 1), Name: last + " " + word(r) + " Times", Kind: "organization"}
	author.MemberOf = []string{publisher.ID}
	pundit := graph.Party{ID: id("commentator", 1), Name: word(r) + " " + word(r), Kind: "person",
		Role: "Professor of International Relations"}
	parties = append(parties, author, publisher, pundit)
	f.Parties = parties
	for k := 0; k < Agreements; k++ {
		a := p.agreements[2*set+k]
		f.Agreements = append(f.Agreements, a)
	}
	shared := parties[:SharedParties]

	year := 1990 + r.IntN(35)
	f.Source = graph.Source{
		ID:        name,
		Title:     fmt.Sprintf("%s and %s argue over %s", shared[0].Name, shared[1].Name, topics[r.IntN(len(topics))]),
		Published: randDate(r, year),
		Author:    author.Name,
		Publisher: publisher.Name,
		URL:       fmt.Sprintf("https://news.example.org/%d/%s", year, name),
		Text:      name + ".txt",
	}

	for k := 0; k < Events; k++ {
		a, b := twoOf(r, len(shared))
		e := graph.Event{
			ID:       id("event", k+1),
			Name:     fmt.Sprintf("%s summit %d", word(r), year-k),
			Date:     randDate(r, year-k),
			Involves: []string{shared[a].ID, shared[b].ID},
		}
		if k == 0 {
			e.Involves = append(e.Involves, f.Agreements[1].ID)
		}
		e.Evidence = t.say(0, fmt.Sprintf("In %d, %s and %s met at the %s.", e.Date.Year, shared[a].Name, shared[b].Name, e.Name), false)
		f.Events = append(f.Events, e)
	}

	for k := 0; k < Obligations; k++ {
		a, b := twoOf(r, len(shared))
		o := graph.Obligation{
			ID:          id("obligation", k+1),
			Bearer:      shared[a].ID,
			Beneficiary: shared[b].ID,
			Duty:        fmt.Sprintf(duties[r.IntN(len(duties))], shared[b].Name),
			Under:       f.Agreements[r.IntN(Agreements)].ID,
			Status:      graph.ObligationStatuses[[...]int{0, 0, 0, 0, 1, 1, 2, 3}[r.IntN(8)]],
		}
		if r.IntN(3) == 0 {
			o.Condition = conditions[r.IntN(len(conditions))]
		}
		if r.IntN(2) == 0 {
			o.Since = randDate(r, year-10+r.IntN(10))
		}
		var sentence string
		switch o.Status {
		case "absent":
			sentence = fmt.Sprintf("%s has no obligation to %s.", shared[a].Name, o.Duty)
		case "demanded":
			sentence = fmt.Sprintf("%s is being pressed to %s.", shared[a].Name, o.Duty)
		case "disputed":
			sentence = fmt.Sprintf("Whether %s must %s is disputed.", shared[a].Name, o.Duty)
		default:
			sentence = fmt.Sprintf("%s must %s.", shared[a].Name, o.Duty)
		}
		o.Evidence = t.say(1, sentence, false)
		f.Obligations = append(f.Obligations, o)
	}

	speakers := append(append([]graph.Party(nil), shared...), author, pundit)
	for k := 0; k < Claims; k++ {
		by := speakers[r.IntN(len(speakers))]
		topic := topics[r.IntN(len(topics))]
		c := graph.Claim{
			ID:    id("claim", k+1),
			Kind:  graph.KindClaim,
			By:    by.ID,
			Says:  fmt.Sprintf("%s is unfair to %s.", upper(topic), shared[r.IntN(len(shared))].Name),
			About: []string{f.Agreements[r.IntN(Agreements)].ID, f.Obligations[r.IntN(Obligations)].ID},
		}
		if k > 0 && r.IntN(3) == 0 {
			c.Supports = []string{id("claim", 1+r.IntN(k))}
		}
		if r.IntN(2) == 0 {
			c.Date = f.Source.Published
		}
		c.Evidence = t.say(2, fmt.Sprintf("%s's view is that %s", by.Name, lower(c.Says)), k%2 == 0)
		if k%3 == 0 {
			c.Evidence.Quotes = append(c.Evidence.Quotes, lower(c.Says))
		}
		f.Claims = append(f.Claims, c)
	}

	for k := 0; k < Counterclaims; k++ {
		by := speakers[r.IntN(len(speakers))]
		target := id("claim", 1+r.IntN(Claims))
		if k > 0 && r.IntN(4) == 0 {
			target = id("counterclaim", 1+r.IntN(k))
		}
		c := graph.Claim{
			ID:       id("counterclaim", k+1),
			Kind:     graph.KindCounterclaim,
			By:       by.ID,
			Says:     fmt.Sprintf("%s serves the interests of %s.", upper(topics[r.IntN(len(topics))]), shared[r.IntN(len(shared))].Name),
			Counters: []string{target},
		}
		if r.IntN(3) == 0 {
			c.About = []string{shared[r.IntN(len(shared))].ID}
		}
		c.Evidence = t.say(3, fmt.Sprintf("%s replies that %s", by.Name, lower(c.Says)), false)
		f.Counterclaims = append(f.Counterclaims, c)
	}

	// A chain through all nine parties keeps each article connected, then two more edges.
	seen := map[[2]string]bool{}
	for k := 0; k < Relations; k++ {
		var rel graph.Relation
		if k < len(parties)-1 {
			rel = graph.Relation{From: parties[k].ID, Type: relationTypes[r.IntN(len(relationTypes))], To: parties[k+1].ID}
		} else {
			for {
				a, b := twoOf(r, len(shared))
				rel = graph.Relation{From: shared[a].ID, Type: relationTypes[r.IntN(len(relationTypes))], To: shared[b].ID}
				if !seen[[2]string{rel.From + " " + rel.Type, rel.To}] {
					break
				}
			}
		}
		seen[[2]string{rel.From + " " + rel.Type, rel.To}] = true
		if r.IntN(3) == 0 {
			rel.Since = randDate(r, year-r.IntN(30))
		}
		if k < SharedParties-1 {
			rel.Evidence = t.say(0, fmt.Sprintf("%s %s %s.", parties[k].Name, strings.ReplaceAll(rel.Type, "-", " "), parties[k+1].Name), false)
		} else {
			rel.Note = "Inferred from the article as a whole."
		}
		f.Relations = append(f.Relations, rel)
	}
	f.Source.Note = fmt.Sprintf("Synthetic article %d.", i)
	return &Article{Name: name, Facts: f, Text: t.render(f.Source.Title)}
}

// appendNew appends the values of xs not already in s.
func appendNew(s []int, xs ...int) []int {
outer:
	for _, x := range xs {
		for _, y := range s {
			if x == y {
				continue outer
			}
		}
		s = append(s, x)
	}
	return s
}

// twoOf picks two different indexes below n.
func twoOf(r *rand.Rand, n int) (int, int) {
	a := r.IntN(n)
	b := r.IntN(n - 1)
	if b >= a {
		b++
	}
	return a, b
}

func upper(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
func lower(s string) string { return strings.ToLower(s[:1]) + s[1:] }
