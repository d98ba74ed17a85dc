package bench

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormScripts runs the scripts that docs/performance.md and docs/scaling.md show for
// whole commands (query_forms.sh, with FORMS=store too, and typo_forms.sh) once on a small
// corpus, so that they keep working between the runs of those pages: each must end well
// and print a line for every form it times.
func TestFormScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds factgraph and a corpus")
	}
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		t.Fatal("the scripts need /usr/bin/time (Debian package time)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "factgraph")
	corpus := filepath.Join(dir, "corpus")
	db := filepath.Join(dir, "fg.db")
	run := func(env []string, name string, args ...string) string {
		t.Helper()
		c := exec.Command(name, args...)
		c.Dir = ".."
		c.Env = append(os.Environ(), env...)
		var out, errb bytes.Buffer
		c.Stdout, c.Stderr = &out, &errb
		if err := c.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
		}
		return out.String()
	}
	run(nil, "go", "build", "-o", bin, "./cmd/factgraph")
	run(nil, "go", "run", "./cmd/synth", "-n", "30", "-seed", "1", "-o", corpus)
	run(nil, bin, "ingest", "--quiet", "--store", db, corpus)
	for _, c := range []struct {
		env    []string
		script string
		forms  []string
	}{
		{[]string{"RUNS=1"}, "bench/query_forms.sh", []string{"obligations --bearer the hub", "path commentator to commentator, one by name"}},
		{[]string{"RUNS=1", "FORMS=store"}, "bench/query_forms.sh", []string{"stats", "timeline --from", "sources", "find the hub's name", "export -f graphml", "export -f nquads"}},
		{[]string{"RUNS=1"}, "bench/typo_forms.sh", []string{"obligations --bearer the hub's id", "path from a mistyped commentator"}},
	} {
		out := run(c.env, c.script, corpus, "30", bin+":"+db, bin+":"+db)
		for _, f := range c.forms {
			if !strings.Contains(out, "\n"+f) {
				t.Errorf("%s %s printed no line for %q:\n%s", strings.Join(c.env, " "), c.script, f, out)
			}
		}
	}
}
