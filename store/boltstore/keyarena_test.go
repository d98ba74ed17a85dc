package boltstore

import (
	"bytes"
	"fmt"
	"testing"
)

// TestKeyArena checks that every key added to a keyArena reads back as it was, the keys
// before a new chunk unmoved, a key longer than a chunk in a chunk of its own.
func TestKeyArena(t *testing.T) {
	var a keyArena
	type at struct{ chunk, off uint32 }
	var keys [][]byte
	var where []at
	add := func(k []byte) {
		c, o := a.add(k)
		keys, where = append(keys, k), append(where, at{c, o})
	}
	for i := range 200000 {
		add([]byte(fmt.Sprintf("key %d %s", i, bytes.Repeat([]byte{'x'}, i%300))))
	}
	add(bytes.Repeat([]byte{'L'}, keyChunkSize+1))
	add([]byte("after the long one"))
	if len(a) < 3 {
		t.Fatalf("%d chunks for %d keys of some 30 MB; want several", len(a), len(keys))
	}
	for i, k := range keys {
		w := where[i]
		if got := a[w.chunk][w.off : int(w.off)+len(k)]; !bytes.Equal(got, k) {
			t.Fatalf("key %d reads back as %.40q, want %.40q", i, got, k)
		}
	}
	if long := where[len(where)-2]; len(a[long.chunk]) != keyChunkSize+1 || long.off != 0 {
		t.Errorf("the long key is at %d in a chunk of %d bytes; want a chunk of its own", long.off, len(a[long.chunk]))
	}
}
