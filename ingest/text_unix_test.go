//go:build unix

package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
)

// A facts file handed over by someone else names its source text; that text must not be
// any file on the machine. Each case writes a facts file whose source.text points
// somewhere, then validates it (Load) and lists its coverage (what validate --coverage
// prints), and checks what is read.
func TestSourceTextStaysInTheFactsFolder(t *testing.T) {
	const secret = "root:$y$j9T$SECRET-HASH:19000:0:99999:7:::"
	outside := t.TempDir()
	shadow := filepath.Join(outside, "shadow")
	os.WriteFile(shadow, []byte(secret+"\n"), 0o600)

	tests := []struct {
		name    string
		text    string                         // source.text as written
		prepare func(t *testing.T, dir string) // makes files in the facts file's folder
		why     string                         // part of the refusal; "" when the text is read
	}{
		{"next to the facts file", "article.txt", nil, ""},
		{"below it", "texts/article.txt", func(t *testing.T, dir string) {
			os.Mkdir(filepath.Join(dir, "texts"), 0o755)
			os.Rename(filepath.Join(dir, "article.txt"), filepath.Join(dir, "texts", "article.txt"))
		}, ""},
		{"a link to a file inside", "copy.txt", func(t *testing.T, dir string) {
			os.Symlink("article.txt", filepath.Join(dir, "copy.txt"))
		}, ""},
		{"up the tree", "", nil, "outside the folder"}, // text filled in below: ../../.../shadow
		{"absolute", shadow, nil, "outside the folder"},
		{"process environment", "/proc/self/environ", nil, "outside the folder"},
		{"a link out", "article-link.txt", func(t *testing.T, dir string) {
			os.Symlink(shadow, filepath.Join(dir, "article-link.txt"))
		}, "outside the folder"},
		{"a link to /dev/zero", "zero.txt", func(t *testing.T, dir string) {
			os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt"))
		}, "outside the folder"},
		{"a named pipe inside", "pipe.txt", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "is a named pipe (FIFO)"},
		{"a folder inside", "texts", func(t *testing.T, dir string) {
			os.Mkdir(filepath.Join(dir, "texts"), 0o755)
		}, "is a folder"},
		{"too large", "big.txt", func(t *testing.T, dir string) {
			f, err := os.Create(filepath.Join(dir, "big.txt"))
			if err != nil {
				t.Fatal(err)
			}
			f.Truncate(MaxTextSize + 1)
			f.Close()
		}, "larger than 16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			text := tt.text
			if text == "" {
				text = strings.Repeat("../", strings.Count(dir, "/")) + strings.TrimPrefix(shadow, "/")
			}
			os.WriteFile(filepath.Join(dir, "article.txt"), []byte("Japan pays. Nobody else does.\n"), 0o644)
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			path := filepath.Join(dir, "facts.yaml")
			os.WriteFile(path, []byte("factgraph: 1\nsource:\n  id: s\n  title: T\n  text: "+quoteYAML(text)+"\nparties:\n  - {id: japan, name: Japan, kind: state, quote: Japan pays.}\n"), 0o644)

			var files []*File
			var err error
			done := make(chan struct{})
			go func() { files, err = Load(context.Background(), []string{path}, nil); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("validation still reading the source text after 10 s")
			}
			if tt.why == "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				gaps, err := Coverage(files[0])
				if err != nil || len(gaps) != 1 || gaps[0].Text != "Nobody else does." {
					t.Fatalf("Coverage = %v, %v", gaps, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.why) || !strings.Contains(err.Error(), textRule) {
				t.Fatalf("Load: %v\nwant a problem saying %q and naming the rule", err, tt.why)
			}
			if strings.Contains(err.Error(), "SECRET") {
				t.Fatalf("the problem shows the file's content: %v", err)
			}
			// Coverage reads the text again, of a file already checked without it.
			_, err = Coverage(&File{Path: path, Facts: parseOK(t, path)})
			var te *TextError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), tt.why) {
				t.Fatalf("Coverage: %v", err)
			}
		})
	}
}

func quoteYAML(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// parseOK parses path without reading its source text.
func parseOK(t *testing.T, path string) *graph.Facts {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, probs := Parse(path, data, nil)
	if probs != nil {
		t.Fatal(probs)
	}
	return f
}
