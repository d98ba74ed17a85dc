package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/ingest"
)

const flagship = "../../samples/japan-us-security-treaty/facts.yaml"

// runQuery runs the command line and returns its exit status, standard output and error.
func runQuery(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"factgraph"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestQueryObligationsBetweenSample(t *testing.T) {
	code, out, stderr := runQuery(t, "query", "obligations", "--in", flagship, "--json", "--between", "united-states", "japan")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Between     []struct{ ID string }
		Obligations []struct {
			ID          string
			Bearer      struct{ ID string }
			Beneficiary struct{ ID string }
			Duty        string
			Status      string
		}
		Balance []struct {
			Bearer  struct{ ID string }
			InForce int `json:"in_force"`
			Absent  int
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	has := func(bearer, status string, words ...string) bool {
		for _, o := range r.Obligations {
			if o.Bearer.ID != bearer || o.Status != status {
				continue
			}
			ok := true
			for _, w := range words {
				ok = ok && strings.Contains(strings.ToLower(o.Duty), w)
			}
			if ok {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		bearer, status string
		words          []string
	}{
		{"united-states", "in-force", []string{"defend", "japan"}},
		{"japan", "absent", []string{"defend", "united states"}},
		{"japan", "in-force", []string{"bases"}},
		{"japan", "in-force", []string{"fund"}},
	} {
		if !has(c.bearer, c.status, c.words...) {
			t.Errorf("no %s duty of %s with %q in:\n%s", c.status, c.bearer, c.words, out)
		}
	}
	if len(r.Balance) != 2 || r.Balance[0].Bearer.ID != "united-states" || r.Balance[0].InForce < 1 ||
		r.Balance[1].Bearer.ID != "japan" || r.Balance[1].InForce < 2 || r.Balance[1].Absent < 1 {
		t.Errorf("balance = %+v", r.Balance)
	}
	// The terminal table shows both directions and the balance.
	code, out, _ = runQuery(t, "query", "obligations", "--in", flagship, "--between", "United States", "japan")
	if code != 0 || !strings.Contains(out, "UNITED STATES OWES JAPAN") || !strings.Contains(out, "JAPAN OWES UNITED STATES") || !strings.Contains(out, "BALANCE") {
		t.Errorf("exit %d, table:\n%s", code, out)
	}
}

func TestQueryClaimsSample(t *testing.T) {
	code, out, stderr := runQuery(t, "query", "claims", "--in", flagship, "--json", "--by", "donald-trump")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	type node struct {
		ID            string
		By            struct{ ID string }
		Counterclaims []json.RawMessage
	}
	var r struct{ Threads []node }
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	countered := 0
	for _, th := range r.Threads {
		if th.By.ID != "donald-trump" {
			t.Errorf("thread %q is by %q", th.ID, th.By.ID)
		}
		if len(th.Counterclaims) > 0 {
			countered++
		}
	}
	if len(r.Threads) == 0 || countered == 0 {
		t.Errorf("want Trump's claims with counterclaims nested, got %d threads, %d countered", len(r.Threads), countered)
	}
}

func TestQueryCommands(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a fragment of standard output
		stderr string // a fragment of standard error
	}{
		{"unknown party", []string{"query", "obligations", "--in", flagship, "--between", "united-states", "jpan"}, 1, "", `no such party "jpan"; did you mean "japan"?`},
		{"between one party", []string{"query", "obligations", "--in", flagship, "--between", "japan"}, 2, "", "--between takes two parties"},
		{"bad status", []string{"query", "obligations", "--in", flagship, "--status", "enforced"}, 2, "", `unknown obligation status "enforced"`},
		{"neighbors", []string{"query", "neighbors", "--in", flagship, "--json", "japan"}, 0, `"rel": "party-to"`, ""},
		{"neighbors no id", []string{"query", "neighbors", "--in", flagship}, 2, "", "neighbors takes one ID"},
		{"path", []string{"query", "path", "--in", flagship, "--json", "donald-trump", "japan"}, 0, `"length": 2`, ""},
		{"path unknown", []string{"query", "path", "--in", flagship, "donald-trump", "jpan"}, 1, "", `did you mean "japan"?`},
		{"timeline", []string{"query", "timeline", "--in", flagship, "--from", "1951", "--to", "1960"}, 0, "1951", ""},
		{"timeline bad date", []string{"query", "timeline", "--in", flagship, "--from", "1951-02-30"}, 2, "", "--from: date \"1951-02-30\" is not on the calendar"},
		{"gizmo", []string{"query", "gizmo", "--in", flagship, `g.V("<japan>").All()`}, 0, `{"id":"<japan>"}`, ""},
		{"gizmo bare id", []string{"query", "gizmo", "--in", flagship, `g.V("japan").All()`}, 0, "", `factgraph: no results; ids are IRIs: did you mean g.V("<japan>")?`},
		{"gizmo bare predicate", []string{"query", "gizmo", "--in", flagship, `g.V("<japan>").In('fg:bearer').All()`}, 0, "", `factgraph: no results; ids are IRIs: did you mean In('<fg:bearer>')?`},
		{"gizmo error", []string{"query", "gizmo", "--in", flagship, `g.V(`}, 1, "", "gizmo query"},
		{"stats", []string{"stats", "--in", flagship, "--json"}, 0, `"component_count": 1`, ""},
		{"stats table", []string{"stats", "--in", flagship}, 0, "most central parties", ""},
		{"empty store stats", []string{"stats", "--store", "mem:", "--json"}, 0, `"items": 0`, ""},
		{"empty store claims", []string{"query", "claims", "--store", "mem:"}, 0, "no claims match", ""},
		{"claims limit", []string{"query", "claims", "--in", flagship, "--limit", "1"}, 0, "more threads not listed (raise --limit, or --limit 0 for all)", ""},
		{"claims negative limit", []string{"query", "claims", "--in", flagship, "--limit", "-1"}, 2, "", "--limit must be 0 (all) or more, got -1"},
		{"neighbors negative limit", []string{"query", "neighbors", "--in", flagship, "--limit", "-1", "japan"}, 2, "", "--limit must be 0 (all) or more, got -1"},
		{"empty store neighbors", []string{"query", "neighbors", "--store", "mem:", "japan"}, 1, "", `no such item "japan"`},
		{"stances", []string{"query", "stances", "--in", flagship}, 0, "The treaty article's commentary  Donald Trump                     6         2", ""},
		{"stances json", []string{"query", "stances", "--in", flagship, "--json"}, 0, `"counters": 6`, ""},
		{"stances argument", []string{"query", "stances", "--in", flagship, "japan"}, 2, "", `unexpected argument "japan"`},
		{"empty store stances", []string{"query", "stances", "--store", "mem:"}, 0, "no party asserts anything", ""},
		{"contested", []string{"query", "contested", "--in", flagship}, 0, "REBUTTED BY 2 OR MORE PARTIES: 4 assertions", ""},
		{"contested min", []string{"query", "contested", "--in", flagship, "--min", "3", "--json"}, 0, `"contested": []`, ""},
		{"contested min 0", []string{"query", "contested", "--in", flagship, "--min", "0"}, 2, "", "--min must be 1 or more, got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runQuery(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, want %d\nstdout (want %q):\n%s\nstderr (want %q):\n%s", code, tt.code, tt.stdout, out, tt.stderr, stderr)
			}
		})
	}
}

