//go:build !unix

package engine

import "errors"

// private cannot check who owns a folder here, so no compiled code is kept.
func private(string) error {
	return errors.New("no compilation cache on this system")
}
