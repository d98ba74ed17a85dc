package main

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// captureStderr runs fn and returns what it wrote to the process's standard error, where
// libraries log.
func captureStderr(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stderr
	os.Stderr = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stderr = old }()
	fn()
	w.Close()
	os.Stderr = old
	return <-done
}

// TestNoSecretIsPrinted opens PostgreSQL stores that cannot be opened, with a password in
// the URL, through every kind of command: the password appears nowhere, and one sentence
// says what went wrong.
func TestNoSecretIsPrinted(t *testing.T) {
	const secret = "S3CRET-PASSWORD"
	base := storetest.PostgresBase(t)
	server, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	withPassword := func(host, db string) string {
		u := *server
		u.User = url.UserPassword(server.User.Username(), secret)
		u.Host, u.Path = host, "/"+db
		return u.String()
	}
	existing := storetest.FreshPostgres(t, base)
	dbName := strings.TrimPrefix(must(url.Parse(existing)).Path, "/")
	cases := []struct {
		name, addr, want string
	}{
		{"refused", withPassword("127.0.0.1:1", "factgraph"), "cannot reach PostgreSQL at 127.0.0.1:1 (connection refused)"},
		{"unknown host", withPassword("no-such-host.invalid:5432", "factgraph"), `cannot reach PostgreSQL at no-such-host.invalid:5432 (unknown host "no-such-host.invalid")`},
		{"wrong password", withPassword(server.Host, dbName), `password authentication failed for user "` + server.User.Username() + `"`},
		// The test server accepts no SSL, which a URL without sslmode asks for.
		{"no SSL", withoutQuery(withPassword(server.Host, dbName)), "PostgreSQL at " + server.Host + " does not accept SSL, which a store's URL asks for unless it says otherwise; on a network you trust, add sslmode=disable to the URL"},
	}
	for _, c := range cases {
		for _, args := range [][]string{
			{"sources"},
			{"ingest", copySample(t)},
			{"remove", "x"},
			{"query", "obligations"},
			{"export", "-o", t.TempDir() + "/x.graphml"},
		} {
			args := append(args, "--store", c.addr)
			var code int
			var out, stderr string
			logged := captureStderr(t, func() { code, out, stderr = runQuery(t, args...) })
			all := out + stderr + logged
			if strings.Contains(all, secret) {
				t.Errorf("%s, %q printed the password:\n%s", c.name, args[0], all)
			}
			if code != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("%s, %q: exit %d, stderr %q; want exit 1 and %q", c.name, args[0], code, stderr, c.want)
			}
			if logged != "" || strings.Contains(all, "&pq.Error") || strings.Contains(all, "&net.OpError") {
				t.Errorf("%s, %q: a library logged or printed Go values:\n%s", c.name, args[0], all)
			}
		}
	}
}

// withoutQuery is addr without its query (sslmode and the rest).
func withoutQuery(addr string) string {
	u := must(url.Parse(addr))
	u.RawQuery = ""
	return u.String()
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestPasswordOutsideURL ingests and queries a PostgreSQL store whose URL holds no
// password, as docs/scaling.md ("How to move") suggests: the password comes from
// PGPASSWORD, or from the file PGPASSFILE names in ~/.pgpass's format. Without either the
// server refuses the login.
func TestPasswordOutsideURL(t *testing.T) {
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	u := must(url.Parse(addr))
	password, ok := u.User.Password()
	if !ok {
		t.Fatalf("the test server's URL %q holds no password", addr)
	}
	u.User = url.User(u.User.Username())
	bare := u.String()
	sample := copySample(t)

	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("PGPASSWORD", "")
	os.Unsetenv("PGPASSWORD")
	if code, _, stderr := runQuery(t, "ingest", sample, "--store", bare); code != 1 || !strings.Contains(stderr, "password") {
		t.Fatalf("without a password: exit %d, stderr %q; want the login refused", code, stderr)
	}

	t.Setenv("PGPASSWORD", password)
	if code, _, stderr := runQuery(t, "ingest", sample, "--store", bare); code != 0 {
		t.Fatalf("with PGPASSWORD: exit %d: %s", code, stderr)
	}
	os.Unsetenv("PGPASSWORD")

	pass := filepath.Join(t.TempDir(), "pgpass")
	line := u.Hostname() + ":" + u.Port() + ":*:" + u.User.Username() + ":" + password + "\n"
	if err := os.WriteFile(pass, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSFILE", pass)
	code, out, stderr := runQuery(t, "query", "obligations", "--store", bare)
	if code != 0 || !strings.Contains(out, "japan") {
		t.Fatalf("with a password file: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}
