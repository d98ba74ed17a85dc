package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer that the command writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe starts factgraph serve with args on a port of its own and returns the URL it
// says it serves at, what it printed, and what it exited with once ctx is cancelled.
func startServe(t *testing.T, ctx context.Context, args ...string) (url string, out, errb *syncBuffer, done chan int) {
	t.Helper()
	out, errb = &syncBuffer{}, &syncBuffer{}
	done = make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"factgraph", "serve", "--addr", "127.0.0.1:0"}, args...), out, errb)
	}()
	for deadline := time.Now().Add(30 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(out.String()); m != nil {
			url = m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve ended with %d before serving: %s%s", code, out.String(), errb.String())
		default:
		}
	}
	if url == "" {
		t.Fatalf("serve did not say where it serves: %q", out.String())
	}
	return url, out, errb, done
}

// servePage starts factgraph serve with args, and returns the page it serves and what it
// printed, once stopped.
func servePage(t *testing.T, args ...string) (page, printed string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, out, errb, done := startServe(t, ctx, args...)
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	stopServe(t, cancel, done, errb)
	return string(body), out.String() + errb.String()
}

// stopServe stops a serve that startServe started, as Ctrl-C does, and fails t unless it
// exits 0 within ten seconds.
func stopServe(t *testing.T, cancel context.CancelFunc, done chan int, errb *syncBuffer) {
	t.Helper()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("stopped serve exits %d: %s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestServe starts factgraph serve on facts files, reads the page it says it serves, and
// stops it as Ctrl-C does.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, _, errb, done := startServe(t, ctx, flagship)
	resp, err := http.Get(url + "api/text?source=japan-us-security-treaty-article")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "While the United States is committed") {
		t.Errorf("the text of the facts file's source: %d %s", resp.StatusCode, body)
	}
	stopServe(t, cancel, done, errb)
}

func TestServeUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"serve", "--depth", "9", flagship}, 2, "--depth must be 1 to 3"},
		{[]string{"serve", "--limit", "0", flagship}, 2, "--limit must be 1 to 2000"},
		{[]string{"serve", "--view", "bogus", flagship}, 2, `unknown view "bogus"`},
		{[]string{"serve", "--focus", "nowhere", flagship}, 1, `no item "nowhere"`},
		{[]string{"serve", "--addr", "256.1.1.1:80", flagship}, 1, "cannot listen on 256.1.1.1:80"},
	} {
		code, _, stderr := runQuery(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.says) {
			t.Errorf("%q: exit %d, %q; want %d and %q", tt.args, code, stderr, tt.code, tt.says)
		}
	}
}
