package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

func TestIngestWritesDefaultsExplicitly(t *testing.T) {
	f := treatyFacts()
	f.Agreements[0].Kind = ""
	f.Obligations[0].Status = ""
	quads := nquadsText(model.Encode(f))
	for _, want := range []string{
		`<japan-us-security-treaty-1951> <fg:type> "treaty"`,
		`<us-defend-japan> <fg:status> "in-force"`,
	} {
		if !strings.Contains(quads, want) {
			t.Errorf("quads lack %s", want)
		}
	}
}

func nquadsText(qs []quad.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(model.QuadKey(q) + " .\n")
	}
	return b.String()
}

func TestIngestReplacesBySource(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		noBulk(t) // what a write through deltas keeps atomic
		s := openStore(t, addr)
		writes := recordDeltas(s)
		rep := ingest(t, s, treatyFacts(), natoFacts())
		if len(*writes) != 1 {
			t.Fatalf("ingest of two sources made %d writes, want 1", len(*writes))
		}
		for _, c := range rep.Sources {
			if c.Change != ChangeAdded || c.Removed != 0 || c.Added != c.Counts.Quads || c.Added == 0 {
				t.Errorf("first ingest: %+v, want added with all quads", c)
			}
		}
		if got, want := rep.Sources[0].Counts, (graph.Counts{Parties: 5, Agreements: 2, Events: 1, Obligations: 3, Claims: 2, Counterclaims: 1, Relations: 2, Quads: rep.Sources[0].Added}); got != want {
			t.Errorf("counts = %+v, want %+v", got, want)
		}
		nato := nquadsOf(t, s, "nato-spending")
		before := nquadsOf(t, s, "")

		t.Run("same facts twice", func(t *testing.T) {
			*writes = nil
			rep := ingest(t, s, treatyFacts())
			if len(*writes) != 0 {
				t.Errorf("re-ingest applied %v deltas, want no write", *writes)
			}
			if c := rep.Sources[0]; c.Change != ChangeUnchanged || c.Added != 0 || c.Removed != 0 {
				t.Errorf("re-ingest: %+v, want unchanged", c)
			}
			if after := nquadsOf(t, s, ""); after != before {
				t.Errorf("store changed on re-ingest")
			}
		})

		t.Run("one fact edited", func(t *testing.T) {
			*writes = nil
			f := treatyFacts()
			f.Obligations[1].Status = "disputed"
			rep := ingest(t, s, f)
			if c := rep.Sources[0]; c.Change != ChangeReplaced || c.Added != 1 || c.Removed != 1 {
				t.Errorf("edit: %+v, want replaced, 1 added, 1 removed", c)
			}
			if !reflect.DeepEqual(*writes, []int{2}) {
				t.Errorf("edit applied writes of %v deltas, want one of 2", *writes)
			}
			got, err := s.LoadFacts(ctx, f.Source.ID)
			if err != nil || !reflect.DeepEqual(got, f) {
				t.Errorf("after edit LoadFacts = %+v, %v; want the edited facts", got, err)
			}
			if n := nquadsOf(t, s, "nato-spending"); n != nato {
				t.Errorf("editing one source changed another:\n%s\nwant\n%s", n, nato)
			}
		})

		t.Run("items dropped", func(t *testing.T) {
			f := treatyFacts()
			f.Relations = f.Relations[:1]
			f.Claims = nil
			f.Counterclaims = nil
			ingest(t, s, f)
			got, err := s.LoadFacts(ctx, f.Source.ID)
			if err != nil || !reflect.DeepEqual(got, f) {
				t.Errorf("after dropping items LoadFacts = %+v, %v; want %+v", got, err, f)
			}
			if _, ok, _ := s.Lookup(ctx, "trump-treaty-unfair"); ok {
				t.Errorf("dropped claim still found by Lookup")
			}
			ingest(t, s, treatyFacts())
			if after := nquadsOf(t, s, ""); after != before {
				t.Errorf("store differs after ingesting the original facts again")
			}
		})

		t.Run("same source twice in one call", func(t *testing.T) {
			if _, err := s.Ingest(ctx, []*graph.Facts{treatyFacts(), treatyFacts()}); err == nil || !strings.Contains(err.Error(), "given twice") {
				t.Errorf("Ingest of one source twice: err = %v, want \"given twice\"", err)
			}
		})
	})
}

