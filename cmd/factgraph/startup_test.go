package main

import (
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/third_party/go-graphviz"
)

// TestMain lets a test run this test binary as the factgraph command (runMain), in a
// process of its own with the environment the test chooses. That process says at the end
// whether it started Graphviz.
func TestMain(m *testing.M) {
	if os.Getenv("FACTGRAPH_TEST_RUN_MAIN") == "1" {
		code := run(context.Background(), append([]string{"factgraph"}, os.Args[1:]...), os.Stdout, os.Stderr)
		fmt.Fprintf(os.Stderr, "graphviz started: %t\n", graphviz.Loaded())
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// runMain runs factgraph with args in a new process with env added to this one's.
func runMain(t *testing.T, env []string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "FACTGRAPH_TEST_RUN_MAIN=1"), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// listTree lists every path below dir.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if p != dir {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// The embedded Graphviz used to compile itself at every start, --version included, and to
// keep the machine code in $TMPDIR/go-graphviz: another local user who made that folder
// first chose the code factgraph ran. A folder planted there must stay untouched, starting
// must compile nothing, and drawing must keep its code in the user's own cache folder.
func TestGraphvizCodeIsNeverKeptInTheSharedTemporaryFolder(t *testing.T) {
	tmp, cache := t.TempDir(), t.TempDir()
	planted := filepath.Join(tmp, "go-graphviz")
	if err := os.Mkdir(planted, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(planted, 0o777|os.ModeSticky)
	if os.Geteuid() == 0 {
		// Root can make it what an attack leaves: a folder of another user.
		if err := os.Chown(planted, 65534, 65534); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"TMPDIR=" + tmp, "XDG_CACHE_HOME=" + cache, "HOME=" + t.TempDir()}

	// Commands that neither draw nor lay out (export lays a view out, to carry positions)
	// do not start Graphviz.
	for _, args := range [][]string{{"--version"}, {"validate", flagship}, {"query", "obligations", "--in", flagship}, {"export", "--format", "csv", "-o", t.TempDir(), flagship}} {
		out, err := runMain(t, env, args...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", args, err, out)
		}
		if !strings.Contains(out, "graphviz started: false") {
			t.Errorf("%s started Graphviz; only drawing should:\n%s", args, out)
		}
	}
	if got := listTree(t, tmp); len(got) != 1 {
		t.Fatalf("--version wrote into the temporary folder: %q", got)
	}
	if got := listTree(t, cache); len(got) != 0 {
		t.Fatalf("--version started Graphviz (it wrote %q); only drawing should", got)
	}

	svg := filepath.Join(t.TempDir(), "out.svg")
	if out, err := runMain(t, env, "render", "--view", "parties", "-o", svg, flagship); err != nil {
		t.Fatalf("render: %v\n%s", err, out)
	}
	if got := listTree(t, tmp); len(got) != 1 {
		t.Fatalf("render wrote into the temporary folder: %q", got)
	}
	dir := filepath.Join(cache, "factgraph", "graphviz")
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatalf("render kept no compiled code in the user's cache folder: %v", err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("cache folder %s has mode %v, want 0700", dir, perm)
	}
	if len(listTree(t, dir)) == 0 {
		t.Errorf("cache folder %s is empty after render", dir)
	}
	// Laying a view out for an export starts Graphviz the same way.
	if out, err := runMain(t, env, "export", "-o", filepath.Join(t.TempDir(), "g.gexf"), flagship); err != nil || !strings.Contains(out, "graphviz started: true") {
		t.Fatalf("export to GEXF, which carries the layout: %v\n%s", err, out)
	}
	if got := listTree(t, tmp); len(got) != 1 {
		t.Fatalf("export wrote into the temporary folder: %q", got)
	}
}

// TestMainMapsTheHeapEarly checks that the command imports internal/heap/early, which maps
// the first of its heap at once as the process starts.
func TestMainMapsTheHeapEarly(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"github.com/factgraph/factgraph/internal/heap/early"` {
			return
		}
	}
	t.Error("main.go does not import internal/heap/early")
}
