package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputFoldersAreCreated: every command that writes a file or a folder creates the
// folders it lies in.
func TestOutputFoldersAreCreated(t *testing.T) {
	dir := t.TempDir()
	in := func(p string) string { return filepath.Join(dir, "new", p) }
	tests := []struct {
		name  string
		args  []string
		wrote []string
	}{
		{"export a file", []string{"export", "-o", in("a/b/treaty.graphml"), flagship}, []string{"a/b/treaty.graphml"}},
		{"export a folder", []string{"export", "--format", "csv", "-o", in("c/d/tables"), flagship}, []string{"c/d/tables/nodes.csv", "c/d/tables/edges.csv"}},
		{"export nquads", []string{"export", "-o", in("e/all.nq"), flagship}, []string{"e/all.nq"}},
		{"render", []string{"render", "--view", "parties", "-o", in("f/g/alliance.svg"), flagship}, []string{"f/g/alliance.svg"}},
		{"build", []string{"build", "-o", in("h/i/out"), flagship}, []string{"h/i/out/factgraph.db", "h/i/out/full.dot"}},
		{"ingest into a new store", []string{"ingest", "--store", in("j/k/f.db"), flagship}, []string{"j/k/f.db"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := runQuery(t, tt.args...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range tt.wrote {
				if st, err := os.Stat(in(w)); err != nil || st.Size() == 0 {
					t.Errorf("%s not written: %v", w, err)
				}
			}
		})
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "new", "*", "*", "*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %q", leftovers)
	}
}

// TestOutputErrorsNameTheOutput: a file that cannot be written is named as the user gave it,
// never by the temporary name it is first written under.
func TestOutputErrorsNameTheOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"under a file", []string{"export", "-o", filepath.Join(file, "x.dot"), flagship}, `cannot write "` + filepath.Join(file, "x.dot") + `": not a directory`},
		{"onto a folder", []string{"export", "--format", "dot", "-o", dir, flagship}, `cannot write "` + dir + `": it is a folder; give the name of a file in it`},
		{"picture under a file", []string{"render", "-o", filepath.Join(file, "x.svg"), flagship}, `cannot write "` + filepath.Join(file, "x.svg") + `": not a directory`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runQuery(t, tt.args...)
			if code != 1 || !strings.Contains(stderr, tt.stderr) || strings.Contains(stderr, ".tmp") {
				t.Errorf("exit %d, want 1 and %q without a temporary name:\n%s", code, tt.stderr, stderr)
			}
		})
	}
}

// TestExportPointsPicturesToRender: export writes graph files; asked for a picture it names
// the command that draws one.
func TestExportPointsPicturesToRender(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "-o", "alliance.svg", flagship}, "factgraph render -o alliance.svg"},
		{[]string{"export", "--view", "parties", "-o", "out/alliance.png", flagship}, "factgraph render --view parties -o out/alliance.png"},
		{[]string{"export", "-o", "alliance.pdf", flagship}, "factgraph render -o alliance.pdf"},
		{[]string{"export", "--format", "svg", flagship}, "factgraph render -o graph.svg"},
	} {
		code, out, stderr := runQuery(t, tt.args...)
		want := "factgraph: export writes graph files, not pictures; draw one with: " + tt.want + "\n"
		if code != 2 || stderr != want || out != "" {
			t.Errorf("%q: exit %d\n%s\nwant %s", tt.args, code, stderr, want)
		}
	}
}
