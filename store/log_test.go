package store

import (
	"bytes"
	"log"
	"os"
	"testing"

	"github.com/cayleygraph/cayley/clog"
)

// TestCayleyLogsNothing checks that Cayley's log, which printed database URLs with their
// passwords and Go's %#v of errors, says nothing: the store returns each error itself.
func TestCayleyLogsNothing(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	clog.Errorf("Couldn't open database at %s: %#v", "postgres://u:SECRET@127.0.0.1:1/db", "refused")
	clog.Warningf("Cannot create nodes table: %v", "database already exists")
	if buf.Len() > 0 {
		t.Errorf("Cayley logged %q", buf.String())
	}
}
