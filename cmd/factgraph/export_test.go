package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
)

const nato = "../../samples/nato-spending/facts.yaml"

// exported is what a graphology JSON export holds: each node's kind and source by key, and
// the edges as FROM>TO.
type exported struct {
	kinds   map[string]string
	sources map[string]string
	edges   []string
}

// exportJSON runs factgraph export with args in graphology JSON and reads the result.
func exportJSON(t *testing.T, args ...string) exported {
	t.Helper()
	code, out, stderr := runQuery(t, append([]string{"export", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("export %q: exit %d: %s", args, code, stderr)
	}
	var doc struct {
		Nodes []struct {
			Key        string
			Attributes struct{ Kind, Source string }
		}
		Edges []struct{ Source, Target string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("export %q: %v", args, err)
	}
	e := exported{kinds: map[string]string{}, sources: map[string]string{}}
	for _, n := range doc.Nodes {
		e.kinds[n.Key] = n.Attributes.Kind
		e.sources[n.Key] = n.Attributes.Source
	}
	for _, ed := range doc.Edges {
		e.edges = append(e.edges, ed.Source+">"+ed.Target)
	}
	sort.Strings(e.edges)
	return e
}

// storeWithBoth ingests the two samples into a new bolt store and returns its path.
func storeWithBoth(t *testing.T) string {
	t.Helper()
	store := filepath.Join(t.TempDir(), "f.db")
	if code, _, stderr := runQuery(t, "ingest", "--store", store, flagship, nato); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	return store
}

// TestExportViewFocusDepthSource runs export with the options that pick a part of the
// graph, as the command line gives them, and checks what each keeps.
func TestExportViewFocusDepthSource(t *testing.T) {
	store := storeWithBoth(t)
	full := exportJSON(t, "--store", store)
	if full.kinds["japan"] != "party" || full.kinds["nato-allies-five-percent"] != "obligation" || full.kinds["trump-treaty-unfair"] == "" {
		t.Fatalf("the full view lacks items of both samples: %v", full.kinds)
	}

	t.Run("view", func(t *testing.T) {
		parties := exportJSON(t, "--store", store, "--view", "parties")
		arguments := exportJSON(t, "--store", store, "--view", "arguments")
		for id, kind := range parties.kinds {
			if kind != "party" && kind != "agreement" {
				t.Errorf("parties view has %s %q", kind, id)
			}
		}
		for id, kind := range arguments.kinds {
			if kind != "party" && kind != "claim" && kind != "counterclaim" {
				t.Errorf("arguments view has %s %q", kind, id)
			}
		}
		if parties.kinds["japan"] == "" || arguments.kinds["trump-treaty-unfair"] == "" {
			t.Errorf("views lack japan or Trump's claim")
		}
	})

	t.Run("focus and depth", func(t *testing.T) {
		one := exportJSON(t, "--store", store, "--focus", "japan", "--depth", "1")
		two := exportJSON(t, "--store", store, "--focus", "japan", "--depth", "2")
		all := exportJSON(t, "--store", store, "--focus", "japan", "--depth", "-1")
		def := exportJSON(t, "--store", store, "--focus", "japan")
		if one.kinds["japan"] == "" || len(one.kinds) < 5 || len(one.kinds) >= len(two.kinds) || len(two.kinds) > len(all.kinds) {
			t.Errorf("depth 1 keeps %d items, 2 keeps %d, -1 keeps %d", len(one.kinds), len(two.kinds), len(all.kinds))
		}
		if len(def.kinds) != len(two.kinds) {
			t.Errorf("--focus without --depth keeps %d items, --depth 2 %d", len(def.kinds), len(two.kinds))
		}
		// Every item at depth 1 is an end of an edge at japan.
		for id := range one.kinds {
			if id == "japan" {
				continue
			}
			if !contains(one.edges, "japan>"+id) && !contains(one.edges, id+">japan") {
				t.Errorf("%q is kept at depth 1 but no edge joins it to japan", id)
			}
		}
		// A name or an alias focuses on the same item.
		for _, ref := range []string{"Japan", "JAPAN"} {
			byName := exportJSON(t, "--store", store, "--focus", ref, "--depth", "1")
			if strings.Join(byName.edges, " ") != strings.Join(one.edges, " ") {
				t.Errorf("--focus %q differs from --focus japan", ref)
			}
		}
		trump := exportJSON(t, "--store", store, "--focus", "President Trump", "--depth", "1")
		if trump.kinds["donald-trump"] != "party" {
			t.Errorf("--focus by alias did not focus on donald-trump: %v", trump.kinds)
		}
	})

	t.Run("source", func(t *testing.T) {
		only := exportJSON(t, "--store", store, "--source", "nato-spending-summary")
		if len(only.kinds) == 0 || only.kinds["japan"] != "" || only.kinds["trump-treaty-unfair"] != "" {
			t.Errorf("--source kept items of the other source: %v", only.kinds)
		}
		for id, src := range only.sources {
			if src != "nato-spending-summary" {
				t.Errorf("--source nato-spending-summary kept %q, stated by %q", id, src)
			}
		}
	})

	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"mistyped focus", []string{"--focus", "jpan"}, 1, `focus: no such item "jpan"; did you mean "japan"?`},
		{"focus by a name in another case", []string{"--focus", "nato allies"}, 0, ""},
		{"focus outside the view", []string{"--view", "parties", "--focus", "us-defend-japan"}, 1, `focus "us-defend-japan" is not a node of the parties view`},
		{"mistyped source", []string{"--source", "nato-spending-sumary"}, 1, `did you mean "nato-spending-summary"?`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runQuery(t, append([]string{"export", "--store", store, "--format", "dot"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, want %d and %q:\n%s", code, tt.code, tt.stderr, stderr)
			}
		})
	}
}

// TestRenderCommand draws each view as the command does, SVG with the embedded Graphviz and
// PNG with the system's dot.
func TestRenderCommand(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "parties.svg")
	code, out, stderr := runQuery(t, "render", "--view", "parties", "-o", svg, flagship)
	if code != 0 || out != "" || stderr != "" {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	b, err := os.ReadFile(svg)
	if err != nil || !strings.Contains(string(b), "<svg") || !strings.Contains(string(b), "Japan") || strings.Contains(string(b), "trump-treaty-unfair") {
		t.Errorf("parties.svg is not a drawing of the parties view (%v):\n%.300s", err, b)
	}
	focused := filepath.Join(dir, "focus.svg")
	if code, _, stderr := runQuery(t, "render", "--focus", "North Korea", "--depth", "1", "-o", focused, flagship); code != 0 {
		t.Fatalf("render --focus: exit %d: %s", code, stderr)
	}
	if f, _ := os.ReadFile(focused); len(f) == 0 || len(f) >= len(b)*4 || !strings.Contains(string(f), "North Korea") {
		t.Errorf("the focused drawing is %d bytes against %d for the parties view", len(f), len(b))
	}
	if _, err := exec.LookPath("dot"); err != nil && os.Getenv("CI") == "" {
		t.Skip("Graphviz's dot is not installed; PNG not drawn")
	}
	png := filepath.Join(dir, "arguments.png")
	if code, _, stderr := runQuery(t, "render", "--view", "arguments", "-o", png, flagship); code != 0 {
		t.Fatalf("render png: exit %d: %s", code, stderr)
	}
	if p, _ := os.ReadFile(png); !strings.HasPrefix(string(p), "\x89PNG") {
		t.Errorf("arguments.png is not a PNG")
	}
}

// TestBuildCommand runs build as the README's first line does and checks that every file
// it prints exists, and that the store it wrote answers queries.
func TestBuildCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runQuery(t, "build", "../../samples/japan-us-security-treaty", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, want := range []string{"factgraph.db", "full.graphml", "full.gexf", "parties.svg", "arguments.svg"} {
		if !contains(lines, filepath.Join(out, want)) {
			t.Errorf("build did not print %s:\n%s", want, stdout)
		}
	}
	for _, l := range lines {
		if _, err := os.Stat(l); err != nil {
			t.Errorf("build printed %s, which is missing: %v", l, err)
		}
	}
	code, stdout, _ = runQuery(t, "query", "obligations", "--store", filepath.Join(out, "factgraph.db"), "--bearer", "japan", "--json")
	if code != 0 || !strings.Contains(stdout, `"japan-defend-us"`) {
		t.Errorf("the store build wrote does not answer: exit %d\n%s", code, stdout)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestExportMergeAndKeep runs export of the parties view with --merge-edges, --min-sources
// and --top as the command line gives them, and checks the note a big parties view gets.
func TestExportMergeAndKeep(t *testing.T) {
	store := storeWithBoth(t)
	read := func(args ...string) (map[string]float64, map[string]string) {
		t.Helper()
		code, out, stderr := runQuery(t, append([]string{"export", "--store", store, "--view", "parties", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("export %q: exit %d: %s", args, code, stderr)
		}
		var doc struct {
			Nodes []struct{ Key string }
			Edges []struct {
				Key        string
				Attributes struct{ Weight float64 }
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		edges, nodes := map[string]float64{}, map[string]string{}
		for _, e := range doc.Edges {
			edges[e.Key] = e.Attributes.Weight
		}
		for _, n := range doc.Nodes {
			nodes[n.Key] = n.Key
		}
		return edges, nodes
	}
	plain, all := read()
	if _, ok := plain["japan-hosts-us-bases"]; !ok {
		t.Fatalf("the parties view lacks the duty japan-hosts-us-bases: %v", plain)
	}
	merged, _ := read("--merge-edges")
	if w := merged["japan:duties:in-force:united-states"]; w != 3 {
		t.Errorf("merged duties of Japan to the United States weigh %v, want 3 (%v)", w, merged)
	}
	if _, ok := merged["japan-hosts-us-bases"]; ok || len(merged) >= len(plain) {
		t.Errorf("--merge-edges left %d of %d edges, japan-hosts-us-bases among them", len(merged), len(plain))
	}
	_, both := read("--min-sources", "2")
	// Both samples state the United States and Trump; only the flagship Japan.
	if len(both) != 4 || both["united-states"] == "" || both["donald-trump"] == "" || both["japan"] != "" {
		t.Errorf("--min-sources 2 kept %d of %d nodes: %v; want the 4 both samples state", len(both), len(all), both)
	}
	_, top := read("--top", "3")
	if len(top) != 3 {
		t.Errorf("--top 3 kept %v", top)
	}

	old := export.BigParties
	t.Cleanup(func() { export.BigParties = old })
	export.BigParties = 10
	for _, tc := range []struct {
		args []string
		note bool
	}{{nil, true}, {[]string{"--merge-edges"}, false}, {[]string{"--top", "100"}, false}} {
		_, _, stderr := runQuery(t, append([]string{"export", "--store", store, "--view", "parties", "--format", "gexf", "-q", "-o", filepath.Join(t.TempDir(), "p.gexf")}, tc.args...)...)
		if got := strings.Contains(stderr, "--merge-edges, --min-sources N and --top N make it smaller"); got != tc.note {
			t.Errorf("%q: note %v, want %v: %s", tc.args, got, tc.note, stderr)
		}
	}
}
