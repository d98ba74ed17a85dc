package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestTestScriptRunsWhatTheREADMESays holds scripts/test, the README's test command, to
// what the README says it runs: every test, every test again under the race detector,
// and each fuzzer; and .ci/run to running it.
func TestTestScriptRunsWhatTheREADMESays(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("../../scripts/test")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	said := strings.Join(strings.Fields(string(readme)), " ")
	var lines []string
	for _, l := range strings.Split(string(script), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	runs := func(re string) bool {
		for _, l := range lines {
			if regexp.MustCompile(re).MatchString(l) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct{ claim, re string }{
		{"runs every test", `^go test -count=1 \./\.\.\.$`},
		{"again under Go's race detector", `^go test -race .*-count=1 \./\.\.\.$`},
		{"each fuzzer for a short while", `go test -run='\^\$' -fuzz=`},
	} {
		if !strings.Contains(said, c.claim) {
			t.Errorf("README.md no longer says the test command %s", c.claim)
		}
		if !runs(c.re) {
			t.Errorf("README.md says the test command %s, but scripts/test has no line matching %s", c.claim, c.re)
		}
	}
	if !strings.Contains(string(ci), "scripts/test") {
		t.Errorf(".ci/run does not run scripts/test")
	}
}
