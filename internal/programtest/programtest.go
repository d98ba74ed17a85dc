// Package programtest holds the one rule for checks that need something of the machine
// (a real program such as Graphviz, Python modules, Chromium, the test PostgreSQL server, a
// kernel feature): a test without it is skipped on a developer's machine and fails in CI,
// where every such check must run (Missing). Need and NeedPython find programs by it.
package programtest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Missing stops the test because what it needs is not there, saying what: it fails when
// the CI environment variable is set, and skips otherwise.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this check must run)", msg)
	}
	t.Skip(msg)
}

// Need returns the path of the program, or stops the test (Missing) when it is not
// installed.
func Need(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "%s is not installed: install it (see the CI script)", name)
	}
	return path
}

// NeedPython returns the path of a python3 that can import every module named, or stops
// the test (Missing). It tries the system's /usr/bin/python3 first, which has the packages
// Debian installs (python3-networkx, ...), then the python3 on PATH (a python3 installed
// for one user, pyenv or a virtualenv, does not see Debian's packages).
func NeedPython(t testing.TB, modules ...string) string {
	t.Helper()
	imports := "import " + strings.Join(modules, ", ")
	var tried []string
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		out, err := exec.Command(path, "-c", imports).CombinedOutput()
		if err == nil {
			return path
		}
		tried = append(tried, fmt.Sprintf("%s: %v: %s", path, err, bytes.TrimSpace(out)))
	}
	Missing(t, "no python3 can %s (%s): apt-get install python3 and the python3-* packages of the CI script", imports, strings.Join(tried, "; "))
	return ""
}
