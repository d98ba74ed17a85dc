package ahead

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestOfKeepsTheOrder(t *testing.T) {
	done := make(chan struct{})
	defer close(done)
	var got []int
	for v := range Of(100, 4, func(i int) int { return i * i }, done) {
		got = append(got, v)
	}
	if len(got) != 100 {
		t.Fatalf("got %d items, want 100", len(got))
	}
	for i, v := range got {
		if v != i*i {
			t.Fatalf("item %d is %d, want %d", i, v, i*i)
		}
	}
}

// A receiver that stops early stops the producer: it asks for no more than depth items
// past the last one received, and ends when done is closed.
func TestOfStopsWhenDone(t *testing.T) {
	done := make(chan struct{})
	var asked atomic.Int64
	ch := Of(1000, 2, func(i int) int { asked.Add(1); return i }, done)
	<-ch
	close(done)
	for range ch {
	}
	time.Sleep(10 * time.Millisecond)
	if n := asked.Load(); n > 5 {
		t.Errorf("asked for %d items after the receiver took 1 and stopped, want at most 5", n)
	}
}
