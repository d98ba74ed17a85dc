package export_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/export"
)

// An export was written to OUT.tmp, then renamed: a link planted at OUT.tmp (in a shared
// folder, say) made factgraph write the export into whatever file it named.
func TestWriteFileFollowsNoPlantedLink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("precious\n"), 0o644)
	out := filepath.Join(dir, "out.dot")
	for _, name := range []string{"out.dot.tmp", ".out.dot.tmp", "out.dot"} {
		if err := os.Symlink(victim, filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrExist) {
			t.Fatal(err)
		}
	}

	if err := export.WriteFile(out, func(w io.Writer) error { _, err := io.WriteString(w, "digraph {}\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Fatalf("the file a planted link names was overwritten: %q", b)
	}
	info, err := os.Lstat(out)
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o644 {
		t.Fatalf("%s: %v, %v; want a regular file with mode 0644", out, info.Mode(), err)
	}
	if b, _ := os.ReadFile(out); string(b) != "digraph {}\n" {
		t.Fatalf("out = %q", b)
	}

	// A failed write leaves neither the output nor a temporary file.
	failed := filepath.Join(dir, "failed.dot")
	if err := export.WriteFile(failed, func(io.Writer) error { return errors.New("boom") }); err == nil {
		t.Fatal("no error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 { // out.dot and the two planted links
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("left in the folder: %q", names)
	}
}
