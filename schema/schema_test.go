package schema_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/schema"
)

// The files under ../ingest/testdata/broken, sorted into those the schema must reject too
// (at least one of their problems is a matter of shape: a key, a type, a pattern, an enum, a
// required field) and those whose every problem is beyond a JSON Schema, with why. A new
// broken file fails TestIngestBroken until it is put in one of the two lists.
var (
	schemaRejects = []string{
		"dates.yaml",            // 1951-13, 51, a timestamp, a map, 1951-9-8
		"empty.yaml",            // not a map
		"enums.yaml",            // unknown kinds and statuses
		"ids.yaml",              // ids that break the pattern or the length limit
		"missing-required.yaml", // required keys
		"not-a-map.yaml",        // a list at the top
		"references.yaml",       // counters on a claim, empty parties and counters
		"relations.yaml",        // relation types that are not kebab case
		"unknown-keys.yaml",     // unknown keys
		"version-2.yaml",        // version 2
		"version-map.yaml",      // version as a map
		"version-missing.yaml",  // no version
		"wrong-types.yaml",      // maps, lists and text in each other's places
	}
	schemaCannotExpress = map[string]string{
		"alias-bomb.yaml":        "a bound on alias expansion is not a property of the JSON value",
		"alias-cycle.yaml":       "a JSON value has no aliases",
		"duplicate-keys.yaml":    "JSON has no duplicate keys once read",
		"two-documents.yaml":     "JSON holds one value; the second document is not seen",
		"yaml-syntax.yaml":       "a file that is not YAML has no value to check",
		"yaml-colon.yaml":        "a file that is not YAML has no value to check",
		"yaml-quote.yaml":        "a file that is not YAML has no value to check",
		"yaml-tab.yaml":          "a file that is not YAML has no value to check",
		"yaml-single-quote.yaml": "a file that is not YAML has no value to check",
		"across-files":           "references and agreement between files",
		"missing-text":           "source.text names a file that does not exist",
		"quotes":                 "quotes checked against the source text",
		"store":                  "references into a store",
	}
)

func validateSchema(t *testing.T, path string) error {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return schema.ValidateYAML(data)
}

func load(t *testing.T, paths ...string) ([]*ingest.File, error) {
	t.Helper()
	return ingest.Load(context.Background(), paths, nil)
}

// acceptedByBoth checks that the file passes the JSON Schema and the validator.
func acceptedByBoth(t *testing.T, path string) *ingest.File {
	t.Helper()
	if err := validateSchema(t, path); err != nil {
		t.Errorf("%s breaks the JSON Schema:\n%v", path, err)
	}
	files, err := load(t, path)
	if err != nil {
		t.Fatalf("%s is rejected by the validator:\n%v", path, err)
	}
	return files[0]
}

// rejectedByBoth checks that the schema finds the file invalid (not merely unreadable) and
// that the validator reports problems.
func rejectedByBoth(t *testing.T, path string) {
	t.Helper()
	err := validateSchema(t, path)
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		t.Errorf("%s: JSON Schema error = %v; want a validation error", path, err)
	}
	_, err = load(t, path)
	var probs ingest.Problems
	if !errors.As(err, &probs) || len(probs) == 0 {
		t.Errorf("%s: validator error = %v; want problems", path, err)
	}
}

