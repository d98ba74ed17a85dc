package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// factgraph's messages printed a PostgreSQL address with its password ("ingest into
// \"postgres://user:PASSWORD@...\""), and Cayley logged it when the server was out of reach.
func TestMessagesHideThePassword(t *testing.T) {
	const secret = "S3CRET-PW"
	out, _ := runMain(t, nil, "sources", "--store", "postgres://fg:"+secret+"@127.0.0.1:1/fg?sslmode=disable")
	if strings.Contains(out, secret) || !strings.Contains(out, "cannot reach PostgreSQL at 127.0.0.1:1") {
		t.Errorf("an unreachable server:\n%s", out)
	}

	base := storetest.PostgresBase(t)
	addr := storetest.FreshPostgres(t, base)
	u, _ := url.Parse(addr)
	pw, ok := u.User.Password()
	if !ok || pw == "" {
		t.Fatalf("%s has no password to hide", storetest.EnvPostgres)
	}
	if code, _, stderr := runQuery(t, "ingest", "--quiet", "--store", addr, flagship); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	// Messages and pages about a store that opened.
	for _, args := range [][]string{
		{"remove", "--store", addr, "no-such-source"},
		{"export", "--store", addr, "--source", "no-such-source", "-f", "dot"},
	} {
		code, out, stderr := runQuery(t, args...)
		if code != 1 || strings.Contains(out+stderr, ":"+pw+"@") || !strings.Contains(stderr, `no source "no-such-source" in store "postgres://`+u.User.Username()+`:xxxxx@`) {
			t.Errorf("%s of an unknown source: exit %d\n%s%s", args[0], code, out, stderr)
		}
	}
	page, said := servePage(t, "--store", addr)
	if strings.Contains(page+said, ":"+pw+"@") || !strings.Contains(said, "serving postgres://"+u.User.Username()+":xxxxx@") {
		t.Errorf("serve printed or served the password:\n%s\n%s", said, page)
	}
	if code, _, stderr := runQuery(t, "remove", "--store", addr, "japan-us-security-treaty-article"); code != 0 {
		t.Fatalf("remove: %s", stderr)
	}
	code, out, stderr := runQuery(t, "sources", "--store", addr)
	if code != 0 || strings.Contains(out+stderr, ":"+pw+"@") || !strings.Contains(out, "no sources in postgres://"+u.User.Username()+":xxxxx@") {
		t.Errorf("sources of an empty store: exit %d\n%s%s", code, out, stderr)
	}
}
