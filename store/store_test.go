package store

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

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

func TestLookup(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())
		tests := []struct {
			id   string
			want graph.ItemInfo
			ok   bool
		}{
			{"united-states", graph.ItemInfo{ID: "united-states", Kind: graph.KindParty, Type: "state", Name: "United States", Sources: []string{"japan-us-security-treaty-article", "nato-spending"}}, true},
			{"japan-us-security-treaty-1960", graph.ItemInfo{ID: "japan-us-security-treaty-1960", Kind: graph.KindAgreement, Type: "treaty", Name: "Japan-US Security Treaty (1960 revision)", Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"treaty-signed-1951", graph.ItemInfo{ID: "treaty-signed-1951", Kind: graph.KindEvent, Name: "The original treaty is signed", Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"japan-defend-us", graph.ItemInfo{ID: "japan-defend-us", Kind: graph.KindObligation, Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"japan-contributes-otherwise", graph.ItemInfo{ID: "japan-contributes-otherwise", Kind: graph.KindCounterclaim, Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"nobody", graph.ItemInfo{}, false},
		}
		for _, tt := range tests {
			t.Run(tt.id, func(t *testing.T) {
				got, ok, err := s.Lookup(context.Background(), tt.id)
				if err != nil || ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Lookup(%q) = %+v, %v, %v; want %+v, %v", tt.id, got, ok, err, tt.want, tt.ok)
				}
				if has, err := s.Has(context.Background(), tt.id); err != nil || has != tt.ok {
					t.Errorf("Has(%q) = %v, %v; want %v", tt.id, has, err, tt.ok)
				}
			})
		}
		// All at once, in batches of two, an id asked twice: what Lookup gives each.
		defer func(n int) { lookupBatch = n }(lookupBatch)
		lookupBatch = 2
		var ids []string
		want := map[string]graph.ItemInfo{}
		for _, tt := range tests {
			ids = append(ids, tt.id)
			if tt.ok {
				want[tt.id] = tt.want
			}
		}
		got, err := s.LookupMany(context.Background(), append(ids, ids[0]))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("LookupMany(%q) = %+v, %v; want %+v", ids, got, err, want)
		}
	})
}

// A new store answers lookups without reading itself, having found once that it is empty;
// a write through the same store must make it read again.
func TestLookupBeforeAndAfterTheFirstWrite(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openStore(t, addr)
		if info, ok, err := s.Lookup(ctx, "united-states"); ok || err != nil {
			t.Fatalf("Lookup(united-states) in a new store = %+v, %v, %v; want nothing", info, ok, err)
		}
		ingest(t, s, treatyFacts())
		if info, ok, err := s.Lookup(ctx, "united-states"); !ok || err != nil || info.Name != "United States" {
			t.Errorf("Lookup(united-states) after the first write = %+v, %v, %v; want the party", info, ok, err)
		}
		if _, err := s.Remove(ctx, treatyFacts().Source.ID); err != nil {
			t.Fatal(err)
		}
		if info, ok, err := s.Lookup(ctx, "united-states"); ok || err != nil {
			t.Errorf("Lookup(united-states) after removing its only source = %+v, %v, %v; want nothing", info, ok, err)
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

func TestNQuadsGolden(t *testing.T) {
	s := storeWith(t, treatyFacts())
	got := nquadsOf(t, s, "")
	golden := filepath.Join("testdata", "treaty.nq")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("N-Quads differ from %s (run go test -update and read the diff):\n%s", golden, got)
	}
}

func TestNQuadsRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		first := nquadsOf(t, storeWith(t, treatyFacts(), natoFacts()), "")
		s := openStore(t, addr)
		ingest(t, s, natoFacts()) // replaced by the import
		rep, err := s.ImportNQuads(ctx, strings.NewReader(first))
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Sources) != 2 || rep.Sources[0].Change != ChangeAdded || rep.Sources[1].Change != ChangeUnchanged {
			t.Errorf("import report %+v, want treaty added and nato unchanged", rep.Sources)
		}
		if again := nquadsOf(t, s, ""); again != first {
			t.Errorf("export, import, export differs:\n%s\nwant\n%s", again, first)
		}
		got, err := s.LoadFacts(ctx, "japan-us-security-treaty-article")
		if err != nil || !reflect.DeepEqual(got, treatyFacts()) {
			t.Errorf("LoadFacts after import = %+v, %v", got, err)
		}
	})
}

func TestImportNQuadsRejects(t *testing.T) {
	good := nquadsOf(t, storeWith(t, natoFacts()), "")
	tests := []struct{ name, in, want string }{
		{"no label", `<japan> <fg:kind> "party" .` + "\n", "no <source/ID> label"},
		{"unknown predicate", good + `<nato> <fg:colour> "blue" <source/nato-spending> .` + "\n", "unexpected quad"},
		{"no source node", `<nato> <fg:kind> "party" <source/x> .` + "\n", `no source "x"`},
		{"list without order", strings.Replace(good, `<united-states> <fg:order/alias> "[\"USA\",\"US\"]" <source/nato-spending> .`+"\n", "", 1), "no <fg:order/alias> quad"},
		{"bad date", strings.Replace(good, `<fg:title> "NATO spending"`, `<fg:title> "NATO spending" <source/nato-spending> .
<source/nato-spending> <fg:published> "2024-13"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>`, 1), "not on the calendar"},
		{"syntax", "<a> <b> .\n", "read n-quads"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storeWith(t, treatyFacts())
			before := nquadsOf(t, s, "")
			_, err := s.ImportNQuads(context.Background(), strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
			if after := nquadsOf(t, s, ""); after != before {
				t.Errorf("rejected import changed the store")
			}
		})
	}
}

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

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notStore := filepath.Join(dir, "facts.yaml")
	if err := os.WriteFile(notStore, []byte("factgraph: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, addr string
		opts       *OpenOptions
		want       string
	}{
		{"read-only missing", filepath.Join(dir, "none.db"), &OpenOptions{ReadOnly: true}, "no store at"},
		{"not a store", notStore, nil, "is it a factgraph store?"},
		{"directory", dir, nil, "is a directory"},
		{"empty", "", nil, "no store given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(context.Background(), tt.addr, tt.opts)
			if err == nil {
				s.Close()
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) err = %v, want %q", tt.addr, err, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only open created the store file")
	}
}

func TestBoltPersistsAndReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "factgraph.db")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, s, treatyFacts())
	want := nquadsOf(t, s, "")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r1, err := Open(ctx, path, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(ctx, path, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer r2.Close()
	if got := nquadsOf(t, r2, ""); got != want {
		t.Errorf("reopened store differs")
	}
	if _, err := r1.Ingest(ctx, []*graph.Facts{natoFacts()}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Ingest on a read-only store: err = %v", err)
	}
}

// TestCayleyLogsNothing checks that Cayley's log, which printed database URLs with their
// passwords and Go's %#v of errors, says nothing: the store returns each error itself.
func TestCayleyLogsNothing(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	clog.Errorf("Couldn't open database at %s: %#v", "postgres://u:SECRET@127.0.0.1:1/db", "refused")
	clog.Warningf("Cannot create nodes table: %v", "database already exists")
	if buf.Len() > 0 {
		t.Errorf("Cayley logged %q", buf.String())
	}
}
