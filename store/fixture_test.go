package store

import (
	"fmt"

	"github.com/factgraph/factgraph/graph"
)

// treatyFacts is a hand-made excerpt of samples/japan-us-security-treaty: every section,
// every kind of field, lists of one and of several values, and dates at each precision.
func treatyFacts() *graph.Facts {
	return &graph.Facts{
		Source: graph.Source{
			ID:        "japan-us-security-treaty-article",
			Title:     "Japan-US Security Treaty highlights 'imbalance' in mutual defense responsibilities",
			Published: graph.MustDate("2025-03"),
			Text:      "article.txt",
			Evidence:  graph.Evidence{Note: "News analysis with a closing commentary section."},
		},
		Parties: []graph.Party{
			{ID: "united-states", Name: "United States", Kind: "state", Aliases: []string{"US", "Washington", "America"},
				Evidence: graph.Evidence{Quotes: []string{"While the United States is committed to defending Japan in the case of an armed attack", "by its relationship with Washington"}}},
			{ID: "japan", Name: "Japan", Kind: "state",
				Evidence: graph.Evidence{Quotes: []string{"the defense relationship between these two major allies"}}},
			{ID: "donald-trump", Name: "Donald Trump", Kind: "person", Role: "President of the United States",
				Aliases: []string{"Trump", "President Trump"}, Evidence: graph.Evidence{Section: "Introduction"}},
			{ID: "nato", Name: "NATO", Kind: "alliance"},
			{ID: "nato-allies", Name: "NATO allies", Kind: "group", MemberOf: []string{"nato"},
				Description: "The member states of NATO other than the United States."},
		},
		Agreements: []graph.Agreement{
			{ID: "japan-us-security-treaty-1951", Name: "Japan-US Security Treaty (1951)", Kind: "treaty",
				Parties: []string{"united-states", "japan"}, Signed: graph.MustDate("1951-09-08"), InForce: graph.MustDate("1952-04"),
				Evidence: graph.Evidence{Quotes: []string{"The Japan-US Security Treaty, established in 1951"}}},
			{ID: "japan-us-security-treaty-1960", Name: "Japan-US Security Treaty (1960 revision)", Kind: "treaty",
				Parties: []string{"japan", "united-states"}, Signed: graph.MustDate("1960"), Revises: "japan-us-security-treaty-1951",
				Evidence: graph.Evidence{Note: "The text says \"revised in 1960\"."}},
		},
		Events: []graph.Event{
			{ID: "treaty-signed-1951", Name: "The original treaty is signed", Date: graph.MustDate("1951"),
				Involves: []string{"united-states", "japan", "japan-us-security-treaty-1951"}},
		},
		Obligations: []graph.Obligation{
			{ID: "us-defend-japan", Bearer: "united-states", Beneficiary: "japan", Duty: "defend Japan against an armed attack",
				Under: "japan-us-security-treaty-1960", Condition: "in the case of an armed attack on Japan", Status: "in-force"},
			{ID: "japan-defend-us", Bearer: "japan", Beneficiary: "united-states", Duty: "defend the United States",
				Under: "japan-us-security-treaty-1960", Status: "absent",
				Evidence: graph.Evidence{Quotes: []string{"Japan does not have an equivalent obligation to protect the US"}}},
			{ID: "nato-allies-increase-defense-spending", Bearer: "nato-allies", Beneficiary: "nato",
				Duty: "increase defense spending", Status: "demanded", Since: graph.MustDate("2018"), Until: graph.MustDate("2025-01-20")},
		},
		Claims: []graph.Claim{
			{ID: "trump-treaty-unfair", Kind: graph.KindClaim, By: "donald-trump", Says: "The treaty is imbalanced and unfair.",
				About: []string{"japan-us-security-treaty-1960"}},
			{ID: "trump-lack-of-reciprocity", Kind: graph.KindClaim, By: "donald-trump", Says: "The treaty lacks reciprocity.",
				About: []string{"us-defend-japan", "japan-defend-us", "japan-us-security-treaty-1960"}, Supports: []string{"trump-treaty-unfair"},
				Date: graph.MustDate("2025-03-06")},
		},
		Counterclaims: []graph.Claim{
			{ID: "japan-contributes-otherwise", Kind: graph.KindCounterclaim, By: "donald-trump", Says: "Japan contributes in other ways.",
				Counters: []string{"trump-lack-of-reciprocity", "trump-treaty-unfair"}},
		},
		Relations: []graph.Relation{
			{From: "united-states", Type: "allied-with", To: "japan",
				Evidence: graph.Evidence{Quotes: []string{"these two major allies", "a powerful and loyal ally in Japan"}, Section: "Introduction"}},
			{From: "japan", Type: "hosts-forces-of", To: "united-states", Since: graph.MustDate("1951")},
		},
	}
}

