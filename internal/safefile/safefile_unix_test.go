//go:build unix

package safefile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test if f takes longer than a few seconds: the attacks here used to hang.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("still reading after 5 s")
		return nil
	}
}

func TestReadFileReadsOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "facts.yaml")
	os.WriteFile(regular, []byte("factgraph: 1\n"), 0o644)
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(regular, link)
	zero := filepath.Join(dir, "zero.nq")
	os.Symlink("/dev/zero", zero)

	tests := []struct {
		path string
		kind string // "" for a regular file
	}{
		{regular, ""},
		{link, ""},
		{fifo, "a named pipe (FIFO)"},
		{zero, "a character device"},
		{dir, "a folder"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			var data []byte
			err := within(t, func() (err error) {
				data, err = ReadFile(context.Background(), tt.path, 1<<20)
				return err
			})
			if tt.kind == "" {
				if err != nil || string(data) != "factgraph: 1\n" {
					t.Fatalf("got %q, %v", data, err)
				}
				if err := Check(tt.path); err != nil {
					t.Fatalf("Check: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tt.kind) {
				t.Fatalf("err = %v, want one saying it is %s", err, tt.kind)
			}
			if err := Check(tt.path); !errors.Is(err, ErrNotRegular) {
				t.Fatalf("Check: %v", err)
			}
		})
	}
}

func TestReadFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big")
	os.WriteFile(path, make([]byte, 1025), 0o644)
	if _, err := ReadFile(context.Background(), path, 1024); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1 KiB") {
		t.Fatalf("err = %v", err)
	}
	if data, err := ReadFile(context.Background(), path, 1025); err != nil || len(data) != 1025 {
		t.Fatalf("at the limit: %d bytes, %v", len(data), err)
	}
}

// endless reads zeros for ever, as /dev/zero does.
type endless struct{}

func (endless) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestReaderStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	err := within(t, func() error {
		buf := make([]byte, 4096)
		r := NewReader(ctx, endless{})
		for {
			if _, err := r.Read(buf); err != nil {
				return err
			}
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}
