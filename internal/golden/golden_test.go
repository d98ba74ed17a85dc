package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps its failures instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
	fatal  bool
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, format)
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, format)
	r.fatal = true
}

func (r *recorder) Fatal(args ...any) {
	r.fatal = true
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.txt")
	check := func(got string) *recorder {
		r := &recorder{TB: t}
		Check(r, path, []byte(got))
		return r
	}
	if r := check("a\n"); !r.fatal || !strings.Contains(r.errors[0], "-update") {
		t.Errorf("a missing golden file: failures %q, want a fatal one that says -update", r.errors)
	}
	*update = true
	r := check("a\n")
	*update = false
	if len(r.errors) > 0 || r.fatal {
		t.Errorf("with -update: failures %q", r.errors)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\n" {
		t.Errorf("with -update the file holds %q (%v), want %q", b, err, "a\n")
	}
	if r := check("a\n"); len(r.errors) > 0 {
		t.Errorf("the same bytes: failures %q", r.errors)
	}
	if r := check("b\n"); len(r.errors) != 1 || r.fatal {
		t.Errorf("other bytes: failures %q, want one", r.errors)
	}
	if b, _ := os.ReadFile(path); string(b) != "a\n" {
		t.Errorf("a failed check changed the file to %q", b)
	}
}
