package main

import (
	"bytes"
	"io"
	"math/rand/v2"
	"net"
	"testing"
	"time"
)

// echoThrough starts an echo server and a delayproxy in front of it, holding data for
// delay each way, and returns the proxy's address.
func echoThrough(t *testing.T, delay time.Duration) string {
	t.Helper()
	echo, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { echo.Close() })
	go func() {
		for {
			c, err := echo.Accept()
			if err != nil {
				return
			}
			go func() {
				io.Copy(c, c)
				c.(*net.TCPConn).CloseWrite()
			}()
		}
	}()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go serve(ln, echo.Addr().String(), delay)
	return ln.Addr().String()
}

// TestForwardsWhole sends 4 MiB through the proxy to an echo server and back: every byte
// comes back in order, and the end of what the client sent reaches the server (the echo
// ends).
func TestForwardsWhole(t *testing.T) {
	c, err := net.Dial("tcp", echoThrough(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sent := make([]byte, 4<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range sent {
		sent[i] = byte(r.Uint32())
	}
	go func() {
		c.Write(sent)
		c.(*net.TCPConn).CloseWrite()
	}()
	got, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, sent) {
		t.Fatalf("got %d bytes back, want the %d sent, in order", len(got), len(sent))
	}
}

// TestDelaysEachWay checks that a round trip through the proxy takes at least twice its
// delay. It is a lower bound, which a slow machine only exceeds by more.
func TestDelaysEachWay(t *testing.T) {
	const delay = 30 * time.Millisecond
	c, err := net.Dial("tcp", echoThrough(t, delay))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	buf := make([]byte, 1)
	for range 3 {
		start := time.Now()
		if _, err := c.Write([]byte("x")); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(c, buf); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took < 2*delay {
			t.Errorf("a round trip took %v, want at least %v", took, 2*delay)
		}
	}
}
