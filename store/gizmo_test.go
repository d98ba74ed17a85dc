package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestGizmo(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())
		tests := []struct {
			name, code string
			limit      int
			want       []any
		}{
			{"duties japan bears", `g.V("<japan>").In("<fg:bearer>").All()`, 0, []any{map[string]any{"id": "<japan-defend-us>"}}},
			{"relation edge", `g.V("<japan>").Out("<hosts-forces-of>").All()`, 0, []any{map[string]any{"id": "<united-states>"}}},
			{"absent obligations", `g.V().Has("<fg:status>", "absent").Out("<fg:duty>").All()`, 0, []any{map[string]any{"id": "defend the United States"}}},
			{"limit", `g.V().Has("<fg:kind>", "party").All()`, 2, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.Gizmo(context.Background(), tt.code, tt.limit)
				if err != nil {
					t.Fatal(err)
				}
				if tt.want == nil {
					if len(got) != tt.limit {
						t.Errorf("got %d results, want %d: %v", len(got), tt.limit, got)
					}
					return
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Gizmo(%s) = %#v, want %#v", tt.code, got, tt.want)
				}
			})
		}
		if _, err := s.Gizmo(context.Background(), `g.V("<japan>").In(`, 0); err == nil || !strings.Contains(err.Error(), "gizmo query") {
			t.Errorf("syntax error: err = %v, want a gizmo query error", err)
		}
		if addr == "mem:" {
			return
		}
		// A store opened read-only, as "factgraph query gizmo" opens it (on PostgreSQL,
		// Cayley's quad store connects when the query needs it).
		s.Close()
		ro, err := Open(context.Background(), addr, &OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		got, err := ro.Gizmo(context.Background(), tests[0].code, 0)
		if err != nil || !reflect.DeepEqual(got, tests[0].want) {
			t.Errorf("Gizmo(%s) on the store opened read-only = %#v, %v; want %#v", tests[0].code, got, err, tests[0].want)
		}
	})
}
