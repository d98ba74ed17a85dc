// Package sourcetext reads the plain-text copies of source documents that facts files name
// in source.text, for the page that shows each quote in its paragraph (export/html, serve).
//
// The store keeps the path a facts file gives, relative to that file, not the text; Files
// remembers which facts file each source came from and reads the text next to it. It reads
// only a path that stays inside the facts file's folder (no absolute path, no "..", no
// symbolic link out of the folder: os.Root), only a regular file, and at most MaxSize bytes:
// a page that a facts file can point at /etc/passwd would show it to whoever opens the page.
package sourcetext

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/factgraph/factgraph/graph"
)

// MaxSize is the largest text read, in bytes: the limit of a facts file.
const MaxSize = 16 << 20

// Files finds the text of a source next to the facts file it came from. It is safe for use
// by several goroutines.
type Files struct {
	mu    sync.RWMutex
	facts map[string]string // source id -> facts file path
}

// New returns an empty Files.
func New() *Files { return &Files{facts: map[string]string{}} }

// Add records that the source id comes from the facts file at path. A source added twice
// keeps the last path.
func (f *Files) Add(id, path string) {
	f.mu.Lock()
	f.facts[id] = path
	f.mu.Unlock()
}

// Len is how many sources f knows.
func (f *Files) Len() int {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return len(f.facts)
}

// SourceText returns the text src.Text names, read next to the facts file src came from.
// ok is false when src names no text or f does not know its facts file; an error says why a
// text named could not be read, or that its path leaves the facts file's folder.
func (f *Files) SourceText(src graph.Source) (string, bool, error) {
	if src.Text == "" {
		return "", false, nil
	}
	f.mu.RLock()
	path, known := f.facts[src.ID]
	f.mu.RUnlock()
	if !known {
		return "", false, nil
	}
	text, err := Read(filepath.Dir(path), src.Text)
	if err != nil {
		return "", false, err
	}
	return text, true, nil
}

// Read reads the file name inside the folder dir: name must be a local path (see
// filepath.IsLocal) that resolves, symbolic links included, inside dir, to a regular file of
// at most MaxSize bytes.
func Read(dir, name string) (string, error) {
	if !filepath.IsLocal(name) {
		return "", fmt.Errorf("text %q is not a path inside the facts file's folder; keep the text next to the facts file", name)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", fmt.Errorf("open folder of the facts file: %w", err)
	}
	defer root.Close()
	file, err := root.Open(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) && pe.Err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("cannot read text %q: %v; keep the text inside the facts file's folder", name, pe.Err)
		}
		return "", fmt.Errorf("cannot read text %q: %w", name, err)
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return "", fmt.Errorf("cannot read text %q: %w", name, err)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("text %q is not a regular file", name)
	}
	data, err := io.ReadAll(io.LimitReader(file, MaxSize+1))
	if err != nil {
		return "", fmt.Errorf("cannot read text %q: %w", name, err)
	}
	if len(data) > MaxSize {
		return "", fmt.Errorf("text %q is larger than %d MiB", name, MaxSize>>20)
	}
	return string(data), nil
}
