package main

import (
	"strings"
	"testing"
)

func TestGizmoTimeout(t *testing.T) {
	code, _, stderr := runQuery(t, "query", "gizmo", "--in", flagship, "--timeout", "300ms", "while (true) {}")
	if want := "gizmo query ran out of time: stopped after 300ms"; code != 1 || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d, want 1 and %q:\n%s", code, want, stderr)
	}
}
