//go:build unix

package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe among the facts files used to hang ingest for ever (while it held the
// store's lock, deaf to Ctrl-C), and a link to /dev/zero to read without end. Expand leaves
// both out of a folder and says so, refuses them when named, and Load refuses a file that
// became one after Expand looked, without waiting.
func TestOnlyRegularFactsFilesAreRead(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.yaml")
	os.WriteFile(good, []byte("factgraph: 1\nsource: {id: s, title: T}\n"), 0o644)
	pipe := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.yml")
	os.Symlink("/dev/zero", zero)
	dangling := filepath.Join(dir, "gone.yaml")
	os.Symlink(filepath.Join(dir, "nothing"), dangling)

	files, skipped, err := Expand([]string{dir})
	if err != nil || !reflect.DeepEqual(files, []string{good}) {
		t.Fatalf("Expand = %q, %v; want only %s", files, err, good)
	}
	want := []Skipped{
		{pipe, "a named pipe (FIFO), not a regular file"},
		{zero, "a character device, not a regular file"},
		{dangling, "no such file or directory"},
	}
	got := map[string]string{}
	for _, s := range skipped {
		got[s.Path] = s.Why
	}
	for _, w := range want {
		if got[w.Path] != w.Why {
			t.Errorf("skipped %s: %q, want %q", w.Path, got[w.Path], w.Why)
		}
	}
	for _, named := range []string{pipe, zero} {
		if _, _, err := Expand([]string{named}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("Expand(%s): %v", named, err)
		}
	}

	done := make(chan error, 1)
	go func() { _, err := Load(context.Background(), []string{good, pipe, zero}, nil); done <- err }()
	select {
	case err := <-done:
		for _, want := range []string{"pipe.yaml: cannot read facts file: \"" + pipe + "\" is a named pipe (FIFO), not a regular file", "zero.yml: cannot read facts file: \"" + zero + "\" is a character device"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Load: %v\nwant %q", err, want)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load still reading after 10 s")
	}
}
