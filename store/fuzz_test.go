package store

import (
	"bytes"
	"context"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// maxFuzzNQuads bounds the input FuzzImportNQuads imports. Go's fuzzer lets an input grow
// to 100 MB, and an import holds several copies of it in memory, so without a bound a
// long run can exhaust the machine's memory. The seeds are a few hundred bytes; the bound
// also leaves out inputs grown from the 15 KB seed older versions of this test had, which
// may still sit in a fuzz cache.
//
// When an input finds new code, Go minimises it before going on: up to len(input)²
// runs, capped by -fuzzminimizetime (60 s by default), during which the "execs" count
// stands still and Go reports 0/sec. That is not a hang; for a steady count use, say,
//
//	go test -run '^$' -fuzz '^FuzzImportNQuads$' -fuzztime 60s -fuzzminimizetime 5s ./graph
const maxFuzzNQuads = 8 << 10

// FuzzImportNQuads imports arbitrary N-Quads: it must fail cleanly or give a store whose
// export imports into another store and exports to the same bytes.
func FuzzImportNQuads(f *testing.F) {
	for _, facts := range fuzzSeedFacts(treatyFacts(), natoFacts()) {
		f.Add(nquadsOfFacts(f, facts))
	}
	f.Add(`<source/x> <fg:kind> "source" <source/x> .` + "\n")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > maxFuzzNQuads {
			return
		}
		ctx := context.Background()
		first := openFuzzStore(t)
		if _, err := first.ImportNQuads(ctx, bytes.NewBufferString(in)); err != nil {
			return
		}
		var out1, out2 bytes.Buffer
		if err := first.WriteNQuads(ctx, &out1, ""); err != nil {
			t.Fatal(err)
		}
		second := openFuzzStore(t)
		if _, err := second.ImportNQuads(ctx, bytes.NewReader(out1.Bytes())); err != nil {
			t.Fatalf("re-import of an export failed: %v\n%s", err, out1.String())
		}
		if err := second.WriteNQuads(ctx, &out2, ""); err != nil {
			t.Fatal(err)
		}
		if out1.String() != out2.String() {
			t.Fatalf("export, import, export differs:\n%s\nwant\n%s", out2.String(), out1.String())
		}
	})
}

// openFuzzStore opens a mem: store that is closed when the input is done.
func openFuzzStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// nquadsOfFacts is the export of a mem: store holding facts.
func nquadsOfFacts(tb testing.TB, facts ...*graph.Facts) string {
	tb.Helper()
	ctx := context.Background()
	s, err := Open(ctx, "mem:", nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Ingest(ctx, facts); err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if err := s.WriteNQuads(ctx, &b, ""); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// fuzzSeedFacts splits sources into small facts, one item each besides the source itself,
// so that the seeds cover every kind of quad while each stays a few hundred bytes long.
func fuzzSeedFacts(sources ...*graph.Facts) []*graph.Facts {
	var out []*graph.Facts
	for _, f := range sources {
		out = append(out, &graph.Facts{Source: f.Source})
		one := func() *graph.Facts { return &graph.Facts{Source: graph.Source{ID: f.Source.ID}} }
		for _, p := range f.Parties {
			s := one()
			s.Parties = []graph.Party{p}
			out = append(out, s)
		}
		for _, a := range f.Agreements {
			s := one()
			s.Agreements = []graph.Agreement{a}
			out = append(out, s)
		}
		for _, e := range f.Events {
			s := one()
			s.Events = []graph.Event{e}
			out = append(out, s)
		}
		for _, o := range f.Obligations {
			s := one()
			s.Obligations = []graph.Obligation{o}
			out = append(out, s)
		}
		for _, c := range f.Claims {
			s := one()
			s.Claims = []graph.Claim{c}
			out = append(out, s)
		}
		for _, c := range f.Counterclaims {
			s := one()
			s.Counterclaims = []graph.Claim{c}
			out = append(out, s)
		}
		for _, r := range f.Relations {
			s := one()
			s.Relations = []graph.Relation{r}
			out = append(out, s)
		}
	}
	return out
}
