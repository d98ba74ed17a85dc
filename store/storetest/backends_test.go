package storetest_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestBackendsAgree ingests the same synthetic articles into every backend and checks each
// store reads back the same merged graph, also after reopening it, as the facts merged in
// memory give.
func TestBackendsAgree(t *testing.T) {
	ctx := context.Background()
	g := synth.NewGenerator(1)
	var facts []*graph.Facts
	for i := 0; i < 20; i++ {
		facts = append(facts, g.Article(i).Facts)
	}
	want := graph.Merge(facts)
	storetest.ForEachBackend(t, func(t *testing.T, addr string) {
		s, err := store.Open(ctx, addr, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Ingest(ctx, facts); err != nil {
			s.Close()
			t.Fatal(err)
		}
		got, err := s.Load(ctx, store.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compare(t, got, want)
		rep, err := s.Ingest(ctx, facts[3:4])
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Sources) != 1 || rep.Sources[0].Change != store.ChangeUnchanged {
			t.Errorf("ingesting %s again: %+v, want it unchanged", facts[3].Source.ID, rep.Sources)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if addr == "mem:" {
			return
		}
		s, err = store.Open(ctx, addr, &store.OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		got, err = s.Load(ctx, store.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compare(t, got, want)
	})
}

func compare(t *testing.T, got, want *graph.Graph) {
	t.Helper()
	parts := []struct {
		name      string
		got, want any
	}{
		{"sources", got.Sources, want.Sources},
		{"parties", got.Parties, want.Parties},
		{"agreements", got.Agreements, want.Agreements},
		{"events", got.Events, want.Events},
		{"obligations", got.Obligations, want.Obligations},
		{"claims", got.Claims, want.Claims},
		{"counterclaims", got.Counterclaims, want.Counterclaims},
		{"relations", got.Relations, want.Relations},
	}
	for _, p := range parts {
		if !reflect.DeepEqual(p.got, p.want) {
			t.Errorf("%s read back differ from the facts ingested", p.name)
		}
	}
}
