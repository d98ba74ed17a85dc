// Package arch checks the rules that keep factgraph's house in order (README.md's Layout):
// which packages may import which. Its test runs the rules on the source tree.
package arch

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Module is the path of factgraph's module.
const Module = "github.com/factgraph/factgraph"

// A Rule forbids the Go files (tests included) of the folders it names to import some
// packages.
type Rule struct {
	// Name says what the rule keeps, for messages.
	Name string
	// In says whether the rule applies to the folder dir (slash-separated, relative to the
	// module root).
	In func(dir string) bool
	// Forbids says whether the import path is forbidden there.
	Forbids func(path string) bool
}

// under returns a test of whether a folder or import path is prefix or below it.
func under(prefix string) func(string) bool {
	return func(p string) bool { return p == prefix || strings.HasPrefix(p, prefix+"/") }
}

// database says whether an import path talks to a database or to Cayley.
func database(path string) bool {
	for _, p := range []string{"github.com/cayleygraph", "github.com/boltdb/bolt", "go.etcd.io/bbolt", "github.com/hidal-go/hidalgo", "github.com/lib/pq", "github.com/jackc/pgx", "database/sql"} {
		if under(p)(path) {
			return true
		}
	}
	return false
}

// Rules are factgraph's rules.
var Rules = []Rule{
	{
		Name:    "graph/ is the domain alone: it imports no database, no Cayley and no store",
		In:      under("graph"),
		Forbids: func(p string) bool { return database(p) || under(Module+"/store")(p) },
	},
	{
		Name:    "only the store packages (store/...) import Cayley or a database driver",
		In:      func(dir string) bool { return !under("store")(dir) },
		Forbids: database,
	},
	{
		Name:    "export/ and ingest/ do not import each other: writers do not read facts files",
		In:      under("export"),
		Forbids: under(Module + "/ingest"),
	},
	{
		Name:    "export/ and ingest/ do not import each other: readers do not write formats",
		In:      under("ingest"),
		Forbids: under(Module + "/export"),
	},
	{
		Name:    "query/ does not import export/",
		In:      under("query"),
		Forbids: under(Module + "/export"),
	},
	{
		Name:    "each backend's package stands alone: boltstore does not import pgstore",
		In:      under("store/boltstore"),
		Forbids: under(Module + "/store/pgstore"),
	},
	{
		Name:    "each backend's package stands alone: pgstore does not import boltstore",
		In:      under("store/pgstore"),
		Forbids: under(Module + "/store/boltstore"),
	},
	{
		Name:    "graph/, store/, ingest/, export/ and query/ do not import the command line",
		In:      func(dir string) bool { return !under("cmd")(dir) },
		Forbids: under(Module + "/cmd"),
	},
}

// Check reads the imports of every Go file under root (a module root) and returns one
// message per import that breaks a rule: "FILE: imports PATH: RULE", sorted. Folders
// named testdata, and folders whose name starts with "." or "_", are skipped, as the go
// tool skips them.
func Check(root string, rules []Rule) ([]string, error) {
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		dir := filepath.ToSlash(filepath.Dir(rel))
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, rel, src, parser.ImportsOnly)
		if err != nil {
			return fmt.Errorf("read imports: %w", err)
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return fmt.Errorf("%s: import %s: %w", rel, imp.Path.Value, err)
			}
			for _, r := range rules {
				if r.In(dir) && r.Forbids(p) {
					out = append(out, fmt.Sprintf("%s: imports %q: %s", rel, p, r.Name))
				}
			}
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
