// Package facttest holds the fact graphs the view and writer tests share: a small hand-made sample of
// the Japan-US security treaty facts, and a graph of hostile strings that every writer must
// carry through unchanged.
package facttest

import "github.com/factgraph/factgraph/graph"

// Sample is a small graph with every kind of item, every role and every obligation status.
func Sample() *graph.Graph {
	src := []string{"treaty-article"}
	d := graph.MustDate
	return &graph.Graph{
		Sources: []graph.Source{{ID: "treaty-article", Title: "Japan-US security treaty"}},
		Parties: []graph.Party{
			{ID: "japan", Name: "Japan", Kind: "state", MemberOf: nil, Sources: src},
			{ID: "quad", Name: "Quad", Kind: "group", Sources: src},
			{ID: "trump", Name: "Donald Trump", Kind: "person", Role: "President of the United States", Sources: src},
			{ID: "united-states", Name: "United States", Kind: "state", Aliases: []string{"US", "USA"}, MemberOf: []string{"quad"}, Sources: src},
		},
		Agreements: []graph.Agreement{
			{ID: "security-treaty-1951", Name: "Security Treaty 1951", Kind: "treaty", Parties: []string{"japan", "united-states"}, Signed: d("1951-09-08"), Sources: src},
			{ID: "security-treaty-1960", Name: "Treaty of Mutual Cooperation and Security", Kind: "treaty", Parties: []string{"japan", "united-states"}, Signed: d("1960-01"), InForce: d("1960"), Revises: "security-treaty-1951", Sources: src,
				Evidence: graph.Evidence{Quotes: []string{"revised in 1960"}, Section: "History"}},
		},
		Events: []graph.Event{
			{ID: "signing-1960", Name: "Signing in Washington", Date: d("1960-01-19"), Involves: []string{"japan", "united-states", "security-treaty-1960"}, Sources: src},
		},
		Obligations: []graph.Obligation{
			{ID: "japan-defends-us", Bearer: "japan", Beneficiary: "united-states", Duty: "defend the United States", Under: "security-treaty-1960", Status: "absent", Sources: src,
				Evidence: graph.Evidence{Quotes: []string{"Japan has no obligation to defend the US"}}},
			{ID: "japan-hosts-bases", Bearer: "japan", Beneficiary: "united-states", Duty: "provide bases", Under: "security-treaty-1960", Status: "in-force", Sources: src},
			{ID: "japan-pays-more", Bearer: "japan", Beneficiary: "united-states", Duty: "pay more for US forces", Status: "demanded", Sources: src},
			{ID: "us-defends-japan", Bearer: "united-states", Beneficiary: "japan", Duty: "defend Japan against an armed attack", Under: "security-treaty-1960", Condition: "territories under Japanese administration", Since: d("1960"), Sources: src},
		},
		Claims: []graph.Claim{
			{ID: "treaty-unfair", Kind: graph.KindClaim, By: "trump", Says: "The treaty is unfair to the United States.", About: []string{"security-treaty-1960", "japan-defends-us"}, Date: d("2019-06"), Sources: src},
		},
		Counterclaims: []graph.Claim{
			{ID: "bases-are-the-deal", Kind: graph.KindCounterclaim, By: "japan", Says: "Japan's bases are its side of the bargain.", Counters: []string{"treaty-unfair"}, Sources: src},
			{ID: "bases-serve-us", Kind: graph.KindCounterclaim, By: "united-states", Says: "The bases serve US interests too.", Counters: []string{"treaty-unfair"}, Supports: []string{"bases-are-the-deal"}, Sources: src},
		},
		Relations: []graph.Relation{
			{From: "japan", Type: "hosts-forces-of", To: "united-states", Since: d("1952"), Sources: src},
			{From: "japan", Type: "allied-with", To: "united-states", Sources: src},
		},
	}
}

// HostileStrings are texts a writer must carry through exactly: quotes, backslashes and
// escape-like sequences, line breaks, tabs, markup, text that looks like the format's own
// syntax, emoji and non-Latin scripts.
var HostileStrings = []string{
	`He said "no" and left`,
	`back\slash and trailing \`,
	`\N \G \E \l \r \n escapes`,
	"two\nlines",
	"tab\there",
	`<b>bold</b> & <i>more</i> &amp; &lt;`,
	`label="x"]; node [shape=box`,
	`"]; "a" -> "b"; //`,
	`#quot; #35; %% mermaid-ish`,
	"emoji 🇯🇵🤝🇺🇸",
	"日本国とアメリカ合衆国との間の相互協力及び安全保障条約",
	"Договор · معاهدة · 조약",
	"  leading and trailing spaces  ",
	`{curly} [square] (round) |pipe| ` + "`backtick`",
}

// HostileIDs are ids that are keywords or worse in some formats. Real fact ids are kebab
// case; writers must still not break on the keywords.
var HostileIDs = []string{"node", "graph", "edge", "strict", "subgraph", "digraph", "end", "class", "style", "o", "x"}

// Hostile is a graph whose ids are keywords and whose labels, quotes and notes are hostile
// strings: one party per id, labelled with a hostile string, and a chain of relations
// between them labelled with the rest.
func Hostile() *graph.Graph {
	g := &graph.Graph{Sources: []graph.Source{{ID: "s", Title: "hostile"}}}
	src := []string{"s"}
	for i, id := range HostileIDs {
		label := HostileStrings[i%len(HostileStrings)]
		g.Parties = append(g.Parties, graph.Party{ID: id, Name: label, Kind: "state", Sources: src,
			Evidence: graph.Evidence{Quotes: []string{label, "plain"}, Note: label}})
	}
	for i, s := range HostileStrings {
		g.Claims = append(g.Claims, graph.Claim{ID: "claim-" + string(rune('a'+i)), Kind: graph.KindClaim,
			By: HostileIDs[i%len(HostileIDs)], Says: s, Sources: src, Evidence: graph.Evidence{Quotes: []string{s}}})
	}
	g.Obligations = append(g.Obligations, graph.Obligation{ID: "duty", Bearer: "node", Beneficiary: "graph", Duty: HostileStrings[0], Status: "absent", Sources: src})
	return g
}
