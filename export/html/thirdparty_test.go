package html_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/internal/programtest"
)

// The files under web/third_party are those of the npm packages package-lock.json pins,
// unmodified: each is byte for byte the file npm ci installs, the versions agree with the
// lock file and the README's table, and each package's licence is there.
func TestThirdPartyFiles(t *testing.T) {
	dir := filepath.Join("web", "third_party")
	var lock struct {
		Packages map[string]struct {
			Version   string `json:"version"`
			Integrity string `json:"integrity"`
			License   string `json:"license"`
		} `json:"packages"`
	}
	readJSON(t, filepath.Join(dir, "package-lock.json"), &lock)
	var manifest struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	readJSON(t, filepath.Join(dir, "package.json"), &manifest)
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	modules := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(modules); err != nil {
		programtest.Missing(t, "%s is not installed: run npm ci in %s", modules, dir)
	}
	for pkg, want := range manifest.Dependencies {
		locked := lock.Packages["node_modules/"+pkg]
		if locked.Version != want || locked.Integrity == "" {
			t.Errorf("%s: package.json asks for %s, the lock file pins %q (integrity %q)", pkg, want, locked.Version, locked.Integrity)
		}
		var installed struct{ Version, License string }
		readJSON(t, filepath.Join(modules, pkg, "package.json"), &installed)
		if installed.Version != want || installed.License != "MIT" {
			t.Errorf("%s: npm installed %s (%s), want %s under MIT: run npm ci in %s", pkg, installed.Version, installed.License, want, dir)
		}
		if !regexp.MustCompile(`(?m)^\| ` + regexp.QuoteMeta(pkg) + ` \| ` + regexp.QuoteMeta(want) + ` \|`).Match(readme) {
			t.Errorf("README.md's table does not give %s %s", pkg, want)
		}
		if _, err := os.Stat(filepath.Join(dir, pkg, "LICENSE.txt")); err != nil {
			t.Errorf("%s: no LICENSE.txt beside its files", pkg)
		}
	}
	copied := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			if rel == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.Contains(rel, string(filepath.Separator)) {
			return nil // package.json, package-lock.json, README.md
		}
		pkg := strings.SplitN(rel, string(filepath.Separator), 2)[0]
		if _, ok := manifest.Dependencies[pkg]; !ok {
			t.Errorf("%s: from no package that package.json pins", rel)
			return nil
		}
		ours, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		theirs, err := os.ReadFile(filepath.Join(modules, rel))
		if err != nil {
			t.Errorf("%s: not in the installed package: %v", rel, err)
			return nil
		}
		if !bytes.Equal(ours, theirs) {
			t.Errorf("%s differs from the file npm installs: copy it again, unmodified", rel)
		}
		copied++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if copied < 10 {
		t.Errorf("only %d files compared", copied)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