func TestQueryJSONIsStable(t *testing.T) {
	for _, args := range [][]string{
		{"stats", "--in", flagship, "--json"},
		{"query", "claims", "--in", flagship, "--json"},
		{"query", "timeline", "--in", flagship, "--json"},
		{"query", "stances", "--in", flagship, "--json"},
		{"query", "contested", "--in", flagship, "--json"},
	} {
		_, first, _ := runQuery(t, args...)
		_, again, _ := runQuery(t, args...)
		if first != again || first == "" {
			t.Errorf("%q printed different JSON on two runs", args)
		}
	}
}

// TestQuerySources: every query takes --source, and where an answer mixes sources the
// table says which source states what, as the JSON does.
func TestQuerySources(t *testing.T) {
	store := storeWithBoth(t)
	const nato, treaty = "nato-spending-summary", "japan-us-security-treaty-article"
	t.Run("obligations", func(t *testing.T) {
		// A third article states a duty of Japan's too: --bearer japan mixes two sources.
		extra := filepath.Join(t.TempDir(), "extra.yaml")
		writeFile(t, extra, "factgraph: 1\nsource: {id: extra-article, title: Extra}\nparties:\n  - {id: japan, name: Japan, kind: state}\n  - {id: united-states, name: United States, kind: state}\nobligations:\n  - {id: japan-extra-duty, bearer: japan, beneficiary: united-states, duty: an extra duty}\n")
		if code, _, stderr := runQuery(t, "ingest", "--store", store, extra); code != 0 {
			t.Fatalf("ingest extra: exit %d: %s", code, stderr)
		}
		defer runQuery(t, "remove", "--store", store, "extra-article")
		const extraSrc = "extra-article"
		code, out, stderr := runQuery(t, "query", "obligations", "--store", store, "--bearer", "japan")
		if code != 0 || !regexpLine(out, `^ID .* SOURCE$`) ||
			!regexpLine(out, `^japan-hosts-us-bases .* `+treaty+`$`) || !regexpLine(out, `^japan-extra-duty .* `+extraSrc+`$`) {
			t.Errorf("exit %d, table without the source of each duty:\n%s%s", code, out, stderr)
		}
		_, out, _ = runQuery(t, "query", "obligations", "--store", store, "--bearer", "japan", "--json")
		var r struct {
			Obligations []struct {
				ID      string
				Sources []string
			}
		}
		json.Unmarshal([]byte(out), &r)
		bySource := map[string]int{}
		for _, o := range r.Obligations {
			if len(o.Sources) != 1 {
				t.Errorf("%s: sources %q", o.ID, o.Sources)
				continue
			}
			bySource[o.Sources[0]]++
		}
		if bySource[treaty] < 3 || bySource[extraSrc] != 1 {
			t.Errorf("JSON sources: %v", bySource)
		}
		code, out, _ = runQuery(t, "query", "obligations", "--store", store, "--bearer", "japan", "--source", extraSrc)
		if code != 0 || strings.Contains(out, "japan-hosts-us-bases") || !strings.Contains(out, "japan-extra-duty") || strings.Contains(out, "SOURCE") {
			t.Errorf("--source %s: exit %d\n%s", extraSrc, code, out)
		}
		code, out, _ = runQuery(t, "query", "obligations", "--in", flagship)
		if code != 0 || strings.Contains(out, "SOURCE") {
			t.Errorf("one source, yet a SOURCE column:\n%s", out)
		}
	})
	t.Run("claims", func(t *testing.T) {
		code, out, _ := runQuery(t, "query", "claims", "--store", store, "--by", "Trump", "--limit", "0")
		if code != 0 || !regexpLine(out, `^claim trump-allies-four-percent · Donald Trump · 2018-07 · `+nato+`$`) ||
			!regexpLine(out, `^claim trump-treaty-unfair · Donald Trump · `+treaty+`$`) {
			t.Errorf("exit %d, threads without their sources:\n%s", code, out)
		}
		code, out, _ = runQuery(t, "query", "claims", "--store", store, "--by", "Trump", "--source", nato, "--json")
		if code != 0 || !strings.Contains(out, `"trump-allies-four-percent"`) || strings.Contains(out, `"trump-treaty-unfair"`) || strings.Contains(out, treaty) {
			t.Errorf("--source %s: exit %d\n%s", nato, code, out)
		}
	})
	t.Run("timeline", func(t *testing.T) {
		code, out, _ := runQuery(t, "query", "timeline", "--store", store, "--from", "1951", "--to", "2014")
		if code != 0 || !regexpLine(out, `^DATE .* SOURCE$`) || !regexpLine(out, `^1951 .* `+treaty+`$`) || !regexpLine(out, `^2014-09 .* `+nato+`$`) {
			t.Errorf("exit %d, timeline without sources:\n%s", code, out)
		}
		code, out, _ = runQuery(t, "query", "timeline", "--store", store, "--json", "--source", nato)
		if code != 0 || !strings.Contains(out, `"sources": [`) || strings.Contains(out, treaty) || !strings.Contains(out, `"2014-09"`) {
			t.Errorf("--source %s --json: exit %d\n%s", nato, code, out)
		}
	})
	t.Run("neighbors, path and stats", func(t *testing.T) {
		code, out, _ := runQuery(t, "query", "neighbors", "--store", store, "--source", nato, "--json", "united-states")
		if code != 0 || !strings.Contains(out, `"donald-trump"`) || strings.Contains(out, `"japan"`) {
			t.Errorf("neighbors --source: exit %d\n%s", code, out)
		}
		code, _, stderr := runQuery(t, "query", "path", "--store", store, "--source", nato, "japan", "nato")
		if code != 1 || !strings.Contains(stderr, `no such item "japan"`) {
			t.Errorf("path --source from an item the source does not state: exit %d: %s", code, stderr)
		}
		code, out, _ = runQuery(t, "stats", "--store", store, "--source", nato, "--json")
		if code != 0 || !strings.Contains(out, `"sources": 1,`) || strings.Contains(out, treaty) {
			t.Errorf("stats --source: exit %d\n%.400s", code, out)
		}
		code, _, stderr = runQuery(t, "query", "neighbors", "--store", store, "--source", "nato-spending-sumary", "nato")
		if code != 1 || !strings.Contains(stderr, `did you mean "nato-spending-summary"?`) {
			t.Errorf("mistyped source: exit %d: %s", code, stderr)
		}
	})
}

