package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// zeros reads as /dev/zero does: a line that never ends. After a number of reads it
// cancels a context, as Ctrl-C does, and goes on.
type zeros struct {
	reads  int
	cancel func()
}

func (z *zeros) Read(p []byte) (int, error) {
	if z.reads++; z.reads == 100 {
		z.cancel()
	}
	clear(p)
	return len(p), nil
}

// A .nq file linked to /dev/zero grew memory until the machine ran out, deaf to Ctrl-C.
func TestReadNQuadsStopsAtCtrlC(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- readNQuads(ctx, &zeros{cancel: cancel}, MaxNQuadsSize, func(int, quad.Quad) error { return nil })
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still reading 10 s after Ctrl-C")
	}
}

func TestReadNQuadsLimit(t *testing.T) {
	line := `<japan> <fg:name> "Japan" <source/s> .` + "\n"
	in := strings.Repeat(line, 100)
	count := func(limit int64) (int, error) {
		n := 0
		err := readNQuads(context.Background(), strings.NewReader(in), limit, func(int, quad.Quad) error { n++; return nil })
		return n, err
	}
	if n, err := count(int64(len(in))); err != nil || n != 100 {
		t.Fatalf("at the limit: %d quads, %v", n, err)
	}
	if _, err := count(int64(len(in)) - 1); err == nil || !strings.Contains(err.Error(), "larger than the limit of") {
		t.Fatalf("over the limit: %v", err)
	}
}
