package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// findJSON runs factgraph find --json with args and returns the kind:id of each item found
// and the sources of each.
func findJSON(t *testing.T, args ...string) ([]string, map[string][]string) {
	t.Helper()
	code, out, stderr := runQuery(t, append([]string{"find", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("find %q: exit %d: %s", args, code, stderr)
	}
	var r struct {
		Items []struct {
			Kind, ID string
			Matched  []string
			Sources  []string
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("find %q: %v\n%s", args, err, out)
	}
	var found []string
	sources := map[string][]string{}
	for _, it := range r.Items {
		found = append(found, it.Kind+":"+it.ID)
		sources[it.ID] = it.Sources
		if len(it.Matched) == 0 {
			t.Errorf("find %q: %s %q found, but no field is said to match", args, it.Kind, it.ID)
		}
	}
	return found, sources
}

func TestFind(t *testing.T) {
	store := storeWithBoth(t)
	t.Run("ids, names, aliases, duties and text", func(t *testing.T) {
		for _, tt := range []struct {
			text string
			want []string // among the items found
			not  []string
		}{
			{"japan", []string{"party:japan", "agreement:japan-us-security-treaty-1960", "obligation:japan-defend-us"}, []string{"party:nato"}},
			{"JAPAN", []string{"party:japan", "obligation:japan-defend-us"}, nil},
			{"President Trump", []string{"party:donald-trump"}, []string{"party:japan"}},      // an alias
			{"armed attack", []string{"obligation:us-defend-japan"}, []string{"party:japan"}}, // a duty
			{"gross   domestic product", []string{"obligation:nato-allies-five-percent"}, nil},
			{"lacks reciprocity", []string{"claim:trump-lack-of-reciprocity"}, nil}, // what a claim says
			{"nato-spending", []string{"source:nato-spending-summary"}, nil},
		} {
			found, _ := findJSON(t, "--store", store, tt.text)
			for _, w := range tt.want {
				if !contains(found, w) {
					t.Errorf("find %q does not list %s: %q", tt.text, w, found)
				}
			}
			for _, n := range tt.not {
				if contains(found, n) {
					t.Errorf("find %q lists %s", tt.text, n)
				}
			}
		}
	})
	t.Run("kind and source", func(t *testing.T) {
		found, _ := findJSON(t, "--store", store, "--kind", "party", "nato")
		if !contains(found, "party:nato") || !contains(found, "party:nato-allies") {
			t.Errorf("--kind party: %q", found)
		}
		for _, f := range found {
			if !strings.HasPrefix(f, "party:") {
				t.Errorf("--kind party lists %s", f)
			}
		}
		all, sources := findJSON(t, "--store", store, "trump")
		only, onlySources := findJSON(t, "--store", store, "--source", "nato-spending-summary", "trump")
		if len(only) == 0 || len(only) >= len(all) || !contains(only, "party:donald-trump") {
			t.Errorf("--source keeps %d of %d items: %q", len(only), len(all), only)
		}
		for id, ss := range onlySources {
			if !contains(ss, "nato-spending-summary") {
				t.Errorf("--source nato-spending-summary lists %q, stated by %q", id, ss)
			}
		}
		if s := sources["donald-trump"]; len(s) != 2 {
			t.Errorf("donald-trump is stated by both samples, find says %q", s)
		}
	})
	t.Run("table", func(t *testing.T) {
		code, out, _ := runQuery(t, "find", "--store", store, "President Trump")
		if code != 0 || !strings.Contains(out, "KIND") || !strings.Contains(out, "SOURCE") ||
			!regexpLine(out, `party +donald-trump +Donald Trump +japan-us-security-treaty-article, nato-spending-summary`) {
			t.Errorf("exit %d:\n%s", code, out)
		}
		code, out, _ = runQuery(t, "find", "--store", store, "xyzzy")
		if code != 0 || out != "no item's id, name, alias, duty or text contains \"xyzzy\"\n" {
			t.Errorf("nothing found: exit %d: %q", code, out)
		}
	})
	t.Run("accents", func(t *testing.T) {
		facts := filepath.Join(t.TempDir(), "facts.yaml")
		os.WriteFile(facts, []byte("factgraph: 1\nsource: {id: s, title: T}\nparties:\n  - {id: france, name: République française, kind: state}\n"+
			"agreements:\n  - {id: elysee-treaty, name: Élysée Treaty, parties: [france]}\n"), 0o644)
		found, _ := findJSON(t, "--in", facts, "elysee")
		again, _ := findJSON(t, "--in", facts, "ÉLYSÉE")
		if !contains(found, "agreement:elysee-treaty") || len(again) != len(found) {
			t.Errorf("find elysee: %q; ÉLYSÉE: %q", found, again)
		}
		if found, _ := findJSON(t, "--in", facts, "republique"); !contains(found, "party:france") {
			t.Errorf("find republique: %q", found)
		}
	})
}

// TestNoSuchPointsToFind: an id that matches nothing names the command that looks for it,
// and that command finds it by a part of its name.
func TestNoSuchPointsToFind(t *testing.T) {
	code, _, stderr := runQuery(t, "query", "neighbors", "--in", flagship, "Security Treaty")
	const hint = "look for it with: factgraph find 'Security Treaty'"
	if code != 1 || !strings.Contains(stderr, `no such item "Security Treaty"; `+hint) {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	found, _ := findJSON(t, "--in", flagship, "Security Treaty")
	if !contains(found, "agreement:japan-us-security-treaty-1951") || !contains(found, "agreement:japan-us-security-treaty-1960") {
		t.Errorf("find 'Security Treaty': %q", found)
	}
	code, _, stderr = runQuery(t, "query", "obligations", "--in", flagship, "--bearer", "jpan")
	if code != 1 || !strings.Contains(stderr, `did you mean "japan"? (or look for it with: factgraph find jpan)`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// regexpLine reports whether a line of s matches the regular expression re.
func regexpLine(s, re string) bool {
	for _, l := range strings.Split(s, "\n") {
		if ok, _ := regexp.MatchString(re, l); ok {
			return true
		}
	}
	return false
}
