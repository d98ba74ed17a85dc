// Package ahead computes the items of a sequence a few ahead of the goroutine that uses
// them, so that producing the next items (decoding, encoding) runs on another core while
// the current one is written.
package ahead

// Of sends get(0), get(1), ... get(n-1), in order, on the channel it returns, computed up
// to depth items ahead of the receiver on a goroutine of its own, until the receiver has
// them all or done is closed.
func Of[T any](n, depth int, get func(i int) T, done <-chan struct{}) <-chan T {
	ch := make(chan T, depth)
	go func() {
		defer close(ch)
		for i := range n {
			// Closed while the last item was sent (a select picks either way when both
			// are ready), done stops the next one before it is computed.
			select {
			case <-done:
				return
			default:
			}
			v := get(i)
			select {
			case ch <- v:
			case <-done:
				return
			}
		}
	}()
	return ch
}
