package early

import (
	"syscall"
	"unsafe"
)

// madvPopulateWrite is madvise's advice to map pages at once (linux/mman.h; Linux 5.14 and
// later, which earlier kernels refuse), here rather than from golang.org/x/sys/unix, whose
// imports would have this package initialised after the packages it is for.
const madvPopulateWrite = 23

const pageSize = 4096

// heapChunk is the unit the runtime maps its heap in, at addresses that are multiples of it
// (pallocChunkBytes).
const heapChunk = 4 << 20

func init() {
	// From the start of the heap's first chunk: the runtime hands out pages below the
	// object too.
	first = new([64]byte)
	p := uintptr(unsafe.Pointer(first))
	lo, hi := mapping(p)
	populate(max(lo, p&^(heapChunk-1)), hi, startHeap)
}

// first is the object whose address init looks up.
var first *[64]byte

// populate maps at once up to n bytes of the process's memory from the page of start to
// end (the end of its mapping). In the heap's first chunk, those are the pages the runtime
// touches next: it maps the heap a chunk at a time and hands out its pages in address
// order. Errors cost speed only, and are ignored.
func populate(start, end uintptr, n int) {
	start &^= pageSize - 1
	if end <= start {
		return
	}
	if end-start > uintptr(n) {
		end = start + uintptr(n)
	}
	syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvPopulateWrite)
}

// mapping returns the start and end of the mapping of the process that holds the address
// p, from /proc/self/maps; zeros when it cannot tell.
func mapping(p uintptr) (start, end uintptr) {
	fd, err := syscall.Open("/proc/self/maps", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0, 0
	}
	defer syscall.Close(fd)
	buf := make([]byte, 8<<10)
	have := 0 // bytes of buf that hold the text read and not yet looked at
	for {
		m, err := syscall.Read(fd, buf[have:])
		if err != nil || m <= 0 {
			return 0, 0
		}
		have += m
		// Each whole line begins "start-end " in hexadecimal.
		text := buf[:have]
		for {
			nl := indexNewline(text)
			if nl < 0 {
				break
			}
			lo, i := hex(text)
			if i < nl && text[i] == '-' {
				if hi, _ := hex(text[i+1 : nl]); lo <= p && p < hi {
					return lo, hi
				}
			}
			text = text[nl+1:]
		}
		have = copy(buf, text)
		if have == len(buf) {
			return 0, 0 // a line longer than buf
		}
	}
}

func indexNewline(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}

// hex reads the hexadecimal number that b begins with, and returns it with its length.
func hex(b []byte) (uintptr, int) {
	var v uintptr
	i := 0
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			return v, i
		}
	}
	return v, i
}