func samples(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../samples/*/facts.yaml")
	if err != nil || len(paths) < 2 {
		t.Fatalf("want at least two samples, found %d (%v)", len(paths), err)
	}
	return paths
}

func countQuotes(f *graph.Facts) int {
	n := len(f.Source.Quotes)
	for _, x := range f.Parties {
		n += len(x.Quotes)
	}
	for _, x := range f.Agreements {
		n += len(x.Quotes)
	}
	for _, x := range f.Events {
		n += len(x.Quotes)
	}
	for _, x := range f.Obligations {
		n += len(x.Quotes)
	}
	for _, x := range f.Claims {
		n += len(x.Quotes)
	}
	for _, x := range f.Counterclaims {
		n += len(x.Quotes)
	}
	for _, x := range f.Relations {
		n += len(x.Quotes)
	}
	return n
}

// TestSamples checks that each sample passes the schema and the validator with zero
// problems, and that its quotes were checked against its text: the sample names a text and
// every fact carries a quote.
func TestSamples(t *testing.T) {
	for _, path := range samples(t) {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			f := acceptedByBoth(t, path)
			if f.Facts.Source.Text == "" {
				t.Fatalf("%s has no source.text, so its quotes are not verified", path)
			}
			unquoted := func(kind, id string, quotes []string) {
				if len(quotes) == 0 {
					t.Errorf("%s %q has no quote", kind, id)
				}
			}
			for _, x := range f.Facts.Agreements {
				unquoted("agreement", x.ID, x.Quotes)
			}
			for _, x := range f.Facts.Events {
				unquoted("event", x.ID, x.Quotes)
			}
			for _, x := range f.Facts.Obligations {
				unquoted("obligation", x.ID, x.Quotes)
			}
			for _, x := range append(f.Facts.Claims, f.Facts.Counterclaims...) {
				unquoted(x.Kind, x.ID, x.Quotes)
			}
			for _, x := range f.Facts.Relations {
				unquoted("relation", x.From+" "+x.Type+" "+x.To, x.Quotes)
			}
		})
	}
}

// TestSamplesTogether ingests every sample in one call: shared parties must agree.
func TestSamplesTogether(t *testing.T) {
	paths := samples(t)
	files, err := load(t, paths...)
	if err != nil {
		t.Fatalf("the samples do not validate together:\n%v", err)
	}
	seen := map[string]int{}
	for _, f := range files {
		for _, p := range f.Facts.Parties {
			seen[p.ID]++
		}
	}
	for _, id := range []string{"united-states", "nato", "donald-trump"} {
		if seen[id] < 2 {
			t.Errorf("party %q is stated by %d samples; want it shared", id, seen[id])
		}
	}
}

// TestSampleQuotesVerified breaks one quote of the flagship sample in a copy and expects the
// validator to name it, so a passing sample means its quotes were really compared.
func TestSampleQuotesVerified(t *testing.T) {
	const dir = "../samples/japan-us-security-treaty"
	data, err := os.ReadFile(filepath.Join(dir, "facts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const good = "Japan does not have an equivalent obligation to protect the US"
	const bad = "Japan has an equivalent obligation to protect the US"
	if !strings.Contains(string(data), good) {
		t.Fatalf("the sample no longer quotes %q; pick another quote for this test", good)
	}
	text, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	broken := strings.Replace(string(data), good, bad, 1)
	if err := os.WriteFile(filepath.Join(tmp, "facts.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "article.txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = load(t, filepath.Join(tmp, "facts.yaml"))
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "not found") {
		t.Errorf("validator error = %v; want the altered quote %q reported as not found", err, bad)
	}
}

// TestSamplesCoverText checks that every sentence of each sample's text is quoted by some
// fact; only the section headings, which items name in "section", may go unquoted.
func TestSamplesCoverText(t *testing.T) {
	for _, path := range samples(t) {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			files, err := load(t, path)
			if err != nil {
				t.Fatal(err)
			}
			f := files[0]
			var sections []string
			add := func(ev graph.Evidence) {
				if ev.Section != "" {
					sections = append(sections, ev.Section)
				}
			}
			for _, x := range f.Facts.Parties {
				add(x.Evidence)
			}
			for _, x := range f.Facts.Agreements {
				add(x.Evidence)
			}
			for _, x := range f.Facts.Events {
				add(x.Evidence)
			}
			for _, x := range f.Facts.Obligations {
				add(x.Evidence)
			}
			for _, x := range append(f.Facts.Claims, f.Facts.Counterclaims...) {
				add(x.Evidence)
			}
			for _, x := range f.Facts.Relations {
				add(x.Evidence)
			}
			uncovered, err := ingest.Coverage(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range uncovered {
				heading := strings.NewReplacer("\u2019", "'").Replace(u.Text)
				if !slices.Contains(sections, heading) {
					t.Errorf("%s:%d:%d: no fact quotes %q", f.Facts.Source.Text, u.Line, u.Column, u.Text)
				}
			}
		})
	}
}

// TestFlagshipSize guards against the flagship sample losing facts unnoticed.
func TestFlagshipSize(t *testing.T) {
	files, err := load(t, "../samples/japan-us-security-treaty/facts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f := files[0].Facts
	if n := countQuotes(f); n < 50 {
		t.Errorf("the flagship sample has %d quotes; the article needs more", n)
	}
	if len(f.Counterclaims) == 0 || len(f.Obligations) == 0 || len(f.Relations) == 0 {
		t.Errorf("the flagship sample lacks a section: %d obligations, %d counterclaims, %d relations",
			len(f.Obligations), len(f.Counterclaims), len(f.Relations))
	}
	absent := slices.ContainsFunc(f.Obligations, func(o graph.Obligation) bool { return o.Status == "absent" })
	if !absent {
		t.Errorf("the flagship sample has no absent obligation; the article states one")
	}
}

// TestSchemaAndValidatorAgree runs the schema's own cases through both checkers: each file
// under testdata/valid must pass both, each under testdata/reject must fail both.
func TestSchemaAndValidatorAgree(t *testing.T) {
	for _, dir := range []string{"valid", "reject"} {
		paths, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no files in testdata/%s: %v", dir, err)
		}
		for _, path := range paths {
			t.Run(dir+"/"+filepath.Base(path), func(t *testing.T) {
				if dir == "valid" {
					acceptedByBoth(t, path)
				} else {
					rejectedByBoth(t, path)
				}
			})
		}
	}
}

// TestIngestValid checks that every valid file of the validator's own tests passes the
// schema too.
func TestIngestValid(t *testing.T) {
	paths, err := filepath.Glob("../ingest/testdata/valid/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no valid files in ../ingest/testdata/valid: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) { acceptedByBoth(t, path) })
	}
}

// TestIngestBroken checks that every broken file of the validator's own tests whose problem
// the schema can express is rejected by the schema too.
func TestIngestBroken(t *testing.T) {
	const dir = "../ingest/testdata/broken"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && !strings.HasSuffix(name, ".yaml") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			_, cannot := schemaCannotExpress[name]
			switch {
			case slices.Contains(schemaRejects, name) && cannot:
				t.Fatalf("%s is in both lists", name)
			case slices.Contains(schemaRejects, name):
				rejectedByBoth(t, filepath.Join(dir, name))
			case !cannot:
				t.Fatalf("%s is new: add it to schemaRejects if the schema can express one of its problems, else to schemaCannotExpress with why", name)
			}
		})
	}
	for _, name := range schemaRejects {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("schemaRejects names %s, which is gone: %v", name, err)
		}
	}
}
