package ingest

import (
	"context"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestMarshalReadsBack writes the flagship's facts, and facts full of hostile strings, as
// a facts file and reads them back: the same facts come out, so an import is checked on
// exactly what it holds.
func TestMarshalReadsBack(t *testing.T) {
	files, err := Load(context.Background(), []string{"../samples/japan-us-security-treaty/facts.yaml"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	hostile := &graph.Facts{
		Source: graph.Source{ID: "h", Title: "quotes \" and \\ and \n and \t and: colon # hash", Published: graph.MustDate("1951-09")},
		Parties: []graph.Party{
			{ID: "true", Name: "null", Kind: "state", Aliases: []string{"- dash", "[bracket]", "{brace}", "日本", "🇯🇵", "'single'"}},
			{ID: "123", Name: "~", Kind: "person", Description: "yes"},
		},
		Agreements: []graph.Agreement{{ID: "a", Name: "*anchor &ref !tag", Kind: "treaty", Parties: []string{"true", "123"}, Signed: graph.MustDate("1951")}},
	}
	for _, f := range []*graph.Facts{files[0].Facts, hostile} {
		want := *f
		want.Source.Text = ""
		pf := parseFile("marshalled", marshal(&want), nil)
		if len(pf.probs) > 0 {
			t.Fatalf("the written facts of %s do not read back: %v\n%s", f.Source.ID, pf.probs, marshal(&want))
		}
		if !reflect.DeepEqual(pf.facts, &want) {
			t.Errorf("facts of %s read back differ:\n got %+v\nwant %+v", f.Source.ID, pf.facts, &want)
		}
	}
}
