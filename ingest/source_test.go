package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSourceOf(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, yaml, id, text, err string
	}{
		{"source first", "factgraph: 1\nsource:\n  id: a\n  text: a.txt\nparties: []\n", "a", "a.txt", ""},
		{"source last, no text", "factgraph: 1\nparties:\n  - id: x\nsource: {id: b, title: B}\n", "b", "", ""},
		{"no source", "factgraph: 1\n", "", "", "no source id"},
		{"not YAML", "source: [\n", "", "", "facts file"},
		{"source through an anchor", "factgraph: 1\nbase: &b {id: c, text: c.txt}\nsource: *b\n", "c", "c.txt", ""},
		{"source block with a comment and a list after", "source:\n  id: d\n# note\n  text: d.txt\nparties:\n  - id: x\n", "d", "d.txt", ""},
		{"CRLF", "factgraph: 1\r\nsource:\r\n  id: e\r\n  text: e.txt\r\nparties: []\r\n", "e", "e.txt", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			src, err := SourceOf(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				return
			}
			if err != nil || src.ID != tt.id || src.Text != tt.text {
				t.Errorf("SourceOf = %+v, %v; want id %q, text %q", src, err, tt.id, tt.text)
			}
		})
	}
	if _, err := SourceOf(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("no error for a missing file")
	}
}
