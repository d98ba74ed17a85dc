package build_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/build"
	_ "github.com/factgraph/factgraph/export/all"
	"github.com/factgraph/factgraph/internal/fixture"
)

func TestRun(t *testing.T) {
	out := t.TempDir()
	var report bytes.Buffer
	in := filepath.Dir(fixture.FlagshipPath(t))
	if err := build.Run(context.Background(), build.Options{Inputs: []string{in}, OutDir: out}, &report); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(report.String()), "\n")
	for _, want := range []string{"factgraph.db", "full.dot", "full.graphml", "full.yed.graphml", "full.gexf", "full.graphology.json", "full-csv", "full.mmd", "full.aif.json", "full.argdown", "factgraph.nq", "factgraph.html", "full.svg", "parties.svg", "arguments.svg", "stances.svg"} {
		found := false
		for _, l := range lines {
			if l == filepath.Join(out, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("report does not list %s:\n%s", want, report.String())
		}
	}
	for _, l := range lines {
		if st, err := os.Stat(l); err != nil || st.Size() == 0 {
			t.Errorf("%s reported but missing or empty: %v", l, err)
		}
	}
}

func TestRunRejectsEmptyFolder(t *testing.T) {
	err := build.Run(context.Background(), build.Options{Inputs: []string{t.TempDir()}, OutDir: t.TempDir()}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "no facts files") {
		t.Errorf("err = %v; want a folder with no facts files refused", err)
	}
}
