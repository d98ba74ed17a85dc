package query

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/storetest"
)

// countingReader counts the whole-store reads, to tell a targeted answer from a fallback.
type countingReader struct {
	*store.Store
	loads   int
	arounds int // reads of items, whole or for their names
}

func (c *countingReader) Load(ctx context.Context, o store.LoadOptions) (*graph.Graph, error) {
	c.loads++
	return c.Store.Load(ctx, o)
}

func (c *countingReader) LoadAround(ctx context.Context, seeds []string, o store.AroundOptions) (*graph.Graph, error) {
	c.arounds++
	return c.Store.LoadAround(ctx, seeds, o)
}

// newStore ingests facts into a new store of the kind given: "bolt", "mem" or "postgres"
// (a new database on the server of FACTGRAPH_TEST_POSTGRES; without one the test is
// skipped, or fails when CI is set). On bolt and PostgreSQL the targeted reads go through
// the same indexes as on a user's store; "--in FILE" queries a mem store.
func newStore(t testing.TB, kind string, facts []*graph.Facts) *store.Store {
	t.Helper()
	ctx := context.Background()
	addr := "mem:"
	switch kind {
	case "bolt":
		addr = filepath.Join(t.TempDir(), "facts.db")
	case "postgres":
		base := storetest.PostgresBase(t)
		addr = storetest.FreshPostgres(t, base)
	}
	s, err := store.Open(ctx, addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Ingest(ctx, facts); err != nil {
		t.Fatal(err)
	}
	return s
}

func sampleFacts(t testing.TB) []*graph.Facts {
	t.Helper()
	paths, err := filepath.Glob("../samples/*/facts.yaml")
	if err != nil || len(paths) < 2 {
		t.Fatalf("want the two samples, found %q (%v)", paths, err)
	}
	files, err := ingest.Load(context.Background(), paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []*graph.Facts
	for _, f := range files {
		out = append(out, f.Facts)
	}
	return out
}

func synthFacts(n int) []*graph.Facts {
	g := synth.NewGenerator(42)
	var out []*graph.Facts
	for i := 0; i < n; i++ {
		out = append(out, g.Article(i).Facts)
	}
	return out
}

// smallFacts is the hand-made graph of fixture_test.go as the facts of its one source: it
// has counterclaims in a cycle and an isolated party, which the other stores lack.
func smallFacts(t testing.TB) []*graph.Facts {
	g := small(t)
	f := &graph.Facts{Source: g.Sources[0], Parties: g.Parties, Agreements: g.Agreements, Events: g.Events,
		Obligations: g.Obligations, Claims: g.Claims, Counterclaims: g.Counterclaims, Relations: g.Relations}
	return []*graph.Facts{f}
}

// restatedFacts are smallFacts and two more sources that state some of its events,
// obligations and assertions again in other words: one whose id sorts before smallFacts'
// source, whose words the merged graph keeps, and one after it. A targeted read must show
// the same words as the whole graph.
func restatedFacts(t testing.TB) []*graph.Facts {
	facts := smallFacts(t)
	d := graph.MustDate
	restate := func(id, words string) *graph.Facts {
		return &graph.Facts{
			Source: graph.Source{ID: id, Title: "A restatement " + words, Published: d("2020")},
			Parties: []graph.Party{
				{ID: "japan", Name: "Japan", Kind: "state"},
				{ID: "united-states", Name: "United States", Kind: "state"},
				{ID: "donald-trump", Name: "Donald Trump", Kind: "person"},
			},
			Events: []graph.Event{{ID: "revision-1960", Name: "The revision " + words, Date: d("1960"), Involves: []string{"japan"}}},
			Obligations: []graph.Obligation{
				{ID: "japan-bases", Bearer: "japan", Beneficiary: "united-states", Duty: "provide bases " + words, Status: "in-force"},
				{ID: "japan-renegotiate", Bearer: "japan", Beneficiary: "united-states", Duty: "renegotiate " + words, Status: "absent"},
			},
			Claims:        []graph.Claim{{ID: "trump-free-ride", Kind: graph.KindClaim, By: "donald-trump", Says: "Japan pays nothing " + words, About: []string{"japan"}}},
			Counterclaims: []graph.Claim{{ID: "cc-nested", Kind: graph.KindCounterclaim, By: "donald-trump", Says: "Bases are no defence " + words, Counters: []string{"trump-free-ride"}}},
		}
	}
	return append([]*graph.Facts{restate("zz-later", "(later)")}, append(facts, restate("aa-earlier", "(earlier)"))...)
}

// TestTargetedSameAnswers runs every filtered form of every targeted query on the whole
// graph and on the store through its indexes, and compares the JSON byte for byte (or the
// error messages). Where every id given names an item and the whole graph answers without
// an error, the targeted query must not have read the whole store. Asked for text only
// (TextOnly), the answer must print the same text, and on each store some answers must
// leave out names, which the store was then not read for.
func TestTargetedSameAnswers(t *testing.T) {
	stores := []struct {
		name   string
		facts  func(testing.TB) []*graph.Facts
		stride int    // ask about every stride-th item only
		kind   string // of store (newStore)
	}{
		{"samples", sampleFacts, 1, "bolt"},
		{"samples-mem", sampleFacts, 1, "mem"},
		{"small", smallFacts, 1, "bolt"},
		{"restated", restatedFacts, 1, "bolt"},
		{"synthetic", func(testing.TB) []*graph.Facts { return synthFacts(40) }, 15, "bolt"},
		{"samples-postgres", sampleFacts, 1, "postgres"},
		{"small-postgres", smallFacts, 1, "postgres"},
		{"restated-postgres", restatedFacts, 1, "postgres"},
		{"synthetic-postgres", func(testing.TB) []*graph.Facts { return synthFacts(40) }, 60, "postgres"},
	}
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			s := newStore(t, st.kind, st.facts(t))
			mem := st.kind == "mem"
			whole, err := s.Load(ctx, store.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ix := NewIndex(whole)
			r := &countingReader{Store: s}
			leftOut := map[string]int{} // by query: answers for text only that left out names
			for _, c := range targetedCases(ix, st.stride) {
				t.Run(c.name, func(t *testing.T) {
					want, werr := c.whole(ix)
					r.loads, r.arounds = 0, 0
					got, gerr := c.targeted(ctx, r)
					if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
						t.Fatalf("error %v, want %v", gerr, werr)
					}
					if werr == nil {
						wj, gj := jsonOf(t, want), jsonOf(t, got)
						if !bytes.Equal(wj, gj) {
							t.Fatalf("targeted answer differs:\n%s\nwant\n%s", gj, wj)
						}
					}
					if werr == nil && c.ids && c.sketched && !mem && r.arounds != c.arounds {
						t.Errorf("read items through LoadAround %d times; a sketched answer does %d times", r.arounds, c.arounds)
					}
					if werr == nil && c.ids && r.loads > 0 {
						t.Errorf("read the whole store %d times for a question on ids", r.loads)
					}
					if c.near && !mem && r.loads > 0 {
						t.Errorf("read the whole store %d times for a mistyped ref (%v)", r.loads, gerr)
					}
					if werr == nil && c.names && !mem && r.loads > 0 {
						t.Errorf("read the whole store %d times for names that match one item each", r.loads)
					}
					if werr == nil && c.text != nil {
						got, err := c.text(ctx, r)
						if err != nil {
							t.Fatalf("for text only: %v", err)
						}
						if wt, gt := textOf(t, want), textOf(t, got); !bytes.Equal(wt, gt) {
							t.Fatalf("targeted answer for text only prints differently:\n%s\nwant\n%s", gt, wt)
						}
						if !bytes.Equal(jsonOf(t, got), jsonOf(t, want)) {
							leftOut[strings.Fields(c.name)[0]]++
						}
					}
				})
			}
			for _, q := range []string{"obligations", "claims"} {
				if leftOut[q] == 0 {
					t.Errorf("no answer of %s for text only left out a name", q)
				}
			}
		})
	}
}

