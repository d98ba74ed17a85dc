package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestDocsCommands runs every factgraph command that README.md and docs/*.md show, in
// their order, each file in a folder of its own holding a copy of the samples and a store
// (./factgraph.db) they were ingested into:
//
//   - in ```sh blocks, each line that starts with "factgraph " or "go run ./cmd/factgraph",
//     or that builds a program with "go build" or "go install" (factgraph, which must then
//     run), and a command a "# or: " comment offers; it must exit with status 0 and,
//     unless it writes to -o or builds, print something. Other
//     programs on the line (after && or |) run too: in CI they must be installed. An
//     "export FACTGRAPH_STORE=postgres://..." line moves the commands after it to a fresh
//     database on the test server (FACTGRAPH_TEST_POSTGRES), which CI must have;
//   - in ```console blocks, each "$ " line, whose output (stdout, then stderr) must be the
//     lines shown under it, where a line "..." stands for any number of lines. It must exit
//     with status 0, unless what it shows is an error ("factgraph: ...").
//
// A "go run ./cmd/synth" line writes its synthetic corpus (with at most 1,000 articles: a
// larger one is for benchmarks, and the commands after it run the same on a smaller one).
// Paths under /tmp/ are taken to be under the test's folder. "factgraph serve" runs until
// stopped: TestServe and the browser tests run it, not this test.
func TestDocsCommands(t *testing.T) {
	docs, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	docs = append([]string{"../../README.md"}, docs...)
	samples, err := filepath.Abs("../../samples")
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(samples)
	ran := 0
	for _, doc := range docs {
		cmds, err := docCommands(doc)
		if err != nil {
			t.Fatal(err)
		}
		ran += len(cmds)
		t.Run(filepath.Base(doc), func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, samples, filepath.Join(dir, "samples"))
			// The commands that draw the docs' own pictures write into docs/.
			if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			unsetenv(t, "FACTGRAPH_STORE")
			unsetenv(t, "COLUMNS")
			if code, _, stderr := runQuery(t, "ingest", "samples/"); code != 0 {
				t.Fatalf("ingest samples/: %s", stderr)
			}
			sh := &docShell{t: t, dir: dir, root: root}
			for _, c := range cmds {
				sh.run(c)
			}
		})
	}
	if ran < 30 {
		t.Errorf("found only %d commands in the docs; is the parser still reading them?", ran)
	}
}

// docCommand is one command line of a doc, and what it should give.
type docCommand struct {
	where   string   // FILE:LINE
	line    string   // without the prompt
	console bool     // from a ```console block
	output  []string // what a console block shows under the command
	env     bool     // an "export NAME=VALUE" line
}

// docCommands reads the commands of the ```sh and ```console blocks of a Markdown file.
func docCommands(path string) ([]docCommand, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cmds []docCommand
	lang, in := "", false
	lines := strings.Split(string(b), "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, "```") {
			in, lang = !in, strings.TrimPrefix(l, "```")
			continue
		}
		where := fmt.Sprintf("%s:%d", filepath.Base(path), i+1)
		switch {
		case !in:
		case lang == "sh" || lang == "bash" || lang == "shell":
			for strings.HasSuffix(l, `\`) && i+1 < len(lines) {
				i++
				l = strings.TrimSuffix(l, `\`) + " " + strings.TrimSpace(lines[i])
			}
			_, comment := shellWords(l)
			if c, ok := shCommand(where, l); ok {
				cmds = append(cmds, c)
			}
			// "# or: go build ..." offers another command, which runs too.
			if alt, ok := strings.CutPrefix(comment, "or: "); ok {
				if c, ok := shCommand(where, alt); ok {
					cmds = append(cmds, c)
				}
			}
		case lang == "console" && strings.HasPrefix(l, "$ "):
			c := docCommand{where: where, line: strings.TrimPrefix(l, "$ "), console: true}
			for i+1 < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "$ ") && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "```") {
				i++
				c.output = append(c.output, strings.TrimRight(lines[i], " "))
			}
			cmds = append(cmds, c)
		}
	}
	return cmds, nil
}

// shCommand returns the command of a line of a ```sh block, when it is one that runs.
func shCommand(where, line string) (docCommand, bool) {
	words, _ := shellWords(line)
	switch {
	case len(words) == 0:
	case isFactgraph(words) && slices.Contains(words, "serve"):
		// serve runs until stopped; TestServe runs it.
	case isFactgraph(words), isSynth(words), isBuild(words):
		return docCommand{where: where, line: line}, true
	case words[0] == "export" && len(words) == 2 && strings.Contains(words[1], "="):
		return docCommand{where: where, line: line, env: true}, true
	}
	return docCommand{}, false
}

// docShell runs doc commands, keeping what export lines set.
type docShell struct {
	t    *testing.T
	dir  string
	root string // the module's
	// skip, when set, is why the commands left in the block cannot run here.
	skip string
}

func (sh *docShell) run(c docCommand) {
	t := sh.t
	if c.env {
		words, _ := shellWords(c.line)
		name, value, _ := strings.Cut(words[1], "=")
		if name == "FACTGRAPH_STORE" && strings.HasPrefix(value, "postgres://") {
			base := os.Getenv(storetest.EnvPostgres)
			switch {
			case base != "":
				value = storetest.FreshPostgres(t, base)
			case os.Getenv("CI") != "":
				t.Errorf("%s: needs PostgreSQL, and %s is not set", c.where, storetest.EnvPostgres)
				sh.skip = "no PostgreSQL"
			default:
				t.Logf("%s: %s is not set; the commands after it do not run", c.where, storetest.EnvPostgres)
				sh.skip = "no PostgreSQL"
			}
		}
		t.Setenv(name, value)
		return
	}
	if sh.skip != "" {
		return
	}
	words, _ := shellWords(c.line)
	for i, w := range words {
		if rest, ok := strings.CutPrefix(w, "/tmp/"); ok {
			words[i] = filepath.Join(sh.dir, "tmp", rest)
		}
	}
	if err := os.MkdirAll(filepath.Join(sh.dir, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code, fgOut, err := sh.pipeline(words, &stdout, &stderr)
	if err != nil {
		t.Errorf("%s: %s: %v", c.where, c.line, err)
		return
	}
	if c.console {
		got := strings.Split(strings.TrimRight(stdout.String()+stderr.String(), "\n"), "\n")
		shows := false
		for _, l := range c.output {
			shows = shows || strings.HasPrefix(l, "factgraph: ")
		}
		if shows != (code != 0) {
			t.Errorf("%s: %s: exit %d\n%s", c.where, c.line, code, stderr.String())
		}
		if !matchLines(got, c.output) {
			t.Errorf("%s: %s: the output no longer matches the doc\n--- doc\n%s\n--- output\n%s", c.where, c.line,
				strings.Join(c.output, "\n"), strings.Join(got, "\n"))
		}
		return
	}
	switch {
	case code != 0:
		t.Errorf("%s: %s: exit %d\n%s", c.where, c.line, code, stderr.String())
	case !fgOut && !writesFile(words) && !isSynth(words) && !isBuild(words):
		t.Errorf("%s: %s: printed nothing", c.where, c.line)
	}
}

// pipeline runs words: commands joined by && and |, with > redirections. It returns the
// exit status of the last command run and whether a factgraph command printed anything.
func (sh *docShell) pipeline(words []string, stdout, stderr *bytes.Buffer) (int, bool, error) {
	printed := false
	for _, and := range splitWords(words, "&&") {
		var in []byte
		pipes := splitWords(and, "|")
		for k, cmd := range pipes {
			var out bytes.Buffer
			var file string
			if i := indexOf(cmd, ">"); i >= 0 && i+1 < len(cmd) {
				cmd, file = cmd[:i], cmd[i+1]
			}
			code, err := sh.exec(cmd, in, &out, stderr)
			if err != nil {
				return 0, false, err
			}
			if code != 0 {
				return code, printed, nil
			}
			if isFactgraph(cmd) && out.Len() > 0 {
				printed = true
			}
			switch {
			case file != "":
				if err := os.WriteFile(filepath.Join(sh.dir, file), out.Bytes(), 0o644); err != nil {
					return 0, false, err
				}
			case k == len(pipes)-1:
				stdout.Write(out.Bytes())
			}
			in = out.Bytes()
		}
	}
	return 0, printed, nil
}

// exec runs one command: factgraph in this process, anything else as a program.
func (sh *docShell) exec(cmd []string, stdin []byte, stdout, stderr io.Writer) (int, error) {
	if isFactgraph(cmd) {
		args := cmd[1:]
		if cmd[0] == "go" {
			args = cmd[3:]
		}
		return run(context.Background(), append([]string{"factgraph"}, args...), stdout, stderr), nil
	}
	if isSynth(cmd) {
		return runSynth(cmd[3:], stderr)
	}
	if len(cmd) > 1 && cmd[0] == "go" {
		return sh.goCommand(cmd, stdout, stderr)
	}
	path, err := exec.LookPath(cmd[0])
	if err != nil {
		if os.Getenv("CI") != "" {
			return 0, fmt.Errorf("%s is not installed", cmd[0])
		}
		sh.t.Logf("%s is not installed: %q not run", cmd[0], cmd)
		return 0, nil
	}
	c := exec.Command(path, cmd[1:]...)
	c.Dir, c.Stdin, c.Stdout, c.Stderr = sh.dir, bytes.NewReader(stdin), stdout, stderr
	if err := c.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), nil
		}
		return 0, err
	}
	return 0, nil
}

// isFactgraph reports whether a command runs factgraph: "factgraph ..." or
// "go run ./cmd/factgraph ...".
func isFactgraph(cmd []string) bool {
	return len(cmd) > 0 && (cmd[0] == "factgraph" || len(cmd) > 2 && cmd[0] == "go" && cmd[1] == "run" && cmd[2] == "./cmd/factgraph")
}

// isBuild reports whether a command builds a program, as "go build [-o FILE]
// ./cmd/factgraph" and "go install ./cmd/factgraph" build factgraph.
func isBuild(cmd []string) bool {
	return len(cmd) > 2 && cmd[0] == "go" && (cmd[1] == "build" || cmd[1] == "install")
}

// goCommand runs a go command (go build, go install, go test -c) from the module's root,
// what it builds going into the test's folder (GOBIN for go install, -o relative to the
// folder), and then factgraph if it built it.
func (sh *docShell) goCommand(cmd []string, stdout, stderr io.Writer) (int, error) {
	args := slices.Clone(cmd[1:])
	bin := filepath.Join(sh.dir, "bin", "factgraph")
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-o" {
			if !filepath.IsAbs(args[i+1]) {
				args[i+1] = filepath.Join(sh.dir, args[i+1])
			}
			bin = args[i+1]
		}
	}
	c := exec.Command("go", args...)
	c.Dir, c.Stdout, c.Stderr = sh.root, stdout, stderr
	c.Env = append(os.Environ(), "GOBIN="+filepath.Join(sh.dir, "bin"))
	if err := c.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), nil
		}
		return 0, err
	}
	if !isBuild(cmd) || cmd[len(cmd)-1] != "./cmd/factgraph" {
		return 0, nil
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "factgraph version ") {
		fmt.Fprintf(stderr, "%s --version: %v: %s", bin, err, out)
		return 1, nil
	}
	return 0, nil
}

// isSynth reports whether a command writes a synthetic corpus: "go run ./cmd/synth ...".
func isSynth(cmd []string) bool {
	return len(cmd) > 2 && cmd[0] == "go" && cmd[1] == "run" && cmd[2] == "./cmd/synth"
}

// runSynth writes the corpus cmd/synth's flags ask for, with at most 1,000 articles.
func runSynth(args []string, stderr io.Writer) (int, error) {
	c, err := synth.ParseArgs(args, stderr)
	if err != nil {
		return 2, nil
	}
	c.Articles = min(c.Articles, 1000)
	return 0, c.Run(context.Background(), io.Discard)
}

// writesFile reports whether a command line sends factgraph's output to a file (-o).
func writesFile(words []string) bool {
	for _, w := range words {
		if w == "-o" || w == "--output" || strings.HasPrefix(w, "-o=") || strings.HasPrefix(w, "--output=") {
			return true
		}
	}
	return false
}

// matchLines reports whether got is want, where a line "..." of want stands for any number
// of lines and trailing spaces do not count.
func matchLines(got, want []string) bool {
	if len(want) == 0 {
		return len(got) == 0 || len(got) == 1 && got[0] == ""
	}
	if strings.TrimSpace(want[0]) == "..." {
		for i := 0; i <= len(got); i++ {
			if matchLines(got[i:], want[1:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && strings.TrimRight(got[0], " ") == want[0] && matchLines(got[1:], want[1:])
}

// shellWords splits a command line as sh would for the simple lines docs show: words
// apart at spaces, '...' and "..." quoted, and a # that starts a word begins the comment.
func shellWords(line string) (words []string, comment string) {
	var cur strings.Builder
	has := false
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, has = r, true
		case r == ' ' || r == '\t':
			if has {
				words = append(words, cur.String())
				cur.Reset()
				has = false
			}
		case r == '#' && !has:
			return words, strings.TrimSpace(line[i+1:])
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if has {
		words = append(words, cur.String())
	}
	return words, ""
}

// splitWords splits words at each word sep.
func splitWords(words []string, sep string) [][]string {
	var out [][]string
	start := 0
	for i, w := range words {
		if w == sep {
			out = append(out, words[start:i])
			start = i + 1
		}
	}
	return append(out, words[start:])
}

func indexOf(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}

// copyTree copies the files under src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// unsetenv removes name from the environment for the test, and puts it back after.
func unsetenv(t *testing.T, name string) {
	t.Setenv(name, "")
	os.Unsetenv(name)
}
