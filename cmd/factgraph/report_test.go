package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// TestReportPoolerMode checks that a command that fails on an error a connection pooler's
// mode caused says what to do about the pooler, with the server's words, and exits 1.
func TestReportPoolerMode(t *testing.T) {
	var stderr bytes.Buffer
	err := fmt.Errorf("ingest into %q failed: %w", "postgres://u:xxxxx@db/fg", storetest.StatementPoolingError())
	if code := report(&stderr, err); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	out := stderr.String()
	for _, want := range []string{"factgraph: ingest into", "statement pooling mode", "run it in session or transaction mode"} {
		if !strings.Contains(out, want) {
			t.Errorf("the message %q does not say %q", out, want)
		}
	}
}
