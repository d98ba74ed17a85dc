//go:build !linux

package heap

// backHuge does nothing where madvise is not used; see huge_linux.go.
func backHuge(int) {}
