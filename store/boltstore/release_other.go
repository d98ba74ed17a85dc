//go:build !linux

package boltstore

// releaseMapped does nothing where madvise is not used; see release_linux.go.
func (s *DB) releaseMapped() {}
