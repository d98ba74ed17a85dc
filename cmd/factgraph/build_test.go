package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildIsAFunctionOfItsInputs builds both samples, then the flagship alone, into the
// same folder: the second folder holds the flagship alone, what only the first build wrote
// is gone, and a file build never wrote is left alone.
func TestBuildIsAFunctionOfItsInputs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runQuery(t, "build", "../../samples", "-o", out); code != 0 {
		t.Fatalf("build samples: exit %d: %s", code, stderr)
	}
	mine := filepath.Join(out, "notes.txt")
	writeFile(t, mine, "the user's own file")
	// A file the last build wrote and this one will not: as if a format went away.
	stale := filepath.Join(out, "full-old", "nodes.csv")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, stale, "x")
	manifest := filepath.Join(out, ".factgraph-build")
	list, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatalf("the first build wrote no list of its files: %v", err)
	}
	writeFile(t, manifest, string(list)+"full-old/nodes.csv\n../outside.txt\n")
	outside := filepath.Join(filepath.Dir(out), "outside.txt")
	writeFile(t, outside, "not build's")

	code, report, stderr := runQuery(t, "build", "../../samples/japan-us-security-treaty", "-o", out)
	if code != 0 {
		t.Fatalf("build flagship: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"factgraph.nq", "full.graphml", "full.dot", "full-csv/nodes.csv"} {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "nato-spending") {
			t.Errorf("%s still holds the NATO source after a build of the flagship alone", f)
		}
	}
	_, sources, _ := runQuery(t, "sources", "--store", filepath.Join(out, "factgraph.db"))
	if strings.Contains(sources, "nato") || !strings.Contains(sources, "japan-us-security-treaty-article") {
		t.Errorf("the built store holds:\n%s", sources)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a file only the last build wrote is still there")
	}
	if _, err := os.Stat(filepath.Dir(stale)); err == nil {
		t.Error("the folder the stale file leaves empty is still there")
	}
	for _, keep := range []string{mine, outside} {
		if _, err := os.Stat(keep); err != nil {
			t.Errorf("build removed %s, which it did not write", keep)
		}
	}
	if strings.Contains(report, ".factgraph-build") {
		t.Errorf("the report names the staging folder or the list:\n%s", report)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".factgraph-build-") {
			t.Errorf("the staging folder %s was left behind", e.Name())
		}
	}
}

// TestFailedBuildChangesNothing builds, then builds a broken file into the same folder.
func TestFailedBuildChangesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runQuery(t, "build", "../../samples/japan-us-security-treaty", "-o", out); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	before := dump(t, filepath.Join(out, "factgraph.db"))
	graphml, _ := os.ReadFile(filepath.Join(out, "full.graphml"))
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	writeFile(t, bad, "factgraph: 1\nsource: {id: x, title: y}\nparties:\n  - {id: a, name: A, kind: bogus}\n")
	if code, _, _ := runQuery(t, "build", bad, "-o", out); code == 0 {
		t.Fatal("build of a broken file: exit 0")
	}
	if dump(t, filepath.Join(out, "factgraph.db")) != before {
		t.Error("a failed build changed the store")
	}
	if now, _ := os.ReadFile(filepath.Join(out, "full.graphml")); string(now) != string(graphml) {
		t.Error("a failed build changed an export")
	}
}

// TestBuildWithStoreKeepsWhatItHeld builds from a store that holds another source already.
func TestBuildWithStoreKeepsWhatItHeld(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", db, "../../samples/nato-spending"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := runQuery(t, "build", "--store", db, "../../samples/japan-us-security-treaty", "-o", out); code != 0 {
		t.Fatalf("build --store: exit %d: %s", code, stderr)
	}
	nq, err := os.ReadFile(filepath.Join(out, "factgraph.nq"))
	if err != nil || !strings.Contains(string(nq), "nato-spending") || !strings.Contains(string(nq), "japan-us-security-treaty-article") {
		t.Errorf("build --store exports do not hold both sources: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "factgraph.db")); err == nil {
		t.Error("build --store wrote a store into the output folder too")
	}
}
