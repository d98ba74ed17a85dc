package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
