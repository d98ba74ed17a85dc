package store

import (
	"context"
	"runtime/debug"
	"strings"
	"testing"
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
