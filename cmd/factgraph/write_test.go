package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// TestFactsAndNQuadsInOneWrite gives ingest a facts file with a good and with a broken
// N-Quads file: with the broken one nothing is stored, with the good one both are, in one
// write.
func TestFactsAndNQuadsInOneWrite(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", src, "../../samples/nato-spending"); code != 0 {
		t.Fatalf("ingest nato: exit %d: %s", code, stderr)
	}
	good := filepath.Join(dir, "nato.nq")
	if code, _, stderr := runQuery(t, "export", "--store", src, "-o", good); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	bad := filepath.Join(dir, "bad.nq")
	writeFile(t, bad, "<x> <fg:kind> \"party\" <source/bad> .\n<broken\n")
	facts := copySample(t)

	db := filepath.Join(dir, "s.db")
	code, out, stderr := runQuery(t, "ingest", "--store", db, facts, bad)
	if code != 1 || !strings.Contains(stderr, "bad.nq") || !strings.Contains(stderr, "nothing was stored") || out != "" {
		t.Errorf("ingest facts.yaml bad.nq: exit %d, stdout %q, stderr %s", code, out, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatalf("ingest facts.yaml bad.nq stored something")
	}

	code, out, stderr = runQuery(t, "ingest", "--store", db, facts, good)
	if code != 0 {
		t.Fatalf("ingest facts.yaml nato.nq: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"added japan-us-security-treaty-article", "added nato-spending-summary"} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest facts.yaml nato.nq: report lacks %q:\n%s", want, out)
		}
	}
	_, sources, _ := runQuery(t, "sources", "--store", db)
	if !strings.Contains(sources, "japan-us-security-treaty-article") || !strings.Contains(sources, "nato-spending-summary") {
		t.Errorf("sources after one write of both:\n%s", sources)
	}
}

// writeNQuads writes the quads of facts as an N-Quads file, as another program could.
func writeNQuads(t *testing.T, path string, facts ...*graph.Facts) {
	t.Helper()
	var b strings.Builder
	for _, f := range facts {
		for _, q := range model.Encode(f) {
			b.WriteString(model.QuadKey(q) + " .\n")
		}
	}
	writeFile(t, path, b.String())
}

// TestNQuadsObeyTheFactsRules imports N-Quads that no facts file could make: each is
// refused with the rule it breaks, naming the file and source, and nothing is stored.
func TestNQuadsObeyTheFactsRules(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", db, copySample(t)); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	before := dump(t, db)
	src := graph.Source{ID: "s2", Title: "S2"}
	cases := []struct {
		name  string
		facts *graph.Facts
		want  string
	}{
		{"redefines another source's party", &graph.Facts{Source: src,
			Parties: []graph.Party{{ID: "japan", Name: "Somewhere Else", Kind: "person"}}}, "japan"},
		{"an id no facts file may have", &graph.Facts{Source: src,
			Parties: []graph.Party{{ID: "p1>x", Name: "P", Kind: "state"}}}, "p1>x"},
		{"a reference to nothing", &graph.Facts{Source: src,
			Parties:     []graph.Party{{ID: "p1", Name: "P", Kind: "state"}},
			Obligations: []graph.Obligation{{ID: "o1", Bearer: "p1", Beneficiary: "nobody", Duty: "pay", Status: "in-force"}}}, "nobody"},
		{"an unknown kind", &graph.Facts{Source: src,
			Parties: []graph.Party{{ID: "p1", Name: "P", Kind: "dragon"}}}, "dragon"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nq := filepath.Join(t.TempDir(), "s2.nq")
			writeNQuads(t, nq, c.facts)
			code, _, stderr := runQuery(t, "ingest", "--store", db, nq)
			if code != 1 || !strings.Contains(stderr, nq+", source s2: ") || !strings.Contains(stderr, c.want) {
				t.Errorf("import: exit %d: %s", code, stderr)
			}
			if dump(t, db) != before {
				t.Error("a refused import changed the store")
			}
		})
	}
}
