// Package render draws an export graph as a picture, SVG, PNG or PDF, by laying it out
// (package export/layout), writing it as DOT (package export/dot) and drawing it with
// Graphviz.
//
// SVG is drawn by Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz, patched in
// third_party/go-graphviz), so it needs nothing installed; it starts only when an SVG is
// drawn, and keeps its compiled code in a folder of the user's own (CacheDir). That build
// draws PNG badly (node outlines missing, non-Latin text as empty boxes) and has no PDF, so
// PNG and PDF are drawn by the system's dot program, and are an error that says what to
// install when dot is not on PATH.
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

	"github.com/factgraph/factgraph/third_party/go-graphviz"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/dot"
	"github.com/factgraph/factgraph/export/internal/engine"
	_ "github.com/factgraph/factgraph/export/layout" // lays graphs out for Render
	"github.com/factgraph/factgraph/store"
)

// Picture formats.
const (
	SVG = "svg"
	PNG = "png"
	PDF = "pdf"
)

// FormatOf returns the picture format a file name ending asks for.
func FormatOf(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".svg":
		return SVG, nil
	case ".png":
		return PNG, nil
	case ".pdf":
		return PDF, nil
	default:
		return "", fmt.Errorf("cannot draw %q: name the picture OUT.svg, OUT.png or OUT.pdf", path)
	}
}

// Render lays g out, unless it was, and draws it in the given picture format to w.
func Render(ctx context.Context, w io.Writer, g *export.Graph, format string) error {
	switch format {
	case SVG, PNG, PDF:
	default:
		return fmt.Errorf("unknown picture format %q; use svg, png or pdf", format)
	}
	if err := export.Lay(ctx, g); err != nil {
		return err
	}
	var src bytes.Buffer
	if err := dot.Write(&src, g); err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	if format == SVG {
		return svg(ctx, w, src.Bytes())
	}
	return systemDot(ctx, w, src.Bytes(), format)
}

// svg lays out with the embedded Graphviz.
func svg(ctx context.Context, w io.Writer, src []byte) error {
	gv, err := engine.New(ctx)
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

// ErrNoDot is returned for a PNG or PDF when Graphviz's dot program is not installed.
var ErrNoDot = errors.New("drawing png or pdf needs Graphviz's dot program, which is not on PATH: install graphviz (apt-get install graphviz), or draw an .svg")

func systemDot(ctx context.Context, w io.Writer, src []byte, format string) error {
	path, err := exec.LookPath("dot")
	if err != nil {
		return fmt.Errorf("draw %s: %w", format, ErrNoDot)
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
