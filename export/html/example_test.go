package html_test

import (
	"fmt"

	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/graph"
)

// The time slider's years: the 1960 revision ends the 1951 treaty, and a duty under the
// revision holds from then on.
func ExampleSpans() {
	g := &graph.Graph{
		Agreements: []graph.Agreement{
			{ID: "treaty-1951", Signed: graph.MustDate("1951-09-08")},
			{ID: "treaty-1960", Signed: graph.MustDate("1960-01-19"), InForce: graph.MustDate("1960-06-23"), Revises: "treaty-1951"},
		},
		Obligations: []graph.Obligation{{ID: "defend-japan", Under: "treaty-1960"}},
	}
	spans := html.Spans(g)
	for _, id := range []string{"treaty-1951", "treaty-1960", "defend-japan"} {
		fmt.Printf("%s: from %d until %d\n", id, spans[id].From, spans[id].Until)
	}
	// Output:
	// treaty-1951: from 1951 until 1960
	// treaty-1960: from 1960 until 0
	// defend-japan: from 1960 until 0
}
