package store

import (
	"context"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/internal/golden"
)

func TestImportNQuadsRejectsUnnamedValues(t *testing.T) {
	good := `<source/x> <fg:kind> "source" <source/x> .` + "\n"
	tests := []struct{ name, in, want string }{
		{"empty subject", good + `<> <fg:kind> "party" <source/x> .` + "\n", "line 2:"},
		{"empty predicate", "# comment\n\n" + good + `<x> <> "party" <source/x> .` + "\n", "line 4:"},
		{"empty object", `<x> <fg:member-of> <> <source/x> .` + "\n" + good, "line 1:"},
		{"all empty", `<> <> <> <source/x> .` + "\n", "empty IRI or blank node"},
		{"syntax after a blank line", good + "\n<a> <b> .\n", "line 3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openFuzzStore(t)
			_, err := s.ImportNQuads(context.Background(), strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
			if got := nquadsOf(t, s, ""); got != "" {
				t.Errorf("rejected import stored:\n%s", got)
			}
		})
	}
}

// Cayley's nquads.Reader skips a quad with an empty IRI by calling itself again, one
// stack frame per line: two million such lines overflowed the goroutine stack, a fatal
// error that killed the process (and a fuzzing worker). With the stack limited to 1 MB,
// ten thousand lines are enough to show it.
func TestImportNQuadsUnnamedValuesDoNotGrowTheStack(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	in := strings.Repeat(`<> <> <> <source/x> .`+"\n", 10000)
	s := openFuzzStore(t)
	_, err := s.ImportNQuads(context.Background(), strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), "line 1:") {
		t.Errorf("err = %v, want one about line 1", err)
	}
}

func TestImportNQuadsLongLine(t *testing.T) {
	in := `<source/x> <fg:kind> "source" <source/x> .` + "\n" +
		`<source/x> <fg:title> "` + strings.Repeat("a", 1<<20) + `" <source/x> .`
	s := openFuzzStore(t)
	if _, err := s.ImportNQuads(context.Background(), strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	facts, err := s.LoadFacts(context.Background(), "x")
	if err != nil || len(facts.Source.Title) != 1<<20 {
		t.Errorf("LoadFacts = %d-byte title, %v; want the 1 MiB title of the last line, which has no newline", len(facts.Source.Title), err)
	}
}

func TestImportNQuadsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := strings.Repeat(`<source/x> <fg:kind> "source" <source/x> .`+"\n", 10000)
	s := openFuzzStore(t)
	if _, err := s.ImportNQuads(ctx, strings.NewReader(in)); err != context.Canceled {
		t.Errorf("err = %v, want %v", err, context.Canceled)
	}
}

// The fuzz seeds must import: a seed the import rejects explores nothing past the reader.
func TestFuzzSeedsImport(t *testing.T) {
	for i, f := range fuzzSeedFacts(treatyFacts(), natoFacts()) {
		in := nquadsOfFacts(t, f)
		if len(in) > maxFuzzNQuads {
			t.Errorf("seed %d is %d bytes, more than the fuzz bound %d", i, len(in), maxFuzzNQuads)
		}
		s := openFuzzStore(t)
		if _, err := s.ImportNQuads(context.Background(), strings.NewReader(in)); err != nil {
			t.Errorf("seed %d: %v\n%s", i, err, in)
		}
	}
}

func TestNQuadsGolden(t *testing.T) {
	s := storeWith(t, treatyFacts())
	got := nquadsOf(t, s, "")
	golden.Check(t, filepath.Join("testdata", "treaty.nq"), []byte(got))
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
