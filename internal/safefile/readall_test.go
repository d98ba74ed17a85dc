package safefile

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestReadAll(t *testing.T) {
	content := bytes.Repeat([]byte("0123456789"), 1000)
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		at    int64 // where the read starts
		limit int64
		want  []byte
	}{
		{"whole file", 0, 1 << 20, content},
		{"file at the limit", 0, int64(len(content)), content},
		{"file over the limit: one byte more than the limit", 0, 100, content[:101]},
		{"from an offset", 9000, 1 << 20, content[9000:]},
		{"empty rest", int64(len(content)), 1 << 20, []byte{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.Seek(tt.at, io.SeekStart); err != nil {
				t.Fatal(err)
			}
			got, err := ReadAll(context.Background(), f, tt.limit)
			if err != nil || !bytes.Equal(got, tt.want) {
				t.Fatalf("ReadAll = %d bytes, %v; want %d bytes", len(got), err, len(tt.want))
			}
			// One buffer the size of what is read, and the byte that finds the end.
			if cap(got) != len(tt.want)+1 && int64(len(got)) <= tt.limit {
				t.Errorf("ReadAll's buffer holds %d bytes for %d read; want %d: one buffer, not a grown one", cap(got), len(got), len(got)+1)
			}
		})
	}
}

func TestReadAllStopsWithTheContext(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("facts"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadAll(ctx, f, 100); err != context.Canceled {
		t.Errorf("ReadAll with an ended context = %v; want %v", err, context.Canceled)
	}
}