// TestObligationsBalanceCountsEveryStatus: the balance of --between counts each status in
// its own column, disputed included, which neither sample has.
func TestObligationsBalanceCountsEveryStatus(t *testing.T) {
	facts := filepath.Join(t.TempDir(), "facts.yaml")
	os.WriteFile(facts, []byte(`factgraph: 1
source: {id: s, title: T}
parties:
  - {id: a, name: Aland, kind: state}
  - {id: b, name: Bland, kind: state}
obligations:
  - {id: a1, bearer: a, beneficiary: b, duty: one, status: disputed}
  - {id: a2, bearer: a, beneficiary: b, duty: two, status: disputed}
  - {id: a3, bearer: a, beneficiary: b, duty: three, status: demanded}
  - {id: a4, bearer: a, beneficiary: b, duty: four}
  - {id: b1, bearer: b, beneficiary: a, duty: five, status: absent}
  - {id: b2, bearer: b, beneficiary: a, duty: six, status: disputed}
`), 0o644)
	code, out, stderr := runQuery(t, "query", "obligations", "--in", facts, "--between", "a", "b", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Balance []struct {
			InForce  int `json:"in_force"`
			Absent   int
			Demanded int
			Disputed int
			Total    int
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	type counts struct{ InForce, Absent, Demanded, Disputed, Total int }
	var got []counts
	for _, b := range r.Balance {
		got = append(got, counts{b.InForce, b.Absent, b.Demanded, b.Disputed, b.Total})
	}
	if want := []counts{{1, 0, 1, 2, 4}, {0, 1, 0, 1, 2}}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("balance = %v, want %v", got, want)
	}
	code, out, _ = runQuery(t, "query", "obligations", "--in", facts, "--between", "Aland", "Bland")
	for _, want := range []string{
		`^BALANCE +IN-FORCE +ABSENT +DEMANDED +DISPUTED +TOTAL$`,
		`^Aland → Bland +1 +0 +1 +2 +4$`,
		`^Bland → Aland +0 +1 +0 +1 +2$`,
		`^Aland owes Bland 1 in force, 1 demanded, 2 disputed \(4 duties\)\.$`,
		`^Bland owes Aland 1 disputed \(1 duty\); the text records 1 duty it does not owe\.$`,
	} {
		if code != 0 || !regexpLine(out, want) {
			t.Errorf("exit %d, no line %s in:\n%s", code, want, out)
		}
	}
}

func TestExportViewFlags(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
		not    string // must not be in standard output
	}{
		{"claims summary", []string{"export", "--view", "parties", "--format", "dot", flagship}, 0, `label="3 claims"`, "", ""},
		{"claims none", []string{"export", "--view", "parties", "--claims", "none", "--format", "dot", flagship}, 0, "obligation", "", `"kind"="claim"`},
		{"claims all", []string{"export", "--view", "parties", "--claims", "all", "--format", "dot", flagship}, 0, `id="trump-treaty-unfair:japan-us-security-treaty-1960"`, "", ":claims:"},
		{"unknown claims", []string{"export", "--view", "parties", "--claims", "some", "--format", "dot", flagship}, 2, "", `unknown claims mode "some"; use one of: summary, none, all`, ""},
		{"claims on another view", []string{"export", "--view", "arguments", "--claims", "none", "--format", "dot", flagship}, 2, "", "--claims applies to the parties view only", ""},
		{"unknown view", []string{"export", "--view", "everything", "--format", "dot", flagship}, 2, "", `unknown view "everything"`, ""},
		{"render pdf", []string{"render", "--view", "parties", "-o", dir + "/a.pdf", flagship}, 0, "", "", ""},
		{"render bad claims", []string{"render", "--view", "parties", "--claims", "x", "-o", dir + "/a.svg", flagship}, 2, "", "unknown claims mode", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := exec.LookPath("dot"); err != nil && strings.HasSuffix(tt.name, "pdf") && os.Getenv("CI") == "" {
				t.Skip("a pdf needs Graphviz's dot, which is not installed")
			}
			code, out, stderr := runQuery(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(stderr, tt.stderr) || tt.not != "" && strings.Contains(out, tt.not) {
				t.Errorf("exit %d, want %d\nstdout (want %q):\n%.500s\nstderr (want %q):\n%s", code, tt.code, tt.stdout, out, tt.stderr, stderr)
			}
		})
	}
}

