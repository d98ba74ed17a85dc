package pgstore

import (
	"context"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/storetest"
)

// countingProxy forwards TCP connections to the server of addr and counts them; it returns
// addr with the proxy as its host, and the count.
func countingProxy(t *testing.T, addr string) (string, *atomic.Int64) {
	t.Helper()
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	server := u.Host
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var n atomic.Int64
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			n.Add(1)
			s, err := net.Dial("tcp", server)
			if err != nil {
				c.Close()
				continue
			}
			wg.Add(2)
			go func() { defer wg.Done(); io.Copy(s, c); s.Close() }()
			go func() { defer wg.Done(); io.Copy(c, s); c.Close() }()
		}
	}()
	u.Host = ln.Addr().String()
	return u.String(), &n
}

// TestWriteConnectsOnce checks that opening a store to write and writing into it logs in
// to the server once: each connection is a process the server starts and a login (11 to
// 15 ms on the machine of December 2026), and a write opened five.
func TestWriteConnectsOnce(t *testing.T) {
	proxied, conns := countingProxy(t, newStore(t))
	db, err := Open(proxied, true, true)
	if err != nil {
		t.Fatal(err)
	}
	q := quad.Make(quad.IRI("a"), quad.IRI("fg:name"), quad.String("A"), quad.IRI("source/s"))
	for _, action := range []cgraph.Procedure{cgraph.Add, cgraph.Delete} {
		if err := db.Apply(context.Background(), []cgraph.Delta{{Quad: q, Action: action}}); err != nil {
			t.Fatal(err)
		}
	}
	if empty, err := db.Empty(context.Background()); err != nil || !empty {
		t.Errorf("Empty after adding and deleting a quad = %v, %v; want true", empty, err)
	}
	db.QuadStore().Close()
	db.Close()
	if n := conns.Load(); n != 1 {
		t.Errorf("opening to write and two writes made %d connections, want 1", n)
	}
}

// TestNoStore checks that a database without a store says so, whether it is opened to
// read (at the first read) or to write without creating one.
func TestNoStore(t *testing.T) {
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	want := "no store at"
	db, err := Open(addr, false, false)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.QuadStore().Close(); db.Close() }()
	if _, err := db.Begin(context.Background()); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "ingest facts first") {
		t.Errorf("a read of a database without a store: %v; want %q and what to do", err, want)
	}
	if _, err := db.ReadAll(context.Background()); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a whole read of a database without a store: %v; want %q", err, want)
	}
	if _, err := Open(addr, false, true); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("opening a database without a store to write into it: %v; want %q", err, want)
	}
}

// TestStateFoundAtLogin checks that the login of a read (sqlDB) notes whether factgraph's
// tables are in the store, so that the process's first Reader asks for their state in the
// statement that sets its planner settings instead of looking for the table first: one
// round trip fewer for every read command. A store of Cayley's alone has no such table,
// and its Readers answer without factgraph's indexes.
func TestStateFoundAtLogin(t *testing.T) {
	addr := newStore(t)
	db, err := Open(addr, false, false)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.QuadStore().Close(); db.Close() }()
	if _, err := db.sqlDB(); err != nil {
		t.Fatal(err)
	}
	if !db.hasState.Load() {
		t.Error("the login did not find factgraph's tables in a store that has them")
	}
	rd, err := db.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rd.Close()

	cayleys := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	if err := cgraph.InitQuadStore("postgres", cayleys, nil); err != nil {
		t.Fatal(err)
	}
	other, err := Open(cayleys, false, false)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { other.QuadStore().Close(); other.Close() }()
	rd, err = other.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	if other.hasState.Load() || rd.HasLinks() {
		t.Errorf("a store of Cayley's alone: state found %v, links %v; want neither", other.hasState.Load(), rd.HasLinks())
	}
}