// natoFacts is a second source that states two of treatyFacts' parties again, with other
// aliases and quotes.
func natoFacts() *graph.Facts {
	return &graph.Facts{
		Source: graph.Source{ID: "nato-spending", Title: "NATO spending", Author: "A. Writer", URL: "https://example.org/nato"},
		Parties: []graph.Party{
			{ID: "united-states", Name: "United States of America", Kind: "state", Aliases: []string{"USA", "US"},
				Evidence: graph.Evidence{Quotes: []string{"the United States pays the most"}}},
			{ID: "nato", Name: "NATO", Kind: "alliance", Evidence: graph.Evidence{Quotes: []string{"the alliance"}}},
		},
		Relations: []graph.Relation{
			{From: "united-states", Type: "allied-with", To: "japan", Evidence: graph.Evidence{Quotes: []string{"allies in Asia"}}},
		},
	}
}

// syntheticFacts makes the facts of article n for benchmarks: a few shared parties and
// items of its own, about the size of a curated news article.
func syntheticFacts(n int) *graph.Facts {
	id := func(s string) string { return fmt.Sprintf("a%d-%s", n, s) }
	shared := []string{"japan", "united-states", "china", "nato"}
	f := &graph.Facts{Source: graph.Source{ID: fmt.Sprintf("article-%d", n), Title: fmt.Sprintf("Article %d", n), Published: graph.MustDate("2024-05-01")}}
	for i, p := range shared {
		f.Parties = append(f.Parties, graph.Party{ID: p, Name: p, Kind: "state", Aliases: []string{p + "-alias", fmt.Sprint(n)},
			Evidence: graph.Evidence{Quotes: []string{fmt.Sprintf("quote %d about %s", n, p)}}})
		f.Relations = append(f.Relations, graph.Relation{From: p, Type: "allied-with", To: shared[(i+1)%len(shared)],
			Evidence: graph.Evidence{Quotes: []string{fmt.Sprintf("alliance %d", n)}}})
	}
	for i := 0; i < 4; i++ {
		f.Parties = append(f.Parties, graph.Party{ID: id(fmt.Sprint("person-", i)), Name: fmt.Sprint("Person ", i), Kind: "person",
			Role: "official", Evidence: graph.Evidence{Quotes: []string{"a quote", "another quote"}, Section: "Intro"}})
	}
	f.Agreements = []graph.Agreement{{ID: id("deal"), Name: "Deal", Kind: "agreement", Parties: shared[:2], Signed: graph.MustDate("2020")}}
	f.Events = []graph.Event{{ID: id("summit"), Name: "Summit", Date: graph.MustDate("2024-04-02"), Involves: shared[:3]}}
	for i := 0; i < 4; i++ {
		f.Obligations = append(f.Obligations, graph.Obligation{ID: id(fmt.Sprint("duty-", i)), Bearer: shared[i], Beneficiary: shared[(i+1)%4],
			Duty: "do something", Under: id("deal"), Status: "in-force"})
		f.Claims = append(f.Claims, graph.Claim{ID: id(fmt.Sprint("claim-", i)), Kind: graph.KindClaim, By: id("person-0"), Says: "something is so",
			About: []string{id("deal"), shared[i]}, Evidence: graph.Evidence{Quotes: []string{"so it is"}}})
	}
	f.Counterclaims = []graph.Claim{{ID: id("counter"), Kind: graph.KindCounterclaim, By: id("person-1"), Says: "it is not so",
		Counters: []string{id("claim-0"), id("claim-1")}}}
	return f
}
