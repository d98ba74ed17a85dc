// Package sourcetext reads the plain-text copies of source documents that facts files name
// in source.text, for the page that shows each quote in its paragraph (export/html, serve).
//
// The store keeps the path a facts file gives, relative to that file, not the text; Files
// remembers which facts file each source came from and reads the text next to it by the rule
// ingest reads it by (ingest.ReadSourceText): a regular file inside the facts file's folder
// or below it once every symbolic link is followed, of at most 16 MiB. A page that a facts
// file could point at /etc/passwd would show it to whoever opens the page.
package sourcetext

import (
	"context"
	"sync"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

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
	text, err := ingest.ReadSourceText(context.Background(), path, src.Text)
	if err != nil {
		return "", false, err
	}
	return string(text), true, nil
}
