// Command delayproxy forwards the TCP connections it accepts to a server, and holds what
// it forwards each way for a while first, as a server further away would: to time
// factgraph's commands against a PostgreSQL server some network away when the server at
// hand runs on the same machine (docs/postgres-server.md, "A server further away").
//
//	go run ./bench/delayproxy -listen 127.0.0.1:54339 -to 127.0.0.1:54329 -delay 500us
//
// A delay of 500µs each way makes a round trip 1 ms longer. The delay is added to each
// piece of data as it is read, so data keeps its order and its rate; nothing else of a
// network (loss, a narrower link) is imitated. It runs until it is stopped.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:54339", "the address to accept connections on")
	to := flag.String("to", "", "the address of the server to forward them to (host:port)")
	delay := flag.Duration("delay", 500*time.Microsecond, "how long to hold what is forwarded, each way")
	flag.Parse()
	if *to == "" || flag.NArg() > 0 || *delay < 0 {
		fmt.Fprintln(os.Stderr, "usage: delayproxy [-listen HOST:PORT] -to HOST:PORT [-delay DURATION]")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("forwarding %s to %s, %v each way", ln.Addr(), *to, *delay)
	log.Fatal(serve(ln, *to, *delay))
}

// serve forwards each connection ln accepts to the address to, holding what it forwards
// for delay each way, until ln is closed.
func serve(ln net.Listener, to string, delay time.Duration) error {
	for {
		c, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		go func() {
			s, err := net.Dial("tcp", to)
			if err != nil {
				log.Printf("dial %s: %v", to, err)
				c.Close()
				return
			}
			done := make(chan struct{}, 2)
			go func() { forward(s, c, delay); done <- struct{}{} }()
			go func() { forward(c, s, delay); done <- struct{}{} }()
			<-done
			<-done
			c.Close()
			s.Close()
		}()
	}
}

// piece is data read at one time, to be written at another.
type piece struct {
	data []byte
	at   time.Time
}

// forward copies src to dst, each piece written delay after it was read, and closes the
// writing half of dst (or dst) once src ends.
func forward(dst, src net.Conn, delay time.Duration) {
	pieces := make(chan piece, 1024)
	go func() {
		defer close(pieces)
		for {
			buf := make([]byte, 64<<10)
			n, err := src.Read(buf)
			if n > 0 {
				pieces <- piece{buf[:n], time.Now().Add(delay)}
			}
			if err != nil {
				return
			}
		}
	}()
	failed := false
	for p := range pieces {
		if failed {
			continue // drain, so that the reader ends
		}
		time.Sleep(time.Until(p.at))
		if _, err := dst.Write(p.data); err != nil {
			failed = true
			src.Close()
		}
	}
	if tc, ok := dst.(*net.TCPConn); ok {
		tc.CloseWrite()
	} else {
		dst.Close()
	}
}