// TestQueryStoreAnswersAsFiles: obligations and claims asked of a store print what they
// print asked of the facts files it holds, as text (which reads from the store only the
// names it shows) and as JSON, which names every party and agreement referred to.
func TestQueryStoreAnswersAsFiles(t *testing.T) {
	store := storeWithBoth(t)
	files, err := ingest.Load(context.Background(), []string{flagship, nato}, nil)
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{} // the ids of what has a name
	for _, f := range files {
		for _, p := range f.Facts.Parties {
			named[p.ID] = true
		}
		for _, a := range f.Facts.Agreements {
			named[a.ID] = true
		}
		for _, e := range f.Facts.Events {
			named[e.ID] = true
		}
	}
	for _, args := range [][]string{
		{"query", "obligations", "--bearer", "japan"},
		{"query", "obligations", "--between", "united-states", "japan"},
		{"query", "claims", "--by", "donald-trump"},
		{"query", "claims", "--about", "japan"},
	} {
		for _, form := range [][]string{nil, {"--json"}} {
			q := append(append([]string(nil), args...), form...)
			code, want, stderr := runQuery(t, append(q, "--in", flagship, "--in", nato)...)
			if code != 0 {
				t.Fatalf("%q on the files: exit %d: %s", q, code, stderr)
			}
			code, got, stderr := runQuery(t, append(q, "--store", store)...)
			if code != 0 || got != want {
				t.Errorf("%q on the store: exit %d: %s\n%s\nwant, as on the files:\n%s", q, code, stderr, got, want)
			}
			if form != nil {
				if unnamed := unnamedRefs(t, got, named); len(unnamed) > 0 {
					t.Errorf("%q on the store: JSON without the names of %q:\n%s", q, unnamed, got)
				}
			}
		}
	}
}

