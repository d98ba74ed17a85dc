package pgstore

import (
	"context"
	"net"
	"strings"
	"sync/atomic"
	"testing"
)

// TestConnectionsReadThroughBuffer checks that factgraph's connections, a Reader's and a
// View's, read the server's messages through a buffer of readBuffer bytes: of 2 MB of
// rows, some read from the network takes more than the driver's own buffer of 4 KiB at
// once, and the rows arrive whole.
func TestConnectionsReadThroughBuffer(t *testing.T) {
	var reads, most atomic.Int64
	old := dialer
	dialer = bufferedDialer{dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, address)
		if err != nil {
			return nil, err
		}
		return &countedConn{Conn: c, reads: &reads, most: &most}, nil
	}}
	t.Cleanup(func() { dialer = old })
	addr := newStore(t)
	db, rd := openReader(t, addr)
	reads.Store(0)
	most.Store(0)
	rows, err := rd.tx.Query(`SELECT n, repeat('x', 100) FROM generate_series(1, 20000) AS n`)
	if err != nil {
		t.Fatal(err)
	}
	n, size := 0, 0
	for rows.Next() {
		var k int
		var text string
		if err := rows.Scan(&k, &text); err != nil {
			t.Fatal(err)
		}
		if n++; k != n || text != strings.Repeat("x", 100) {
			t.Fatalf("row %d read as %d, %q", n, k, text)
		}
		size += len(text)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 20000 {
		t.Fatalf("read %d rows, want 20000", n)
	}
	if reads.Load() == 0 {
		t.Fatal("the Reader's connection did not read through the dialer's buffer")
	}
	if m := most.Load(); m <= 4096 {
		t.Errorf("of %d bytes of rows, %d reads took at most %d bytes each; want some of more than 4096", size, reads.Load(), m)
	}

	reads.Store(0)
	v, err := db.View(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if _, err := v.QuadStore().Stats(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if reads.Load() == 0 {
		t.Error("the View's connection did not read through the dialer's buffer")
	}
}

// countedConn counts the reads of a connection, and keeps the most bytes one took.
type countedConn struct {
	net.Conn
	reads, most *atomic.Int64
}

func (c *countedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.reads.Add(1)
	for {
		m := c.most.Load()
		if int64(n) <= m || c.most.CompareAndSwap(m, int64(n)) {
			break
		}
	}
	return n, err
}
