//go:build unix

package engine

import (
	"os"
	"path/filepath"
	"testing"
)

// CacheDir hands Graphviz a folder for machine code only when no one else can have put
// code there.
func TestCacheDirIsTheUsersOwn(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, top, dir string)
		ok      bool
	}{
		{"new", func(*testing.T, string, string) {}, true},
		{"readable by others is made private", func(t *testing.T, top, dir string) {
			mkdir(t, dir, 0o755)
		}, true},
		{"writable by others", func(t *testing.T, top, dir string) {
			mkdir(t, dir, 0o777)
		}, false},
		{"parent writable by others", func(t *testing.T, top, dir string) {
			mkdir(t, dir, 0o700)
			if err := os.Chmod(top, 0o777); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a link to another folder", func(t *testing.T, top, dir string) {
			other := t.TempDir()
			mkdir(t, top, 0o700)
			if err := os.Symlink(other, dir); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"another user's", func(t *testing.T, top, dir string) {
			if os.Geteuid() != 0 {
				t.Skip("only root can give a folder to another user")
			}
			mkdir(t, dir, 0o700)
			if err := os.Chown(dir, 65534, 65534); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			t.Setenv("XDG_CACHE_HOME", base)
			t.Setenv("HOME", base)
			top := filepath.Join(base, "factgraph")
			want := filepath.Join(top, "graphviz")
			tt.prepare(t, top, want)
			dir, err := CacheDir()
			if !tt.ok {
				if err == nil {
					t.Fatalf("CacheDir accepted %s", dir)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if dir != want {
				t.Fatalf("CacheDir = %s, want %s", dir, want)
			}
			for _, d := range []string{top, dir} {
				info, err := os.Lstat(d)
				if err != nil {
					t.Fatal(err)
				}
				if perm := info.Mode().Perm(); perm != 0o700 || !info.IsDir() {
					t.Errorf("%s: mode %v, want a folder with mode 0700", d, info.Mode())
				}
			}
		})
	}
}

func mkdir(t *testing.T, dir string, perm os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, perm); err != nil {
		t.Fatal(err)
	}
}
