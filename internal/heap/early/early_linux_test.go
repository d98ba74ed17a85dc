package early

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// resident counts the pages of [p, p+n) that the kernel has mapped (mincore).
func resident(t *testing.T, p uintptr, n int) int {
	t.Helper()
	vec := make([]byte, (n+pageSize-1)/pageSize)
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, p, uintptr(n), uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		t.Fatalf("mincore: %v", e)
	}
	count := 0
	for _, v := range vec {
		count += int(v & 1)
	}
	return count
}

// TestPopulateMapsAhead checks that populate maps the n bytes from an address at once, and
// no more: of a new mapping that nothing has touched, the first half is resident after
// populate maps half its size, and the second half is not.
func TestPopulateMapsAhead(t *testing.T) {
	const size = 8 << 20
	m, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(m)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(m)))
	if got := resident(t, p, size); got != 0 {
		t.Fatalf("%d of the %d pages of a new mapping are resident before populate", got, size/pageSize)
	}
	_, end := mapping(p)
	if end < p+size {
		t.Fatalf("the mapping of a new mapping at %#x ends at %#x, before its %d bytes", p, end, size)
	}
	populate(p, end, size/2)
	if got, want := resident(t, p, size/2), size/2/pageSize; got != want {
		t.Errorf("%d of the %d pages populate mapped are resident, want all", got, want)
	}
	if got := resident(t, p+size/2, size/2); got != 0 {
		t.Errorf("%d of the %d pages past what populate mapped are resident", got, size/2/pageSize)
	}
}

// TestInitBacksTheHeap checks that the package's initialiser mapped the heap's first chunk
// from its start: all but a few of its pages are resident (the runtime may have handed a
// few back since). Without it, the test binary's initialisers had touched a tenth to a
// sixth of them.
func TestInitBacksTheHeap(t *testing.T) {
	if first == nil {
		t.Fatal("init did not look up the heap")
	}
	p := uintptr(unsafe.Pointer(first))
	lo, hi := mapping(p)
	start := max(lo, p&^(heapChunk-1))
	end := min(hi, start+startHeap)
	if end <= start {
		t.Fatalf("no mapping holds the heap's object at %#x", p)
	}
	n := int(end - start)
	if got, pages := resident(t, start, n), n/pageSize; got < pages*9/10 {
		t.Errorf("%d of the %d pages of the heap's first chunk from %#x are resident, want nearly all", got, pages, start)
	}
}

// TestMapping checks that mapping finds the mapping of an object on the heap, and of
// none for an address that no mapping holds.
func TestMapping(t *testing.T) {
	x := new([64]byte)
	p := uintptr(unsafe.Pointer(x))
	start, end := mapping(p)
	if !(start <= p && p < end) || start%pageSize != 0 || end%pageSize != 0 {
		t.Errorf("mapping(%#x) = %#x, %#x: not a mapping that holds it", p, start, end)
	}
	if start, end := mapping(pageSize); start != 0 || end != 0 {
		t.Errorf("mapping of the first page = %#x, %#x, want none", start, end)
	}
}

// TestImportsLittle checks that the package imports nothing but syscall and unsafe: the
// runtime initialises a package once the packages it imports are, so with more it would
// map the heap after other packages' initialisers have touched it.
func TestImportsLittle(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path := strings.Trim(imp.Path.Value, `"`); path != "syscall" && path != "unsafe" {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
