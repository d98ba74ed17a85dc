package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
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
		{"bad status", []string{"query", "obligations", "--in", flagship, "--status", "enforced"}, 1, "", `unknown obligation status "enforced"`},
		{"neighbors", []string{"query", "neighbors", "--in", flagship, "--json", "japan"}, 0, `"rel": "party-to"`, ""},
		{"neighbors no id", []string{"query", "neighbors", "--in", flagship}, 2, "", "neighbors takes one ID"},
		{"path", []string{"query", "path", "--in", flagship, "--json", "donald-trump", "japan"}, 0, `"length": 2`, ""},
		{"path unknown", []string{"query", "path", "--in", flagship, "donald-trump", "jpan"}, 1, "", `did you mean "japan"?`},
		{"timeline", []string{"query", "timeline", "--in", flagship, "--from", "1951", "--to", "1960"}, 0, "1951", ""},
		{"timeline bad date", []string{"query", "timeline", "--in", flagship, "--from", "1951-02-30"}, 1, "", "not on the calendar"},
		{"gizmo", []string{"query", "gizmo", "--in", flagship, `g.V("<japan>").All()`}, 0, `{"id":"<japan>"}`, ""},
		{"gizmo error", []string{"query", "gizmo", "--in", flagship, `g.V(`}, 1, "", "gizmo query"},
		{"stats", []string{"stats", "--in", flagship, "--json"}, 0, `"component_count": 1`, ""},
		{"stats table", []string{"stats", "--in", flagship}, 0, "most central parties", ""},
		{"empty store stats", []string{"stats", "--store", "mem:", "--json"}, 0, `"items": 0`, ""},
		{"empty store claims", []string{"query", "claims", "--store", "mem:"}, 0, "no claims match", ""},
		{"claims limit", []string{"query", "claims", "--in", flagship, "--limit", "1"}, 0, "more threads not listed (raise --limit, or --limit 0 for all)", ""},
		{"claims negative limit", []string{"query", "claims", "--in", flagship, "--limit", "-1"}, 2, "", "--limit must be 0 (all) or more, got -1"},
		{"neighbors negative limit", []string{"query", "neighbors", "--in", flagship, "--limit", "-1", "japan"}, 2, "", "--limit must be 0 (all) or more, got -1"},
		{"empty store neighbors", []string{"query", "neighbors", "--store", "mem:", "japan"}, 1, "", `no such item "japan"`},
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
	} {
		_, first, _ := runQuery(t, args...)
		_, again, _ := runQuery(t, args...)
		if first != again || first == "" {
			t.Errorf("%q printed different JSON on two runs", args)
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
