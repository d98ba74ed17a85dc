package main

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// TestOlderTablesNote checks that a command that reads a PostgreSQL store whose own tables
// an earlier version of factgraph laid out prints its answer as before and then says, on
// stderr, that it read Cayley's tables instead and how to build them again; and that it
// no longer says so once an ingest that changes nothing has built them.
func TestOlderTablesNote(t *testing.T) {
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	sample := copySample(t)
	if code, _, stderr := runQuery(t, "ingest", "--quiet", "--store", addr, sample); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	commands := [][]string{
		{"query", "obligations", "--bearer", "japan"},
		{"query", "neighbors", "japan"},
		{"query", "path", "Trump", "japan"},
		{"validate", sample},
	}
	want := map[string]string{}
	for _, args := range commands {
		code, stdout, stderr := runQuery(t, append(args, "--store", addr)...)
		if code != 0 || stderr != "" {
			t.Fatalf("%q: exit %d, stderr %q", args, code, stderr)
		}
		want[strings.Join(args, " ")] = stdout
	}

	// Version 2 of factgraph's tables had no item table.
	storetest.ExecPostgres(t, addr, `DROP TABLE factgraph_items; UPDATE factgraph_state SET version = 2`)
	for _, args := range commands {
		code, stdout, stderr := runQuery(t, append(args, "--store", addr)...)
		if code != 0 || stdout != want[strings.Join(args, " ")] {
			t.Errorf("%q on the older tables: exit %d, the answer\n%s\nwant\n%s", args, code, stdout, want[strings.Join(args, " ")])
		}
		if stderr != olderTablesNote+"\n" {
			t.Errorf("%q on the older tables: stderr %q, want the note", args, stderr)
		}
	}

	if code, _, stderr := runQuery(t, "ingest", "--quiet", "--store", addr, sample); code != 0 {
		t.Fatalf("ingest again: exit %d: %s", code, stderr)
	}
	for _, args := range commands {
		if code, stdout, stderr := runQuery(t, append(args, "--store", addr)...); code != 0 || stderr != "" || stdout != want[strings.Join(args, " ")] {
			t.Errorf("%q once an ingest built the tables again: exit %d, stderr %q", args, code, stderr)
		}
	}
}
