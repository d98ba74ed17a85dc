package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notStore := filepath.Join(dir, "facts.yaml")
	if err := os.WriteFile(notStore, []byte("factgraph: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, addr string
		opts       *OpenOptions
		want       string
	}{
		{"read-only missing", filepath.Join(dir, "none.db"), &OpenOptions{ReadOnly: true}, "no store at"},
		{"not a store", notStore, nil, "is it a factgraph store?"},
		{"directory", dir, nil, "is a directory"},
		{"empty", "", nil, "no store given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(context.Background(), tt.addr, tt.opts)
			if err == nil {
				s.Close()
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) err = %v, want %q", tt.addr, err, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only open created the store file")
	}
}

func TestBoltPersistsAndReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "factgraph.db")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, s, treatyFacts())
	want := nquadsOf(t, s, "")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r1, err := Open(ctx, path, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(ctx, path, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer r2.Close()
	if got := nquadsOf(t, r2, ""); got != want {
		t.Errorf("reopened store differs")
	}
	if _, err := r1.Ingest(ctx, []*graph.Facts{natoFacts()}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Ingest on a read-only store: err = %v", err)
	}
}
