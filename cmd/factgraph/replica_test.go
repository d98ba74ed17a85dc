package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestReadCommandsOnReplica ingests the flagship sample into a database on the PostgreSQL
// test server and runs every read command against the same database on its hot-standby
// replica once that has caught up (scripts/ci-postgres.sh starts both): each prints, writes
// and serves the bytes it does on the primary. Writes sent to the replica are refused with
// a message that says where they go, and leave nothing behind.
func TestReadCommandsOnReplica(t *testing.T) {
	primary := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	if code, _, stderr := runQuery(t, "ingest", "--quiet", "--store", primary, copySample(t)); code != 0 {
		t.Fatalf("ingest into the primary: exit %d: %s", code, stderr)
	}
	replica := storetest.OnReplica(t, primary)

	commands := [][]string{
		{"sources"},
		{"stats"},
		{"find", "Trump"},
		{"query", "obligations"},
		{"query", "obligations", "--between", "united-states", "japan"},
		{"query", "claims"},
		{"query", "claims", "--by", "Trump", "--json"},
		{"query", "stances"},
		{"query", "contested"},
		{"query", "neighbors", "--depth", "2", "japan"},
		{"query", "path", "Trump", "japan"},
		{"query", "timeline"},
		{"query", "gizmo", `g.V("<japan>").In("<fg:bearer>").Out("<fg:duty>").All()`},
		{"render", "--view", "parties", "-o", "parties.svg"},
	}
	for _, f := range export.FormatNames() {
		if f == "csv" {
			commands = append(commands, []string{"export", "-f", f, "-o", "csv"})
		} else {
			commands = append(commands, []string{"export", "-f", f})
		}
	}
	for _, args := range commands {
		want := readCommand(t, primary, args)
		if got := readCommand(t, replica, args); got != want {
			t.Errorf("%q on the replica differs from the primary:\n%s\nwant\n%s", args, clip(got), clip(want))
		}
	}

	// serve reads through the replica too: the page, the graph, an item, a text, a search.
	// The page names the store in its title, so the server's address there is the only
	// change.
	paths := []string{"", "api/graph?view=parties", "api/item?id=japan",
		"api/text?source=japan-us-security-treaty-article", "api/search?q=Trump"}
	want := serveAll(t, primary, paths)
	got := serveAll(t, replica, paths)
	got[0] = strings.ReplaceAll(got[0], "@"+must(url.Parse(replica)).Host+"/", "@"+must(url.Parse(primary)).Host+"/")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		for i := range paths {
			if got[i] != want[i] {
				t.Errorf("serve /%s on the replica differs from the primary:\n%s\nwant\n%s", paths[i], clip(got[i]), clip(want[i]))
			}
		}
	}

	out := t.TempDir()
	for _, args := range [][]string{
		{"ingest", copySample(t)},
		{"remove", "japan-us-security-treaty-article"},
		{"build", "-o", out, copySample(t)},
	} {
		code, _, stderr := runQuery(t, append(args, "--store", replica)...)
		if code != 1 || !strings.Contains(stderr, "read-only replica") || strings.Contains(stderr, ":factgraph@") {
			t.Errorf("%q on the replica: exit %d, %q; want exit 1 and a refusal that says writes go to the primary", args, code, stderr)
		}
	}
	if got, want := readCommand(t, replica, []string{"export", "-f", "nquads"}), readCommand(t, primary, []string{"export", "-f", "nquads"}); got != want || got == "" {
		t.Errorf("after the refused writes the replica's quads differ from the primary's (%d and %d bytes)", len(got), len(want))
	}
	if left, _ := os.ReadDir(out); len(left) != 0 {
		t.Errorf("the refused build left %d files in its folder", len(left))
	}
}

// readCommand runs args on the store addr in a folder of its own and returns what it
// printed followed by the files it wrote, or fails t if it did not exit 0.
func readCommand(t *testing.T, addr string, args []string) string {
	t.Helper()
	dir := t.TempDir()
	args = slices.Clone(args) // the same commands run on both servers
	for i := 1; i < len(args); i++ {
		if args[i-1] == "-o" {
			args[i] = filepath.Join(dir, args[i])
		}
	}
	code, out, stderr := runQuery(t, append(args, "--store", addr)...)
	if code != 0 {
		t.Fatalf("%q: exit %d: %s", args, code, stderr)
	}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		out += "\n--- " + strings.TrimPrefix(path, dir) + "\n" + string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(out) == "" {
		t.Fatalf("%q printed and wrote nothing", args)
	}
	return out
}

// serveAll starts serve on the store addr and returns the status and body of each path.
func serveAll(t *testing.T, addr string, paths []string) []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, _, errb, done := startServe(t, ctx, "--store", addr)
	var got []string
	for _, p := range paths {
		resp, err := http.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("serve /%s on %s: %d %s", p, addr, resp.StatusCode, body)
		}
		got = append(got, resp.Status+"\n"+string(body))
	}
	stopServe(t, cancel, done, errb)
	return got
}

// clip shortens a long output for a message.
func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}
