package pgstore

import (
	"bufio"
	"context"
	"net"
	"time"
)

// readBuffer is the size of the buffer a connection of factgraph's reads the server's
// messages into. The driver reads through one of 4 KiB, a system call and a wait on the
// network poller for each 4 KiB: the 2.5 MB that a path between two commentators of 10,000
// articles reads were 946 reads, and 130 through this buffer.
const readBuffer = 64 << 10

// dialer connects factgraph's connections (sqlDB, View); a test counts its reads.
var dialer = bufferedDialer{}

// bufferedDialer connects as the driver does (dial, a net.Dialer's when nil), and reads
// through a buffer of readBuffer bytes.
type bufferedDialer struct {
	dial func(ctx context.Context, network, address string) (net.Conn, error)
}

func (b bufferedDialer) Dial(network, address string) (net.Conn, error) {
	return b.DialContext(context.Background(), network, address)
}

func (b bufferedDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return b.DialContext(ctx, network, address)
}

func (b bufferedDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	dial := b.dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	c, err := dial(ctx, network, address)
	if err != nil {
		return nil, err
	}
	return &bufferedConn{Conn: c, r: bufio.NewReaderSize(c, readBuffer)}, nil
}

// bufferedConn is a connection whose reads go through r.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(p []byte) (int, error) { return c.r.Read(p) }
