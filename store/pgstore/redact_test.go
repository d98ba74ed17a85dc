package pgstore

import (
	"bytes"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/clog"
)

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:SECRET@db.example.org:5432/fg?sslmode=require": "postgres://u:xxxxx@db.example.org:5432/fg?sslmode=require",
		"postgresql://u:p@ss@host/db":                                "postgresql://u:xxxxx@host/db",
		"postgres://u@host/db":                                       "postgres://u@host/db",
		"factgraph.db":                                               "factgraph.db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
		if got := RedactText("open " + in + ": refused"); got != "open "+want+": refused" {
			t.Errorf("RedactText(%q) = %q", in, got)
		}
	}
	if got := RedactText("postgres://u@h/db?password=SECRET&sslmode=disable"); strings.Contains(got, "SECRET") {
		t.Errorf("RedactText left the password parameter: %q", got)
	}
}

// Cayley logged "Couldn't open database at postgres://user:PASSWORD@..." to stderr.
func TestCayleyLogsNoPassword(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	clog.Errorf("Couldn't open database at %s: %#v", "postgres://u:SECRET@127.0.0.1:1/db", "refused")
	if strings.Contains(buf.String(), "SECRET") || !strings.Contains(buf.String(), "postgres://u:xxxxx@127.0.0.1:1/db") {
		t.Errorf("logged %q", buf.String())
	}
}
