package pgstore

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestDocsIndexSQL runs the statements docs/scaling.md ("A store written before") gives
// for making a store written before like a new one, one at a time as psql -f runs them, on
// a store Cayley made and wrote, and checks that its quads then have a new store's
// indexes, and are still kept apart.
func TestDocsIndexSQL(t *testing.T) {
	stmts := docsSQL(t, "../../docs/scaling.md", "## A store written before")
	addr := storeCayleyWrote(t)
	for _, stmt := range stmts {
		storetest.ExecPostgres(t, addr, stmt)
	}
	if got, want := quadIndexes(t, addr), quadIndexes(t, newStore(t)); !slices.Equal(got, want) {
		t.Errorf("indexes of the quads after the statements: %v, want a new store's %v", got, want)
	}
	qs, err := cgraph.NewQuadStore("postgres", addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer qs.Close()
	err = qs.ApplyDeltas([]cgraph.Delta{{Quad: quad.MakeIRI("a", "b", "c", "source/s"), Action: cgraph.Add}}, cgraph.IgnoreOpts{})
	if !errors.Is(err, cgraph.ErrQuadExists) {
		t.Errorf("writing again the quad the store holds: %v, want %v", err, cgraph.ErrQuadExists)
	}
}

// docsSQL returns the statements of the first ```sql block after the line heading in the
// Markdown file path, each without its closing semicolon.
func docsSQL(t *testing.T, path, heading string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("%s has no heading %q", path, heading)
	}
	_, block, ok := strings.Cut(after, "```sql\n")
	if ok {
		block, _, ok = strings.Cut(block, "```")
	}
	if !ok {
		t.Fatalf("%s has no ```sql block after %q", path, heading)
	}
	var stmts []string
	for stmt := range strings.SplitSeq(block, ";\n") {
		if stmt = strings.TrimSpace(stmt); stmt != "" {
			stmts = append(stmts, stmt)
		}
	}
	if len(stmts) == 0 {
		t.Fatalf("the ```sql block after %q in %s is empty", heading, path)
	}
	return stmts
}
