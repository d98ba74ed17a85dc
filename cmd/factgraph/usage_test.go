package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUsageMistakes: a command line used wrongly exits with status 2 and one short line
// that says what was wrong and, where it can tell, what was meant; never the whole help.
func TestUsageMistakes(t *testing.T) {
	// A picture the command should refuse to draw goes to a folder of the test's own, not
	// into the package's folder, if it is drawn after all.
	svg := filepath.Join(t.TempDir(), "x.svg")
	tests := []struct {
		name   string
		args   []string
		stderr string // the whole of standard error
	}{
		{"mistyped command", []string{"exprot"}, `unknown command "exprot"; did you mean "export"?`},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"; factgraph --help lists the commands`},
		{"mistyped query", []string{"query", "obligatoins"}, `unknown command "query obligatoins"; did you mean "query obligations"?`},
		{"help on a mistyped command", []string{"help", "exprot"}, `unknown command "exprot"; did you mean "export"?`},
		{"help on a mistyped query", []string{"query", "help", "obligatoins"}, `unknown command "query obligatoins"; did you mean "query obligations"?`},
		{"mistyped flag", []string{"export", "--formt", "dot"}, `unknown flag --formt; did you mean --format?`},
		{"mistyped flag with one dash", []string{"export", "-formt", "dot"}, `unknown flag --formt; did you mean --format?`},
		{"mistyped flag of a query", []string{"query", "claims", "--limt", "3"}, `unknown flag --limt; did you mean --limit?`},
		{"mistyped flag before the command", []string{"--verzion"}, `unknown flag --verzion; did you mean --version?`},
		{"unknown short flag", []string{"export", "-x"}, `unknown flag -x; factgraph export --help lists the flags`},
		{"flag without value", []string{"export", "--view"}, `flag --view needs a value`},
		{"flag with a bad number", []string{"query", "neighbors", "--depth", "two", "japan"}, `invalid value "two" for flag --depth: parse error`},
		{"unknown view", []string{"export", "--view", "partys", "--format", "dot", flagship}, `unknown view "partys"; did you mean "parties"? (views: full, parties, arguments, stances)`},
		{"unknown view of render", []string{"render", "--view", "everything", "-o", svg, flagship}, `unknown view "everything"; use one of: full, parties, arguments, stances`},
		{"depth without focus", []string{"export", "--depth", "1", "--format", "dot", flagship}, `--depth counts steps from the --focus item; give --focus ID too, or leave --depth out`},
		{"depth without focus in render", []string{"render", "--depth", "1", "-o", svg, flagship}, `--depth counts steps from the --focus item; give --focus ID too, or leave --depth out`},
		{"nquads of a view", []string{"export", "--format", "nquads", "--view", "parties", flagship}, `format "nquads" writes the store's quads as they are, so it takes no view or focus; use --source to keep one source`},
		{"merge-edges of the full view", []string{"export", "--merge-edges", "--format", "gexf", flagship}, `--merge-edges, --min-sources and --top apply to the parties view only; add --view parties`},
		{"top of the arguments view in render", []string{"render", "--view", "arguments", "--top", "5", "-o", svg, flagship}, `--merge-edges, --min-sources and --top apply to the parties view only; add --view parties`},
		{"negative min-sources", []string{"export", "--view", "parties", "--min-sources", "-1", "--format", "gexf", flagship}, `--min-sources and --top count parties: give 0 (keep all) or more, not -1`},
		{"merge-edges of the page", []string{"export", "--view", "parties", "--merge-edges", "--format", "html", flagship}, `format "html" shows every view whole; --merge-edges, --min-sources and --top apply to the other formats`},
		{"csv without a folder", []string{"export", "--format", "csv", flagship}, `format "csv" writes a folder: pass -o FOLDER`},
		{"render without -o", []string{"render", flagship}, `render needs -o OUT.svg or -o OUT.png: the picture is written to a file`},
		{"build without -o", []string{"build", flagship}, `build needs -o OUTDIR: the folder it writes the store and every export into`},
		{"bad from date", []string{"query", "timeline", "--in", flagship, "--from", "1951-13"}, `--from: date "1951-13" is not on the calendar: month 13`},
		{"bad to date", []string{"query", "timeline", "--in", flagship, "--to", "1951/09"}, `--to: invalid date "1951/09": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"bounds swapped", []string{"query", "timeline", "--in", flagship, "--from", "1960", "--to", "1951"}, `--from "1960" is after to "1951"; swap them`},
		{"mistyped status", []string{"query", "obligations", "--in", flagship, "--status", "absnet"}, `unknown obligation status "absnet"; did you mean "absent"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runQuery(t, tt.args...)
			if want := "factgraph: " + tt.stderr + "\n"; code != 2 || stderr != want || out != "" {
				t.Errorf("exit %d, want 2\nstderr: %q\nwant:   %q\nstdout: %q", code, stderr, want, out)
			}
		})
	}
}

// TestHelp: the app and query, run without a command, show their help, and "help" where a
// command is expected shows the help of what follows it.
func TestHelp(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "factgraph - turn curated facts"},
		{[]string{"help"}, "factgraph - turn curated facts"},
		{[]string{"query"}, "factgraph query - answer questions"},
		{[]string{"query", "help"}, "factgraph query - answer questions"},
		{[]string{"help", "export"}, "factgraph export - write the graph"},
		{[]string{"help", "query", "obligations"}, "factgraph query obligations - who owes whom what"},
		{[]string{"query", "help", "obligations"}, "factgraph query obligations - who owes whom what"},
		{[]string{"help", "ingest", "nothing.yaml"}, "factgraph ingest - validate facts files"},
	} {
		code, out, stderr := runQuery(t, tt.args...)
		if code != 0 || !strings.Contains(out, tt.want) || stderr != "" {
			t.Errorf("%q: exit %d, want %q\n%s%s", tt.args, code, tt.want, out, stderr)
		}
	}
}
