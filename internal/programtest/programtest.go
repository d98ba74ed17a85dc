// Package programtest finds the real programs that tests check factgraph's output and
// behaviour with (Graphviz, Python modules, PostgreSQL's client tools): a test without
// one is skipped on a developer's machine and fails in CI, where every such check must run.
package programtest

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program, skipping the test when it is not installed,
// or failing it when the CI variable is set: in CI the real-program checks must run.
func Need(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed, and CI is set: install it (see the CI script)", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

// NeedPython returns the path of a python3 that can import module, skipping or failing
// the test as Need does. It tries the python3 on PATH, then the system's
// /usr/bin/python3, since a python3 installed for one user (pyenv) does not see the
// packages Debian installs.
func NeedPython(t testing.TB, module string) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(py); err == nil && exec.Command(path, "-c", "import "+module).Run() == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("no python3 can import %s, and CI is set: install it (see the CI script)", module)
	}
	t.Skipf("no python3 can import %s", module)
	return ""
}
