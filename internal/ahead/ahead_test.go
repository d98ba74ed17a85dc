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

// A receiver that stops early stops the producer: it asks for no more than the items
// received, depth more and the one it is computing, and ends when done is closed, even
// when the receiver drains the channel meanwhile (a select with both cases ready picks
// either: computed and sent while done was closed, items 4, 5, ... were asked for too).
func TestOfStopsWhenDone(t *testing.T) {
	for range 20 {
		done := make(chan struct{})
		var asked atomic.Int64
		ch := Of(1000, 2, func(i int) int {
			asked.Add(1)
			if i >= 3 {
				<-done // still computing when the receiver stops
			}
			return i
		}, done)
		<-ch
		time.Sleep(5 * time.Millisecond) // items 1 and 2 sent, item 3 begun
		close(done)
		for range ch {
		}
		if n := asked.Load(); n > 4 {
			t.Fatalf("asked for %d items after the receiver took 1 and stopped, want at most 4", n)
		}
	}
}
