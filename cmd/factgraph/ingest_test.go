package main

import (
	"fmt"
	"io"

	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// dump is the store's N-Quads: the whole store, byte for byte.
func dump(t *testing.T, store string) string {
	t.Helper()
	code, out, stderr := runQuery(t, "export", "--store", store, "--format", "nquads")
	if code != 0 {
		t.Fatalf("export nquads: exit %d: %s", code, stderr)
	}
	return out
}

// copySample copies the flagship sample into a temporary folder so a test can edit it.
func copySample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"facts.yaml", "article.txt"} {
		b, err := os.ReadFile(filepath.Join("../../samples/japan-us-security-treaty", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "facts.yaml")
}

func TestValidateSample(t *testing.T) {
	code, out, stderr := runQuery(t, "validate", flagship)
	if code != 0 || !strings.Contains(out, ": ok: source \"japan-us-security-treaty-article\"") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, stderr)
	}
	code, out, _ = runQuery(t, "validate", "--coverage", flagship)
	if code != 0 || !strings.Contains(out, "article.txt") && !strings.Contains(out, "every sentence") {
		t.Fatalf("coverage: exit %d\n%s", code, out)
	}
}

func TestValidateReportsEveryProblemWithPosition(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(`factgraph: 1
source: {id: s, title: T}
parties:
  - {id: japan, name: Japan, kind: state}
obligations:
  - id: o
    bearer: jpan
    benificiary: japan
    duty: x
`), 0o644)
	code, out, stderr := runQuery(t, "validate", bad)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		bad + `:7:13: unknown party "jpan" in bearer; did you mean "japan"?`,
		bad + `:8:5: unknown key "benificiary" in obligation "o"; did you mean "beneficiary"?`,
		"factgraph: 3 problems in 1 file\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	store := filepath.Join(t.TempDir(), "f.db")
	code, out, stderr := runQuery(t, "ingest", "--store", store, flagship)
	if code != 0 || !strings.HasPrefix(out, "added japan-us-security-treaty-article:") || stderr != "" {
		t.Fatalf("exit %d\n%s%s", code, out, stderr) // no progress bar where stderr is no terminal
	}
	first := dump(t, store)
	code, out, _ = runQuery(t, "ingest", flagship, "--store", store) // flags may follow arguments
	if code != 0 || !strings.HasPrefix(out, "unchanged japan-us-security-treaty-article:") {
		t.Fatalf("second ingest: exit %d\n%s", code, out)
	}
	if second := dump(t, store); second != first {
		t.Error("the store changed on the second ingest of the same file")
	}
	code, out, _ = runQuery(t, "sources", "--store", store)
	if code != 0 || !strings.Contains(out, "japan-us-security-treaty-article") || !strings.Contains(out, "OBLIGATIONS") {
		t.Errorf("sources: exit %d\n%s", code, out)
	}
}

func TestReingestEditedFactChangesExactlyThat(t *testing.T) {
	facts := copySample(t)
	store := filepath.Join(t.TempDir(), "f.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", store, facts); code != 0 {
		t.Fatal(stderr)
	}
	before := lines(dump(t, store))
	b, _ := os.ReadFile(facts)
	edited := strings.Replace(string(b), "duty: host US military bases", "duty: host United States military bases", 1)
	if edited == string(b) {
		t.Fatal("the sample no longer has the duty this test edits")
	}
	os.WriteFile(facts, []byte(edited), 0o644)
	code, out, stderr := runQuery(t, "ingest", "--store", store, facts)
	if code != 0 || !strings.Contains(out, "replaced japan-us-security-treaty-article") || !strings.Contains(out, "(+1 -1 quads)") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	after := lines(dump(t, store))
	gone, came := diff(before, after), diff(after, before)
	if len(gone) != 1 || len(came) != 1 || !strings.Contains(gone[0], `"host US military bases"`) || !strings.Contains(came[0], `"host United States military bases"`) {
		t.Errorf("removed %q, added %q", gone, came)
	}
}

