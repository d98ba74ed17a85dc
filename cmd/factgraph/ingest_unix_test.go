//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs factgraph in this process and fails the test if it takes 20 s: the
// attacks here used to hang for ever.
func runWithin(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code        int
		out, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, out, stderr := runQuery(t, args...)
		done <- result{code, out, stderr}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.stderr
	case <-time.After(20 * time.Second):
		t.Fatalf("factgraph %s still running after 20 s", strings.Join(args, " "))
		return 0, "", ""
	}
}

// A named pipe or a link to /dev/zero among the files given to ingest hung it for ever or
// grew memory without end, holding the store's lock and deaf to Ctrl-C.
func TestIngestReadsOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	b, _ := os.ReadFile(flagship)
	os.WriteFile(filepath.Join(corpus, "facts.yaml"), b, 0o644)
	b, _ = os.ReadFile(filepath.Join(filepath.Dir(flagship), "article.txt"))
	os.WriteFile(filepath.Join(corpus, "article.txt"), b, 0o644)
	if err := syscall.Mkfifo(filepath.Join(corpus, "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	pipeNQ := filepath.Join(dir, "pipe.nq")
	if err := syscall.Mkfifo(pipeNQ, 0o644); err != nil {
		t.Fatal(err)
	}
	zeroNQ := filepath.Join(dir, "zero.nq")
	os.Symlink("/dev/zero", zeroNQ)
	db := filepath.Join(dir, "f.db")

	code, out, stderr := runWithin(t, "ingest", "--quiet", "--store", db, corpus)
	if code != 0 || !strings.Contains(out, "added japan-us-security-treaty-article") {
		t.Fatalf("ingest of the folder: exit %d\n%s\n%s", code, out, stderr)
	}
	if want := `skipped "` + filepath.Join(corpus, "pipe.yaml") + `": a named pipe (FIFO), not a regular file`; !strings.Contains(stderr, want) {
		t.Errorf("stderr does not say %q:\n%s", want, stderr)
	}
	for path, kind := range map[string]string{pipeNQ: "a named pipe (FIFO)", zeroNQ: "a character device"} {
		code, _, stderr := runWithin(t, "ingest", "--quiet", "--store", db, path)
		if want := kind + ", not a regular file"; code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("ingest %s: exit %d, want 1 and %q:\n%s", path, code, want, stderr)
		}
	}
}
