package graph

import (
	"bytes"
	"context"
	"testing"
)

// FuzzImportNQuads imports arbitrary N-Quads: it must fail cleanly or give a store whose
// export imports into another store and exports to the same bytes.
func FuzzImportNQuads(f *testing.F) {
	var b bytes.Buffer
	s, err := Open(context.Background(), "mem:", nil)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := s.Ingest(context.Background(), []*Facts{treatyFacts(), natoFacts()}); err != nil {
		f.Fatal(err)
	}
	if err := s.WriteNQuads(context.Background(), &b, ""); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	f.Add(`<source/x> <fg:kind> "source" <source/x> .` + "\n")
	f.Fuzz(func(t *testing.T, in string) {
		ctx := context.Background()
		first, _ := Open(ctx, "mem:", nil)
		if _, err := first.ImportNQuads(ctx, bytes.NewBufferString(in)); err != nil {
			return
		}
		var out1, out2 bytes.Buffer
		if err := first.WriteNQuads(ctx, &out1, ""); err != nil {
			t.Fatal(err)
		}
		second, _ := Open(ctx, "mem:", nil)
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