func TestFailedIngestChangesNothing(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts())
		before := nquadsOf(t, s, "")
		edited := treatyFacts()
		edited.Parties[1].Name = "Nippon"
		fresh := natoFacts()

		t.Run("cancelled context", func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := s.Ingest(ctx, []*graph.Facts{edited, fresh}); !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
			if after := nquadsOf(t, s, ""); after != before {
				t.Errorf("cancelled ingest changed the store")
			}
		})

		// The real write gets one more delta, last, that the backend must refuse. All the
		// deltas before it must be rolled back with it.
		bad := []struct {
			name  string
			delta cgraph.Delta
		}{
			{"removal of a quad not held", cgraph.Delta{Action: cgraph.Delete,
				Quad: quad.Make(quad.IRI("nothing"), model.Name, "nothing", model.SourceIRI("nothing"))}},
			{"addition of a quad already held", cgraph.Delta{Action: cgraph.Add,
				Quad: quad.Make(model.SourceIRI(edited.Source.ID), model.Kind, graph.KindSource, model.SourceIRI(edited.Source.ID))}},
		}
		for _, b := range bad {
			t.Run(b.name, func(t *testing.T) {
				apply := s.apply
				t.Cleanup(func() { s.apply = apply })
				s.apply = func(d []cgraph.Delta) error { return apply(append(d, b.delta)) }
				_, err := s.Ingest(context.Background(), []*graph.Facts{edited, fresh})
				if err == nil || !strings.Contains(err.Error(), "nothing was changed") {
					t.Errorf("err = %v, want a write error saying nothing was changed", err)
				}
				s.apply = apply
				if after := nquadsOf(t, s, ""); after != before {
					t.Errorf("failed ingest changed the store:\n%s", after)
				}
				// The store still works after the rollback.
				ingest(t, s, edited)
				ingest(t, s, treatyFacts())
				if after := nquadsOf(t, s, ""); after != before {
					t.Errorf("store differs after a rollback and two good writes")
				}
			})
		}
	})
}

func TestSharedPartyStaysWhileAnySourceStatesIt(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())

		g, err := s.Load(ctx, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		us := findParty(g, "united-states")
		want := graph.Party{ID: "united-states", Name: "United States", Kind: "state",
			Aliases: []string{"US", "Washington", "America", "USA"},
			Evidence: graph.Evidence{Quotes: []string{
				"While the United States is committed to defending Japan in the case of an armed attack",
				"by its relationship with Washington",
				"the United States pays the most",
			}},
			Sources: []string{"japan-us-security-treaty-article", "nato-spending"},
		}
		if !reflect.DeepEqual(us, want) {
			t.Errorf("merged party =\n%+v\nwant\n%+v", us, want)
		}
		if len(g.Relations) != 2 || !reflect.DeepEqual(g.Relations[1].Sources, []string{"japan-us-security-treaty-article", "nato-spending"}) {
			t.Errorf("relations = %+v, want allied-with merged from both sources", g.Relations)
		}

		// nato-spending's relation to japan, which only the treaty article states, keeps the
		// article in: a remove would leave it dangling.
		var broken *BrokenRefsError
		if _, err := s.Remove(ctx, "japan-us-security-treaty-article"); !errors.As(err, &broken) {
			t.Fatalf("Remove of the article nato-spending's relation needs: err = %v, want a BrokenRefsError", err)
		}
		nato := natoFacts()
		nato.Relations = nil // without the relation to japan
		ingest(t, s, nato)
		rep, err := s.Remove(ctx, "japan-us-security-treaty-article")
		if err != nil {
			t.Fatal(err)
		}
		if c := rep.Sources[0]; c.Change != ChangeRemoved || c.Added != 0 || c.Removed == 0 || c.Counts.Parties != 5 {
			t.Errorf("remove report %+v", c)
		}
		info, ok, err := s.Lookup(ctx, "united-states")
		if err != nil || !ok || info.Name != "United States of America" || !reflect.DeepEqual(info.Sources, []string{"nato-spending"}) {
			t.Errorf("Lookup(united-states) after removing one source = %+v, %v, %v", info, ok, err)
		}
		if _, ok, _ := s.Lookup(ctx, "japan"); ok {
			t.Errorf("japan is still in the store, though only the removed source stated it")
		}
		if has, err := s.Has(ctx, "japan"); has || err != nil {
			t.Errorf("Has(japan) = %v, %v after the only source that stated it was removed", has, err)
		}
		if has, err := s.Has(ctx, "united-states"); !has || err != nil {
			t.Errorf("Has(united-states) = %v, %v; another source still states it", has, err)
		}
		if _, ok, _ := s.Lookup(ctx, "us-defend-japan"); ok {
			t.Errorf("an obligation of the removed source is still in the store")
		}
		g, err = s.Load(ctx, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Sources) != 1 || len(g.Parties) != 2 || len(g.Obligations) != 0 {
			t.Errorf("after remove: %d sources, %d parties, %d obligations; want 1, 2, 0", len(g.Sources), len(g.Parties), len(g.Obligations))
		}
		if got, want := nquadsOf(t, s, ""), nquadsOf(t, storeWith(t, nato), ""); got != want {
			t.Errorf("after remove the store is not what ingesting the other source alone gives:\n%s\nwant\n%s", got, want)
		}
	})
}

func TestRemoveUnknownSource(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())
		before := nquadsOf(t, s, "")
		_, err := s.Remove(context.Background(), "nato-spending", "nato-spendin")
		if err == nil || !strings.Contains(err.Error(), `did you mean "nato-spending"?`) {
			t.Errorf("Remove of a misspelt id: err = %v, want a did-you-mean", err)
		}
		if after := nquadsOf(t, s, ""); after != before {
			t.Errorf("failed remove changed the store")
		}
	})
}
