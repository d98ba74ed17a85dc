// Package render draws an export graph as a picture, SVG or PNG, by writing it as DOT
// (package export/dot) and laying it out with Graphviz.
//
// SVG is drawn by Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz, patched in
// third_party/go-graphviz), so it needs nothing installed; it starts only when an SVG is
// drawn, and keeps its compiled code in a folder of the user's own (CacheDir). That build
// draws PNG badly (node outlines missing, non-Latin text as empty boxes), so PNG is drawn by
// the system's dot program, and is an error when dot is not installed.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/goccy/go-graphviz"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/dot"
	"github.com/factgraph/factgraph/store"
)

// Picture formats.
const (
	SVG = "svg"
	PNG = "png"
)

// FormatOf returns the picture format a file name ending asks for.
func FormatOf(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".svg":
		return SVG, nil
	case ".png":
		return PNG, nil
	default:
		return "", fmt.Errorf("cannot draw %q: name the picture OUT.svg or OUT.png", path)
	}
}

// Render draws g in the given picture format to w.
func Render(ctx context.Context, w io.Writer, g *export.Graph, format string) error {
	var src bytes.Buffer
	if err := dot.Write(&src, g); err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	switch format {
	case SVG:
		return svg(ctx, w, src.Bytes())
	case PNG:
		return systemDot(ctx, w, src.Bytes(), PNG)
	}
	return fmt.Errorf("unknown picture format %q; use svg or png", format)
}

// svg lays out with the embedded Graphviz.
func svg(ctx context.Context, w io.Writer, src []byte) error {
	useCache()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return fmt.Errorf("start graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return fmt.Errorf("graphviz cannot read the dot it was given: %w", err)
	}
	defer g.Close()
	if err := gv.Render(ctx, g, graphviz.SVG, w); err != nil {
		return fmt.Errorf("draw svg: %w", err)
	}
	return nil
}

// ErrNoDot is returned for a PNG when Graphviz's dot program is not installed.
var ErrNoDot = errors.New("drawing png needs Graphviz's dot program, which is not on PATH: install graphviz, or draw an .svg")

func systemDot(ctx context.Context, w io.Writer, src []byte, format string) error {
	path, err := exec.LookPath("dot")
	if err != nil {
		return ErrNoDot
	}
	cmd := exec.CommandContext(ctx, path, "-T"+format)
	cmd.Stdin = bytes.NewReader(src)
	cmd.Stdout = w
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("dot -T%s: %w: %s", format, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// ToFile draws one view of the store into the file path, in the given picture format.
func ToFile(ctx context.Context, s *store.Store, opts export.ViewOptions, format, path string) error {
	g, err := s.Load(ctx, store.LoadOptions{Source: opts.Source})
	if err != nil {
		return err
	}
	v, err := export.BuildView(g, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := Render(ctx, &buf, v, format); err != nil {
		return err
	}
	return export.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}
