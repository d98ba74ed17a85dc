package export

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/factgraph/factgraph/graph"
)

// Format is one way of writing a graph. Exactly one of Write, WriteDir, WriteStore and
// WritePage is set.
type Format struct {
	// Name is what users type after --format: lower case, no spaces ("dot", "graphml").
	Name string
	// Exts are the file name endings that select this format, without the leading dot,
	// most usual first ("dot", "gv"). An ending may contain dots ("graphology.json").
	Exts []string
	// Description is one line for --help.
	Description string

	// Write streams the graph to w.
	Write func(w io.Writer, g *Graph) error
	// WriteDir writes the graph as several files into the folder dir, which exists.
	WriteDir func(dir string, g *Graph) error
	// WriteStore writes from the store itself rather than from a view, for a format that
	// must be lossless (N-Quads): source, when not empty, keeps that one source.
	WriteStore func(ctx context.Context, w io.Writer, s QuadWriter, source string) error
	// WritePage writes from the merged graph rather than from one view, for a format that
	// holds every view, the items whole and the texts of their sources (the HTML page):
	// opts says which view to show first, and gives the texts.
	WritePage func(ctx context.Context, w io.Writer, g *graph.Graph, opts Options) error

	// Layout says that the format draws the graph or carries where its nodes are, so the
	// graph is laid out before it is written (see Lay).
	Layout bool

	// Dir reports that the format writes a folder (WriteDir is set). Register sets it.
	Dir bool
}

// Layouter lays a graph out: it sets g.Drawing and, unless the graph is too large to lay
// out in good time, every node's Place and g.Placed (else g.Unplaced says why not).
type Layouter func(ctx context.Context, g *Graph) error

var layouter Layouter

// RegisterLayouter makes l the layouter Lay runs. Package export/layout registers Graphviz's.
func RegisterLayouter(l Layouter) { layouter = l }

// Lay lays g out with the registered layouter, unless g was laid out already or no
// layouter is registered (then the formats write no positions).
func Lay(ctx context.Context, g *Graph) error {
	if layouter == nil || g.Placed || g.Unplaced != "" {
		return nil
	}
	return layouter(ctx, g)
}

// QuadWriter is the ability of a store to write its own quads; *store.Store has it.
type QuadWriter interface {
	WriteNQuads(ctx context.Context, w io.Writer, source string) error
}

// FromStore reports whether the format writes from the store rather than from a view.
func (f Format) FromStore() bool { return f.WriteStore != nil }

// Page reports whether the format writes a page of every view (WritePage is set).
func (f Format) Page() bool { return f.WritePage != nil }

// TextSource gives the plain text of a source document, the file its facts file names in
// source.text, for a format that shows each quote where it stands in the text. ok is false
// when the text is not at hand (the store keeps the path, not the text).
type TextSource interface {
	SourceText(src graph.Source) (text string, ok bool, err error)
}

// Ext is the format's usual file name ending, with its dot (".dot"), or "" for a folder.
func (f Format) Ext() string {
	if len(f.Exts) == 0 {
		return ""
	}
	return "." + f.Exts[0]
}

var registry struct {
	sync.RWMutex
	byName map[string]Format
}

// Register makes a format available by name and by file name ending. It is meant to be
// called from the init function of the package that implements the format, and panics on a
// second format with the same name or an ending already taken, or on a format that does not
// say how to write: those are mistakes in the program, not in its input.
func Register(f Format) {
	n := 0
	for _, set := range []bool{f.Write != nil, f.WriteDir != nil, f.WriteStore != nil, f.WritePage != nil} {
		if set {
			n++
		}
	}
	if f.Name == "" || n != 1 {
		panic(fmt.Sprintf("export: format %q must have a name and exactly one of Write, WriteDir, WriteStore, WritePage", f.Name))
	}
	f.Dir = f.WriteDir != nil
	f.Exts = append([]string(nil), f.Exts...)
	registry.Lock()
	defer registry.Unlock()
	if registry.byName == nil {
		registry.byName = make(map[string]Format)
	}
	if _, dup := registry.byName[f.Name]; dup {
		panic(fmt.Sprintf("export: format %q registered twice", f.Name))
	}
	for _, g := range registry.byName {
		for _, e := range g.Exts {
			for _, e2 := range f.Exts {
				if strings.EqualFold(e, e2) {
					panic(fmt.Sprintf("export: ending %q of format %q is taken by format %q", e2, f.Name, g.Name))
				}
			}
		}
	}
	registry.byName[f.Name] = f
}

// Lookup returns the format registered under name.
func Lookup(name string) (Format, bool) {
	registry.RLock()
	defer registry.RUnlock()
	f, ok := registry.byName[name]
	return f, ok
}

// ByExt returns the format whose file name ending matches path, preferring the longest
// ending ("x.graphology.json" before "x.json"); case is ignored.
func ByExt(path string) (Format, bool) {
	base := strings.ToLower(filepath.Base(path))
	var best Format
	bestLen := 0
	for _, f := range Formats() {
		for _, e := range f.Exts {
			e = strings.ToLower(e)
			if strings.HasSuffix(base, "."+e) && len(e) > bestLen {
				best, bestLen = f, len(e)
			}
		}
	}
	return best, bestLen > 0
}

// Formats returns every registered format, sorted by name.
func Formats() []Format {
	registry.RLock()
	fs := make([]Format, 0, len(registry.byName))
	for _, f := range registry.byName {
		fs = append(fs, f)
	}
	registry.RUnlock()
	sort.Slice(fs, func(i, j int) bool { return fs[i].Name < fs[j].Name })
	return fs
}

// FormatNames returns the names of every registered format, sorted, for messages.
func FormatNames() []string {
	fs := Formats()
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return names
}

// UnknownFormatError is returned when a format name or file name ending matches nothing.
type UnknownFormatError struct {
	Name  string   // what was asked for
	Known []string // the registered names
}

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown format %q; use one of: %s", e.Name, strings.Join(e.Known, ", "))
}
