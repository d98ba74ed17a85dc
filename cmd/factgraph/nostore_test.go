package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadingNeverWrites runs every command that reads a store on a path with none: each
// exits 1 with the message that says what to do, and no file appears.
func TestReadingNeverWrites(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.db")
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{
		{"sources"},
		{"remove", "nato-spending-summary"},
		{"export", "-o", filepath.Join(out, "x.graphml")},
		{"render", "-o", filepath.Join(out, "x.svg")},
		{"query", "obligations"},
		{"query", "claims"},
		{"query", "timeline"},
		{"stats"},
		{"serve"},
	} {
		args := append(args, "--store", missing)
		code, _, stderr := runQuery(t, args...)
		want := `no store at "` + missing + `"; ingest facts first: factgraph ingest FILE`
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 1 and %q", args, code, stderr, want)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%q created the store", args)
		}
		if _, err := os.Stat(filepath.Join(out, "x.svg")); err == nil {
			t.Fatalf("%q wrote a drawing of no store", args)
		}
	}
}

// TestFailedFirstIngestLeavesNoFile ingests a broken file, then a file whose references the
// store cannot resolve, into a path with no store: neither leaves a file behind.
func TestFailedFirstIngestLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("factgraph: 1\nsource: {id: x, title: y}\nparties:\n  - {id: a, name: A, kind: bogus}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.yaml")
	if err := os.WriteFile(dangling, []byte("factgraph: 1\nsource: {id: z, title: y}\nobligations:\n  - {id: o, bearer: nobody, beneficiary: nobody-else, duty: pay}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{bad, dangling} {
		db := filepath.Join(dir, "new.db")
		if code, _, stderr := runQuery(t, "ingest", "--store", db, in); code == 0 {
			t.Fatalf("ingest %s: exit 0, want a failure: %s", in, stderr)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("a failed ingest of %s left %s behind", filepath.Base(in), db)
		}
	}
}

// TestFlagshipStoreIsSmall checks that a bolt store of the flagship sample stays under
// 1 MiB: bolt's default growth made every store at least 16.8 MB.
func TestFlagshipStoreIsSmall(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", db, copySample(t)); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() >= 1<<20 {
		t.Errorf("the flagship's store is %d bytes, want under 1 MiB", fi.Size())
	}
}

// TestRemoveRefusesToBreakReferences removes the article another one refers to.
func TestRemoveRefusesToBreakReferences(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.yaml")
	writeFile(t, a, "factgraph: 1\nsource: {id: a, title: A}\nparties:\n  - {id: north, name: North, kind: state}\nclaims:\n  - {id: pact-is-lopsided, by: north, says: \"The pact is lopsided.\"}\n")
	writeFile(t, b, "factgraph: 1\nsource: {id: b, title: B}\nparties:\n  - {id: east, name: East, kind: state}\ncounterclaims:\n  - {id: pact-is-balanced, by: east, says: \"It is not.\", counters: [pact-is-lopsided]}\n")
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", db, a, b); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	before := dump(t, db)
	code, _, stderr := runQuery(t, "remove", "--store", db, "a")
	if code != 1 || !strings.Contains(stderr, "b: counterclaim pact-is-balanced counters -> pact-is-lopsided") || !strings.Contains(stderr, "factgraph remove a b") {
		t.Errorf("remove a: exit %d: %s", code, stderr)
	}
	if dump(t, db) != before {
		t.Error("a refused remove changed the store")
	}
	if code, _, stderr := runQuery(t, "remove", "--store", db, "a", "b"); code != 0 {
		t.Errorf("remove a b: exit %d: %s", code, stderr)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
