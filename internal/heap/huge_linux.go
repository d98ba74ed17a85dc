package heap

import (
	"runtime"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePage is the size of a huge page on the machines factgraph runs on.
const hugePage = 2 << 20

var (
	hugeMu     sync.Mutex
	hugeBacked int // the bytes backHuge asked for so far
)

// backHuge has the next n bytes of heap come from memory the kernel backs with huge pages
// (2 MiB) where it allows them to a program that asks (transparent huge pages set to
// "madvise" or "always"). Go asks for them only for its own bookkeeping, so its heap grows
// a 4 KiB page at a time, and each page's first touch costs a fault: on a virtual machine
// whose page tables the host keeps, a trap to the host (12.5 µs a page measured; 48 MB of
// new heap in 80-87 ms, or in 16-40 ms from huge pages). backHuge allocates n bytes, which
// the runtime maps without touching, asks for huge pages on them, and drops them: the
// runtime hands that memory out again before it maps more. Later calls back only what
// earlier ones did not. Failing costs speed only, so errors are ignored.
func backHuge(n int) {
	hugeMu.Lock()
	defer hugeMu.Unlock()
	if n <= hugeBacked {
		return
	}
	hugeBacked = n
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := (p+hugePage-1)&^(hugePage-1) - p
	hi := (p+uintptr(n))&^(hugePage-1) - p
	if lo < hi {
		unix.Madvise(b[lo:hi], unix.MADV_HUGEPAGE)
	}
	b = nil
	runtime.GC()
}
