//go:build !linux

package boltstore

import "github.com/boltdb/bolt"

// adviseHuge does nothing where madvise is not used; see hugepages_linux.go.
func adviseHuge(*bolt.DB) {}

// settleCache does nothing where madvise is not used; see hugepages_linux.go.
func settleCache(string, int64) {}
