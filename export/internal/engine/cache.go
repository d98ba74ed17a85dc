// Package engine starts the Graphviz compiled into factgraph (github.com/goccy/go-graphviz,
// patched in third_party/go-graphviz) for the packages that draw or lay out, in one way:
// on first use only, and with its compiled code kept in a folder of the user's own.
package engine

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"github.com/factgraph/factgraph/third_party/go-graphviz"
)

// The embedded Graphviz is WebAssembly that wazero compiles to machine code the first time
// an SVG is drawn, which takes seconds. The machine code is kept between runs in a folder
// of the user's own (CacheDir), never in the shared temporary folder: whoever can write
// that folder chooses code this process runs.

var cacheOnce sync.Once

// New starts Graphviz, pointed at CacheDir the first time; without a folder that passes
// the checks it compiles on every run instead.
func New(ctx context.Context) (*graphviz.Graphviz, error) {
	useCache()
	return graphviz.New(ctx)
}

func useCache() {
	cacheOnce.Do(func() {
		if dir, err := CacheDir(); err == nil {
			graphviz.SetCompilationCacheDir(dir)
		}
	})
}

// CacheDir returns the folder that keeps the embedded Graphviz's compiled code,
// factgraph/graphviz in the user's cache folder (os.UserCacheDir: $XDG_CACHE_HOME or
// ~/.cache on Linux), creating it with mode 0700. It returns an error, and the code is
// then compiled on every run, unless that folder and the factgraph folder above it are real
// folders (not links) owned by the user running factgraph that no one else can write.
func CacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	top := filepath.Join(base, "factgraph")
	dir := filepath.Join(top, "graphviz")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	for _, d := range []string{top, dir} {
		if err := private(d); err != nil {
			return "", err
		}
	}
	return dir, nil
}
