package arch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHouseRules checks factgraph's own tree.
func TestHouseRules(t *testing.T) {
	broken, err := Check(filepath.Join("..", ".."), Rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Error(b)
	}
}

// TestRulesCatch plants one import that breaks each rule in a tree of its own, and one that
// breaks none, and checks that Check names exactly the planted files and imports (graph/bad.go
// breaks two rules).
func TestRulesCatch(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"graph/bad.go":               `"github.com/cayleygraph/quad"`,
		"graph/store_test.go":        `"github.com/factgraph/factgraph/store"`,
		"query/db.go":                `"github.com/boltdb/bolt"`,
		"export/dot/read_test.go":    `"github.com/factgraph/factgraph/ingest"`,
		"ingest/write.go":            `"github.com/factgraph/factgraph/export/dot"`,
		"query/draw.go":              `"github.com/factgraph/factgraph/export"`,
		"store/boltstore/pg.go":      `"github.com/factgraph/factgraph/store/pgstore"`,
		"store/pgstore/bolt.go":      `"github.com/factgraph/factgraph/store/boltstore"`,
		"export/cli.go":              `"github.com/factgraph/factgraph/cmd/factgraph"`,
		"store/ok.go":                `"github.com/cayleygraph/cayley/graph"`,
		"cmd/factgraph/ok.go":        `"github.com/factgraph/factgraph/export"`,
		"graph/testdata/ignored.go":  `"github.com/cayleygraph/quad"`,
		"internal/fixture/ok_too.go": `"github.com/factgraph/factgraph/ingest"`,
	}
	for name, imp := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		src := "package p\n\nimport _ " + imp + "\n"
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	broken, err := Check(root, Rules)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"export/cli.go", "export/dot/read_test.go", "graph/bad.go", "graph/bad.go", "graph/store_test.go",
		"ingest/write.go", "query/db.go", "query/draw.go", "store/boltstore/pg.go", "store/pgstore/bolt.go",
	}
	if len(broken) != len(want) {
		t.Fatalf("Check found %d broken imports, want %d:\n%s", len(broken), len(want), strings.Join(broken, "\n"))
	}
	for i, b := range broken {
		file := want[i]
		imp := strings.Trim(files[file], `"`)
		if !strings.HasPrefix(b, file+": imports \""+imp+"\": ") {
			t.Errorf("message %d = %q; want it to name %s and %q", i, b, file, imp)
		}
	}
}
