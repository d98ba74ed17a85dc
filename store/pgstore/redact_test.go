package pgstore

import (
	"strings"
	"testing"
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