// unnamedRefs returns the ids of the JSON answer's obligation parties and agreements, and
// assertion authors and subjects, that come without a name though named holds them.
func unnamedRefs(t *testing.T, answer string, named map[string]bool) []string {
	t.Helper()
	type ref struct{ ID, Name string }
	type node struct {
		By            ref
		About         []ref
		Counterclaims []node
	}
	var r struct {
		Obligations []struct {
			Bearer, Beneficiary ref
			Under               *ref
		}
		Threads []node
	}
	if err := json.Unmarshal([]byte(answer), &r); err != nil {
		t.Fatal(err)
	}
	var refs []ref
	for _, o := range r.Obligations {
		refs = append(refs, o.Bearer, o.Beneficiary)
		if o.Under != nil {
			refs = append(refs, *o.Under)
		}
	}
	var walk func(n node)
	walk = func(n node) {
		refs = append(refs, n.By)
		refs = append(refs, n.About...)
		for _, c := range n.Counterclaims {
			walk(c)
		}
	}
	for _, n := range r.Threads {
		walk(n)
	}
	if len(refs) == 0 {
		t.Fatalf("no references in the answer:\n%s", answer)
	}
	var unnamed []string
	for _, x := range refs {
		if x.Name == "" && named[x.ID] {
			unnamed = append(unnamed, x.ID)
		}
	}
	return unnamed
}
