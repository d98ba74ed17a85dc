package sourcetext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

func TestSourceText(t *testing.T) {
	dir := t.TempDir()
	facts := filepath.Join(dir, "a", "facts.yaml")
	must(t, os.MkdirAll(filepath.Join(dir, "a", "texts"), 0o755))
	must(t, os.WriteFile(facts, nil, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "a", "article.txt"), []byte("first\nsecond\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "a", "texts", "b.txt"), []byte("b"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644))
	must(t, os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(dir, "a", "link.txt")))
	big, err := os.Create(filepath.Join(dir, "a", "big.txt"))
	must(t, err)
	must(t, big.Truncate(ingest.MaxTextSize+1))
	big.Close()

	f := New()
	f.Add("src", facts)
	tests := []struct {
		name, id, text string
		want           string
		ok             bool
		err            string
	}{
		{name: "next to the facts file", id: "src", text: "article.txt", want: "first\nsecond\n", ok: true},
		{name: "in a folder below", id: "src", text: "texts/b.txt", want: "b", ok: true},
		{name: "no text named", id: "src"},
		{name: "unknown source", id: "other", text: "article.txt"},
		{name: "parent folder", id: "src", text: "../secret.txt", err: "outside the folder"},
		{name: "absolute path", id: "src", text: filepath.Join(dir, "secret.txt"), err: "outside the folder"},
		{name: "link out of the folder", id: "src", text: "link.txt", err: "outside the folder"},
		{name: "a folder", id: "src", text: "texts", err: "is a folder"},
		{name: "too large", id: "src", text: "big.txt", err: "larger than"},
		{name: "missing", id: "src", text: "none.txt", err: "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := f.SourceText(graph.Source{ID: tt.id, Text: tt.text})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				if strings.Contains(got, "secret") {
					t.Errorf("read %q outside the folder", got)
				}
				return
			}
			if err != nil || ok != tt.ok || got != tt.want {
				t.Errorf("SourceText = %q, %v, %v; want %q, %v, nil", got, ok, err, tt.want, tt.ok)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestScan(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "a"), 0o755))
	must(t, os.MkdirAll(filepath.Join(dir, "b"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "a", "facts.yaml"), []byte("factgraph: 1\nsource: {id: a, title: A, text: t.txt}\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "a", "t.txt"), []byte("text of a"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "b", "facts.yaml"), []byte("factgraph: 1\nsource: {id: b, title: B, text: t.txt}\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "b", "t.txt"), []byte("text of b"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("source: ["), 0o644))
	f, err := Scan(t.Context(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"a": "text of a", "b": "text of b"} {
		got, ok, err := f.SourceText(graph.Source{ID: id, Text: "t.txt"})
		if err != nil || !ok || got != want {
			t.Errorf("text of %s = %q, %v, %v; want %q", id, got, ok, err, want)
		}
	}
	if f.Len() != 2 {
		t.Errorf("found %d sources, want 2", f.Len())
	}
}
