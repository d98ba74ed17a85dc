package store

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/factgraph/factgraph/graph"
)

func openStore(t *testing.T, addr string) *Store {
	t.Helper()
	s, err := Open(context.Background(), addr, nil)
	if err != nil {
		t.Fatalf("Open(%q): %v", addr, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ingest(t *testing.T, s *Store, facts ...*graph.Facts) *IngestReport {
	t.Helper()
	rep, err := s.Ingest(context.Background(), facts)
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	return rep
}

func nquadsOf(t *testing.T, s *Store, source string) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.WriteNQuads(context.Background(), &b, source); err != nil {
		t.Fatalf("WriteNQuads(%q): %v", source, err)
	}
	return b.String()
}

// recordDeltas makes s count the deltas of each write it applies.
func recordDeltas(s *Store) *[]int {
	var writes []int
	apply := s.apply
	s.apply = func(d []cgraph.Delta) error {
		writes = append(writes, len(d))
		return apply(d)
	}
	return &writes
}

func TestLoadFactsRebuildsWhatWasIngested(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())
		for _, want := range []*graph.Facts{treatyFacts(), natoFacts()} {
			got, err := s.LoadFacts(context.Background(), want.Source.ID)
			if err != nil {
				t.Fatalf("LoadFacts(%q): %v", want.Source.ID, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("LoadFacts(%q) =\n%+v\nwant\n%+v", want.Source.ID, got, want)
			}
		}
	})
}

func storeWith(t *testing.T, facts ...*graph.Facts) *Store {
	t.Helper()
	s := openStore(t, "mem:")
	ingest(t, s, facts...)
	return s
}

func findParty(g *graph.Graph, id string) graph.Party {
	for _, p := range g.Parties {
		if p.ID == id {
			return p
		}
	}
	return graph.Party{}
}

func TestSources(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		rep := ingest(t, s, natoFacts(), treatyFacts())
		got, err := s.Sources(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		want := []SourceInfo{
			{Source: treatyFacts().Source, Counts: rep.Sources[0].Counts},
			{Source: natoFacts().Source, Counts: rep.Sources[1].Counts},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Sources =\n%+v\nwant\n%+v", got, want)
		}
	})
}

func TestLoadSortsAndSetsSources(t *testing.T) {
	s := storeWith(t, natoFacts(), treatyFacts())
	g, err := s.Load(context.Background(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range g.Parties {
		ids = append(ids, p.ID)
		if len(p.Sources) == 0 {
			t.Errorf("party %q has no Sources", p.ID)
		}
	}
	want := []string{"donald-trump", "japan", "nato", "nato-allies", "united-states"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("party order %v, want %v", ids, want)
	}
	if g.Relations[0].From != "japan" || g.Relations[1].From != "united-states" {
		t.Errorf("relations not sorted by from: %+v", g.Relations)
	}
	one, err := s.Load(context.Background(), LoadOptions{Source: "nato-spending"})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Sources) != 1 || len(one.Parties) != 2 || one.Parties[0].Name != "NATO" {
		t.Errorf("Load of one source = %+v", one)
	}
	if _, err := s.Load(context.Background(), LoadOptions{Source: "nato-spendin"}); err == nil || !strings.Contains(err.Error(), "did you mean") {
		t.Errorf("Load of a misspelt source: err = %v, want a did-you-mean", err)
	}
}
