//go:build unix

package engine

import (
	"fmt"
	"os"
	"syscall"
)

// private checks that dir is a folder, not a link, owned by the user running factgraph,
// that no one else can write; it takes away others' read access too (mode 0700).
func private(dir string) error {
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	switch {
	case !info.IsDir():
		return fmt.Errorf("%q is not a folder", dir)
	case !ok || int(st.Uid) != os.Geteuid():
		return fmt.Errorf("folder %q belongs to another user", dir)
	case info.Mode().Perm()&0o022 != 0:
		return fmt.Errorf("folder %q can be written by other users (mode %v)", dir, info.Mode().Perm())
	}
	if info.Mode().Perm() != 0o700 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}