// textOf is what an answer prints as text (WriteText).
func textOf(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := v.(interface{ WriteText(io.Writer, int) error }).WriteText(&b, DefaultWidth); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestTargetedOldName asks about an item by a name it no longer has: the store's name
// index still lists the old name (a write leaves the names it replaces), and the answer
// must be the whole graph's, not the item's. (PostgreSQL's name index drops old names.)
func TestTargetedOldName(t *testing.T) {
	for _, kind := range []string{"bolt", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			facts := smallFacts(t)
			s := newStore(t, kind, facts)
			renamed := *facts[0]
			renamed.Parties = append([]graph.Party(nil), facts[0].Parties...)
			for i, p := range renamed.Parties {
				if p.ID == "hermit" {
					renamed.Parties[i].Name = "Hermit Republic"
				}
			}
			if _, err := s.Ingest(ctx, []*graph.Facts{&renamed}); err != nil {
				t.Fatal(err)
			}
			if cands, err := s.NameMatches(ctx, "Hermit Kingdom"); kind == "bolt" && (err != nil || len(cands) != 1) {
				t.Fatalf("NameMatches(Hermit Kingdom) = %v, %v; the test needs the old name in the index", cands, err)
			}
			whole, err := s.Load(ctx, store.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ix := NewIndex(whole)
			for _, ref := range []string{"Hermit Kingdom", "Hermit Republic"} {
				want, werr := ix.Neighbors(ref, NeighborsOptions{Limit: 10})
				got, gerr := NeighborsIn(ctx, s, ref, NeighborsOptions{Limit: 10})
				if fmt.Sprint(werr) != fmt.Sprint(gerr) {
					t.Fatalf("neighbors of %q: error %v, want %v", ref, gerr, werr)
				}
				if werr == nil && !bytes.Equal(jsonOf(t, got), jsonOf(t, want)) {
					t.Errorf("neighbors of %q:\n%s\nwant\n%s", ref, jsonOf(t, got), jsonOf(t, want))
				}
			}
		})
	}
}
