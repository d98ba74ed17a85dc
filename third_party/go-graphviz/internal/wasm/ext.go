package wasm

import (
	"context"
	"fmt"
	"io/fs"
	"sync"
)

func DefaultSymList(ctx context.Context) ([]*SymList, error) {
	p, err := mod.NewPtr(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := mod.ExportedFunction("wasm_bridge_SymList_default").Call(ctx, p); err != nil {
		return nil, err
	}
	ptr, err := mod.readU32(p)
	if err != nil {
		return nil, err
	}
	slice, err := mod.toSlice(ctx, ptr)
	if err != nil {
		return nil, err
	}
	return newSymListSlice(slice), nil
}

func PluginAPIZero(ctx context.Context) (*PluginAPI, error) {
	p, err := mod.NewPtr(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := mod.ExportedFunction("wasm_bridge_PluginAPI_zero").Call(ctx, p); err != nil {
		return nil, err
	}
	ptr, err := mod.readU32(p)
	if err != nil {
		return nil, err
	}
	return newPluginAPI(ptr), nil
}

func PluginInstalledZero(ctx context.Context) (*PluginInstalled, error) {
	p, err := mod.NewPtr(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := mod.ExportedFunction("wasm_bridge_PluginInstalled_zero").Call(ctx, p); err != nil {
		return nil, err
	}
	ptr, err := mod.readU32(p)
	if err != nil {
		return nil, err
	}
	return newPluginInstalled(ptr), nil
}

func SymListZero(ctx context.Context) (*SymList, error) {
	p, err := mod.NewPtr(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := mod.ExportedFunction("wasm_bridge_SymList_zero").Call(ctx, p); err != nil {
		return nil, err
	}
	ptr, err := mod.readU32(p)
	if err != nil {
		return nil, err
	}
	return newSymList(ptr), nil
}

var (
	fsMu sync.Mutex
)

func SetWasmFileSystem(fs fs.FS) {
	fsMu.Lock()
	mod.fs.subFS = fs
	fsMu.Unlock()
}

func FileSystem() fs.FS {
	fsMu.Lock()
	defer fsMu.Unlock()
	return mod.fs
}

var (
	loadOnce  sync.Once
	loadErr   error
	onLoad    []func() error
	cacheDir  string
	cacheMu   sync.Mutex
	loadState bool
)

// OnLoad registers f to run once the module has started, in the order of registration.
// Packages call it from their init instead of calling into the module there.
func OnLoad(f func() error) { onLoad = append(onLoad, f) }

// Load compiles and starts the Graphviz module the first time it is called, then runs the
// functions given to OnLoad. Later calls return the first call's result.
func Load() error {
	loadOnce.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				loadErr = fmt.Errorf("start graphviz: %v", r)
			}
		}()
		load()
		for _, f := range onLoad {
			if err := f(); err != nil {
				loadErr = err
				return
			}
		}
		cacheMu.Lock()
		loadState = true
		cacheMu.Unlock()
	})
	return loadErr
}

// Loaded reports whether the module has been started.
func Loaded() bool {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	return loadState
}

// SetCompilationCacheDir makes Load keep the machine code it compiles in dir and use it on
// later starts; "" (the default) keeps none. The caller is responsible for dir being a
// folder no one else can write. It has no effect once the module has started.
func SetCompilationCacheDir(dir string) {
	cacheMu.Lock()
	cacheDir = dir
	cacheMu.Unlock()
}

func compilationCacheDir() string {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	return cacheDir
}
