package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedStore damages a store of the flagship sample as a full disk, a copy cut
// short or bad sectors would, and runs every kind of command on it: each exits 1 with the
// message that says the store is damaged and what to do, never a crash or a trace.
func TestDamagedStore(t *testing.T) {
	data := flagshipStore(t)
	const page = 4096
	damages := map[string]func([]byte) []byte{
		"cut to 100 bytes": func(b []byte) []byte { return b[:100] },
		"cut in half":      func(b []byte) []byte { return b[:len(b)/2/page*page] },
		"inner pages overwritten": func(b []byte) []byte {
			// Every page but the headers, the root and the freelist: bolt opens the file
			// and meets the damage on its first read.
			b = append([]byte(nil), b...)
			keep := map[int]bool{0: true, 1: true, rootPage(t, b): true, freelistPage(t, b): true}
			for p := 2; p*page < len(b); p++ {
				if !keep[p] {
					for i := p * page; i < (p+1)*page && i < len(b); i++ {
						b[i] = 0xA5
					}
				}
			}
			return b
		},
		"pages overwritten": func(b []byte) []byte {
			b = append([]byte(nil), b...)
			for i := 2 * page; i < len(b); i++ {
				b[i] = 0xA5
			}
			return b
		},
	}
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(db, damage(data), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"sources"},
				{"query", "obligations"},
				{"query", "neighbors", "japan"},
				{"export", "-o", filepath.Join(t.TempDir(), "x.graphml")},
				{"ingest", copySample(t)},
				{"remove", "japan-us-security-treaty-article"},
			} {
				args := append(args, "--store", db)
				code, _, stderr := runQuery(t, args...)
				if code != 1 || !strings.Contains(stderr, "is damaged") || !strings.Contains(stderr, "rebuild it from its facts files") || strings.Contains(stderr, "goroutine") {
					t.Errorf("%q on a store %s: exit %d: %s", args[0], name, code, stderr)
				}
			}
		})
	}
}

// rootPage and freelistPage read the root and freelist pages of a bolt file from its first
// header page (16-byte page header, then magic, version, page size, flags, root (8 bytes),
// sequence, freelist).
func rootPage(t *testing.T, b []byte) int     { return int(binary.LittleEndian.Uint64(b[16+16:])) }
func freelistPage(t *testing.T, b []byte) int { return int(binary.LittleEndian.Uint64(b[16+32:])) }

// TestEveryDamagedPage overwrites each page of a flagship store in turn, and runs commands
// that read it through every path (whole reads, targeted reads, the indexes): each either
// answers, which a page the store no longer uses allows, or says the store is damaged.
// Most damage is met on a read, after the store opened, where bolt panics.
func TestEveryDamagedPage(t *testing.T) {
	data := flagshipStore(t)
	const page = 4096
	damagedAfterOpen := 0
	for p := 2; p*page < len(data); p++ {
		b := append([]byte(nil), data...)
		for i := p * page; i < (p+1)*page && i < len(b); i++ {
			b[i] = 0xA5
		}
		db := filepath.Join(t.TempDir(), "d.db")
		if err := os.WriteFile(db, b, 0o644); err != nil {
			t.Fatal(err)
		}
		opened := false
		for _, args := range [][]string{
			{"sources"},
			{"query", "neighbors", "japan"},
			{"query", "claims", "--by", "donald-trump"},
			{"export", "-o", filepath.Join(t.TempDir(), "x.nq")},
		} {
			code, _, stderr := runQuery(t, append(args, "--store", db)...)
			if code == 0 {
				opened = true
				continue
			}
			if code != 1 || !strings.Contains(stderr, "is damaged") || strings.Contains(stderr, "goroutine") {
				t.Errorf("page %d overwritten, %q: exit %d: %s", p, args, code, stderr)
			}
			if opened {
				damagedAfterOpen++
			}
		}
	}
	if damagedAfterOpen == 0 {
		t.Error("no damage was met after the store opened: the test no longer reaches reads of damaged pages")
	}
}

// flagshipStore returns the bytes of a bolt store of the flagship sample.
func flagshipStore(t *testing.T) []byte {
	t.Helper()
	good := filepath.Join(t.TempDir(), "good.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", good, copySample(t)); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
