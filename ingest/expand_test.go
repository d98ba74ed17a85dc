package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.yaml", "a.YML", "notes.txt", "sub/c.yml"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	got, skipped, err := Expand([]string{filepath.Join(dir, "notes.txt"), dir})
	want := []string{filepath.Join(dir, "notes.txt"), filepath.Join(dir, "a.YML"), filepath.Join(dir, "b.yaml"), filepath.Join(dir, "sub/c.yml")}
	if err != nil || !reflect.DeepEqual(got, want) || skipped != nil {
		t.Errorf("Expand = %q, %q, %v; want %q", got, skipped, err, want)
	}
	if _, _, err := Expand([]string{t.TempDir()}); err == nil || !strings.Contains(err.Error(), "no facts files") {
		t.Errorf("empty folder: %v", err)
	}
	if _, _, err := Expand([]string{filepath.Join(dir, "missing.yaml")}); err == nil || !strings.Contains(err.Error(), `cannot read "`) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}