func TestBrokenFileLeavesStoreAsItWas(t *testing.T) {
	store := filepath.Join(t.TempDir(), "f.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", store, flagship, "../../samples/nato-spending/facts.yaml"); code != 0 {
		t.Fatal(stderr)
	}
	before := dump(t, store)
	facts := copySample(t)
	b, _ := os.ReadFile(facts)
	broken := strings.Replace(string(b), "bearer: japan", "bearer: nowhere", 1)
	os.WriteFile(facts, []byte(broken), 0o644)
	code, _, stderr := runQuery(t, "ingest", "--store", store, facts)
	if code != 1 || !strings.Contains(stderr, `unknown party "nowhere" in bearer`) || !strings.Contains(stderr, "nothing was stored") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if dump(t, store) != before {
		t.Error("a rejected file changed the store")
	}
}

func TestRemove(t *testing.T) {
	store := filepath.Join(t.TempDir(), "f.db")
	runQuery(t, "ingest", "--store", store, flagship, "../../samples/nato-spending/facts.yaml")
	code, _, stderr := runQuery(t, "remove", "--store", store, "japan-us-security-treaty-articl")
	if code != 1 || !strings.Contains(stderr, `did you mean "japan-us-security-treaty-article"`) {
		t.Errorf("unknown source: exit %d: %s", code, stderr)
	}
	code, out, stderr := runQuery(t, "remove", "--store", store, "japan-us-security-treaty-article")
	if code != 0 || !strings.HasPrefix(out, "removed japan-us-security-treaty-article") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	_, out, _ = runQuery(t, "sources", "--store", store, "--json")
	if strings.Contains(out, "japan-us-security-treaty-article") || !strings.Contains(out, "nato") {
		t.Errorf("after remove:\n%s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"validate"}, {"ingest"}, {"remove"}, {"sources", "extra"}, {"ingest", "--nope", "x"}} {
		if code, _, stderr := runQuery(t, args...); code != 2 || !strings.HasPrefix(stderr, "factgraph: ") && !strings.Contains(stderr, "flag provided but not defined") {
			t.Errorf("%q: exit %d: %s", args, code, stderr)
		}
	}
	if code, _, stderr := runQuery(t, "sources", "--store", filepath.Join(t.TempDir(), "none.db")); code != 1 || !strings.Contains(stderr, "no store at") {
		t.Errorf("missing store: exit %d: %s", code, stderr)
	}
}

func lines(s string) []string { return strings.Split(strings.TrimSpace(s), "\n") }

// diff lists the lines of a that b lacks.
func diff(a, b []string) []string {
	in := map[string]bool{}
	for _, l := range b {
		in[l] = true
	}
	var out []string
	for _, l := range a {
		if !in[l] {
			out = append(out, l)
		}
	}
	return out
}

// TestEveryCommandHelpHasAnExample keeps the promise that --help shows a real example.
func TestEveryCommandHelpHasAnExample(t *testing.T) {
	var walk func(prefix []string, cmds []*cli.Command)
	walk = func(prefix []string, cmds []*cli.Command) {
		for _, c := range cmds {
			path := append(append([]string(nil), prefix...), c.Name)
			if len(c.Subcommands) > 0 {
				walk(path, c.Subcommands)
				continue
			}
			code, out, _ := runQuery(t, append(path, "--help")...)
			want := "   factgraph " + strings.Join(path, " ")
			if code != 0 || !strings.Contains(out, "Example:") || !strings.Contains(out, want) {
				t.Errorf("factgraph %s --help shows no example starting %q:\n%s", strings.Join(path, " "), want, out)
			}
		}
	}
	walk(nil, newApp(io.Discard, io.Discard).Commands)
}

// TestForeignStyleFile ingests a file written in another curator's style (a BOM, CRLF line
// ends, flow mappings, a dated claim, an anchor, a relation stated twice) beside the flagship,
// and reads it back through the queries.
func TestForeignStyleFile(t *testing.T) {
	const aukus = "testdata/aukus/facts.yaml"
	store := filepath.Join(t.TempDir(), "f.db")
	code, out, stderr := runQuery(t, "ingest", "--store", store, aukus, flagship)
	if code != 0 || !strings.Contains(out, "added aukus-at-three: 6 parties, 1 agreement, 1 event, 2 obligations, 2 claims, 1 counterclaim, 2 relations") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = runQuery(t, "query", "obligations", "--store", store, "--between", "Canberra", "Washington", "--json")
	if code != 0 || !strings.Contains(out, `"us-sell-submarines"`) || !strings.Contains(out, `"australia-cede-sovereignty"`) {
		t.Fatalf("obligations by alias: exit %d\n%s%s", code, out, stderr)
	}
	code, out, _ = runQuery(t, "query", "timeline", "--store", store, "--json")
	if code != 0 || !strings.Contains(out, `"2021"`) || strings.Index(out, `"2021"`) > strings.Index(out, `"2021-09"`) || !strings.Contains(out, `"2021-09-15"`) {
		t.Errorf("timeline keeps precision and puts the year first: exit %d\n%s", code, out)
	}
}

// TestNQuadsRoundTrip: exporting N-Quads, ingesting them into an empty store and exporting
// again gives the same bytes.
func TestNQuadsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "1.db"), filepath.Join(dir, "2.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", first, flagship, "../../samples/nato-spending/facts.yaml", "testdata/aukus/facts.yaml"); code != 0 {
		t.Fatal(stderr)
	}
	nq := filepath.Join(dir, "all.nq")
	if code, _, stderr := runQuery(t, "export", "--store", first, "-o", nq); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := runQuery(t, "ingest", "--store", second, nq)
	if code != 0 || strings.Count(out, "added ") != 3 {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	a, b := dump(t, first), dump(t, second)
	if a != b || len(a) < 1000 {
		t.Errorf("the N-Quads differ after a round trip (%d and %d bytes)", len(a), len(b))
	}
}

