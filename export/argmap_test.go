package export_test

import (
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/facttest"
)

func TestArguments(t *testing.T) {
	for _, tc := range []struct {
		view       string
		statements []string // "id by speaker", in node order
		relations  []string // "from -kind-> to", in the view's edge order
	}{
		{export.ViewArguments,
			[]string{"bases-are-the-deal by japan", "bases-serve-us by united-states", "treaty-unfair by trump"},
			[]string{"bases-are-the-deal -counters-> treaty-unfair", "bases-serve-us -supports-> bases-are-the-deal", "bases-serve-us -counters-> treaty-unfair"}},
		{export.ViewFull,
			[]string{"bases-are-the-deal by japan", "bases-serve-us by united-states", "treaty-unfair by trump"},
			[]string{"bases-are-the-deal -counters-> treaty-unfair", "bases-serve-us -supports-> bases-are-the-deal", "bases-serve-us -counters-> treaty-unfair"}},
		{export.ViewStances,
			[]string{"japan by nobody", "trump by nobody", "united-states by nobody"},
			[]string{"japan -counters-> trump", "united-states -supports-> japan", "united-states -counters-> trump"}},
		{export.ViewParties, nil, nil},
	} {
		t.Run(tc.view, func(t *testing.T) {
			g, err := export.BuildView(facttest.Sample(), export.ViewOptions{View: tc.view})
			if err != nil {
				t.Fatal(err)
			}
			m := export.Arguments(g)
			var statements, relations []string
			for _, s := range m.Statements {
				by := "nobody"
				if s.Speaker != nil {
					by = s.Speaker.ID
				}
				statements = append(statements, s.Node.ID+" by "+by)
			}
			for _, r := range m.Relations {
				relations = append(relations, m.Statements[r.From].Node.ID+" -"+r.Edge.Kind+"-> "+m.Statements[r.To].Node.ID)
			}
			if !reflect.DeepEqual(statements, tc.statements) || !reflect.DeepEqual(relations, tc.relations) {
				t.Errorf("statements %q\nwant %q\nrelations %q\nwant %q", statements, tc.statements, relations, tc.relations)
			}
		})
	}
}
