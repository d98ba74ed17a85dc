//go:build !linux

package boltstore

import "github.com/boltdb/bolt"

// releaseMapped does nothing where madvise is not used; see release_linux.go.
func (s *DB) releaseMapped() {}

// releaseMap does nothing where madvise is not used; see release_linux.go.
func releaseMap(*bolt.DB) {}