// TestValidateYAMLSyntaxErrors: a YAML mistake deep in the flagship is reported at the line
// and column of the character at fault, with the fix, not at the start of its block.
func TestValidateYAMLSyntaxErrors(t *testing.T) {
	const heading = `    section: "Trump's Criticism: An Asymmetrical Burden"`
	for _, tt := range []struct {
		name  string
		line  string // the line replaced: the last one that reads heading
		col   int
		wrong string
		msg   string
	}{
		{"colon in a plain value", heading, 31, `    section: Trump's Criticism: An Asymmetrical Burden`,
			`invalid YAML: ": " inside an unquoted value starts a new key; quote the whole value: "Trump's Criticism: An Asymmetrical Burden"`},
		{"quote in a quoted value", heading, 37, `    section: "Trump's Criticism: An "Asymmetrical" Burden"`,
			`invalid YAML: a " inside a string in "..." ends the string; write each inner " as \", or put the whole value in '...': 'Trump''s Criticism: An "Asymmetrical" Burden'`},
		{"tab in the indentation", heading, 1, "\tsection: \"Trump's Criticism: An Asymmetrical Burden\"",
			`invalid YAML: a tab in the indentation; YAML indents with spaces only, so replace the tab with spaces`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			facts := copySample(t)
			b, _ := os.ReadFile(facts)
			lines := strings.Split(string(b), "\n")
			at := -1
			for i, l := range lines {
				if l == tt.line {
					at = i
				}
			}
			if at < 100 {
				t.Fatalf("the sample has no line %q past its first 100", tt.line)
			}
			lines[at] = tt.wrong
			os.WriteFile(facts, []byte(strings.Join(lines, "\n")), 0o644)
			code, _, stderr := runQuery(t, "validate", facts)
			want := fmt.Sprintf("%s:%d:%d: %s\n", facts, at+1, tt.col, tt.msg)
			if code != 1 || !strings.HasPrefix(stderr, want) {
				t.Errorf("exit %d\n got: %s\nwant: %s", code, stderr, want)
			}
		})
	}
}

