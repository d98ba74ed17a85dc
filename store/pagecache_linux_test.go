package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/programtest"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store"
)

// mapping returns the lines /proc/self/smaps gives for the maps of the file at path.
func mapping(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in := false
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) > 0 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			in = strings.HasSuffix(l, " "+path)
			continue
		}
		if in {
			out = append(out, l)
		}
	}
	return out
}

// pmdMapped maps the file at path, reads every page of it, and returns how many kB of it
// the kernel mapped in huge pages.
func pmdMapped(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	m, err := unix.Mmap(int(f.Fd()), 0, int(fi.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	sum := 0
	for i := 0; i < len(m); i += 4096 {
		sum += int(m[i])
	}
	if sum < 0 {
		t.Fatal("read nothing") // keeps the reads
	}
	kb := 0
	for _, l := range mapping(t, path) {
		if rest, ok := strings.CutPrefix(l, "FilePmdMapped:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				t.Fatalf("smaps line %q: %v", l, err)
			}
			kb += n
		}
	}
	return kb
}

// largeFolios says whether the file system of dir keeps a file written in 2 MiB pieces
// cached in 2 MiB pieces, which the kernel then maps in huge pages.
func largeFolios(t *testing.T, dir string) bool {
	path := filepath.Join(dir, "probe")
	buf := make([]byte, hugePage)
	for i := range buf {
		buf[i] = byte(i)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for off := int64(0); off < 4*hugePage; off += hugePage {
		if _, err := f.WriteAt(buf, off); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return pmdMapped(t, path) > 0
}

// hugePage is the size of a huge page on the machines factgraph runs on.
const hugePage = 2 << 20

// hugeStore ingests n articles of cmd/synth's corpus into a new bolt store in dir, in one
// write, and returns its path.
func hugeStore(t *testing.T, dir string, n int) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, "factgraph.db")
	s, err := store.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	gen := synth.NewGenerator(1)
	var facts []*graph.Facts
	for i := range n {
		facts = append(facts, gen.Article(i).Facts)
	}
	if _, err := s.Ingest(ctx, facts); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadMapAsksForHugePages checks that a store opened to read asks the kernel for huge
// pages on bolt's map of it (store/boltstore/hugepages_linux.go).
func TestReadMapAsksForHugePages(t *testing.T) {
	path := hugeStore(t, t.TempDir(), 5)
	s, err := store.Open(context.Background(), path, &store.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	flags := ""
	for _, l := range mapping(t, path) {
		if rest, ok := strings.CutPrefix(l, "VmFlags:"); ok {
			flags += rest
		}
	}
	if flags == "" {
		t.Fatalf("no map of %s in /proc/self/smaps", path)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("bolt's map of the store has flags %q, want hg (huge pages asked for)", strings.TrimSpace(flags))
	}
}

// TestIngestLeavesStoreCachedInHugePages checks that an ingest that grew the file leaves
// what it added in the page cache in 2 MiB pieces, which every reader then maps in huge
// pages: bolt writes 4 KiB pages, which the cache would keep as 4 KiB pieces.
func TestIngestLeavesStoreCachedInHugePages(t *testing.T) {
	dir := t.TempDir()
	if !largeFolios(t, dir) {
		programtest.Missing(t, "the file system of %s does not cache files in 2 MiB pieces (large folios), so huge pages never map them: CI runs on a kernel and file system that do (Linux 6.x, ext4)", dir)
	}
	path := hugeStore(t, dir, 100)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() < 3*hugePage {
		t.Fatalf("the store is %d bytes, too small to test", fi.Size())
	}
	if kb := pmdMapped(t, path); kb == 0 {
		t.Errorf("no page of the %d-byte store mapped as a huge page after its first ingest", fi.Size())
	}
}