// TestQuoteMatchingStaysStrict: validate folds white space and typographic quotes between
// a quote and the source text, and nothing else (docs/facts-format.md): case, dashes and
// ellipses must match as written.
func TestQuoteMatchingStaysStrict(t *testing.T) {
	const quote = "    quote: long-standing concerns about alliance cost-sharing among American policymakers"
	const added = "The alliance—old and new—holds… for now."
	for _, tt := range []struct {
		name  string
		quote string // replaces quote
		ok    bool
	}{
		{"as written", quote, true},
		{"wrapped over lines", "    quote: >-\n      long-standing concerns about alliance\n      cost-sharing   among American policymakers", true},
		{"plain apostrophe for a typographic one", "    quote: \"US President Donald Trump's recent comments\"", true},
		{"typographic apostrophe as in the text", "    quote: \"US President Donald Trump’s recent comments\"", true},
		{"typographic quotes for plain ones", "    quote: \"US President Donald Trump‘s recent comments\"", true},
		{"case", "    quote: Long-standing concerns about alliance cost-sharing among American policymakers", false},
		{"en dash for a hyphen", "    quote: long–standing concerns about alliance cost-sharing among American policymakers", false},
		{"hyphen for an em dash", "    quote: The alliance-old and new-holds… for now.", false},
		{"em dash as in the text", "    quote: The alliance—old and new—holds… for now.", true},
		{"three dots for an ellipsis", "    quote: The alliance—old and new—holds... for now.", false},
		{"ellipsis for words left out", "    quote: long-standing concerns … among American policymakers", false},
		{"spelling", "    quote: longstanding concerns about alliance cost-sharing among American policymakers", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			facts := copySample(t)
			text := filepath.Join(filepath.Dir(facts), "article.txt")
			a, _ := os.ReadFile(text)
			os.WriteFile(text, append(a, []byte("\n"+added+"\n")...), 0o644)
			b, _ := os.ReadFile(facts)
			if !strings.Contains(string(b), quote+"\n") {
				t.Fatal("the sample no longer has the quote this test edits")
			}
			os.WriteFile(facts, []byte(strings.Replace(string(b), quote+"\n", tt.quote+"\n", 1)), 0o644)
			code, _, stderr := runQuery(t, "validate", facts)
			notFound := strings.Contains(stderr, `quote of party "american-policymakers" not found in source text "article.txt"`)
			if tt.ok && (code != 0 || stderr != "") || !tt.ok && (code != 1 || !notFound) {
				t.Errorf("exit %d, want the quote %s:\n%s", code, map[bool]string{true: "found", false: "not found"}[tt.ok], stderr)
			}
		})
	}
}

// TestStoreFromEnvironment: FACTGRAPH_STORE names the store when --store is not given, and
// --store wins over it.
func TestStoreFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	env, flag := filepath.Join(dir, "env.db"), filepath.Join(dir, "flag.db")
	t.Setenv("FACTGRAPH_STORE", env)
	if code, _, stderr := runQuery(t, "ingest", flagship); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runQuery(t, "ingest", "--store", flag, nato); code != 0 {
		t.Fatalf("ingest --store: exit %d: %s", code, stderr)
	}
	for _, tt := range []struct {
		args       []string
		has, lacks string
	}{
		{[]string{"sources"}, "japan-us-security-treaty-article", "nato-spending-summary"},
		{[]string{"sources", "--store", flag}, "nato-spending-summary", "japan-us-security-treaty-article"},
		{[]string{"query", "obligations", "--bearer", "japan"}, "japan-defend-us", "nato-allies"},
		{[]string{"find", "summit"}, "no item's id", "nato-summit"},
		{[]string{"export", "--format", "nquads"}, "<source/japan-us-security-treaty-article>", "nato-spending-summary"},
	} {
		code, out, stderr := runQuery(t, tt.args...)
		if code != 0 || !strings.Contains(out, tt.has) || strings.Contains(out, tt.lacks) {
			t.Errorf("%q: exit %d, want %q and not %q:\n%.500s%s", tt.args, code, tt.has, tt.lacks, out, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(".", defaultStore)); err == nil {
		t.Errorf("a %s was written in the working folder", defaultStore)
	}
}
