package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/factgraph/factgraph/store"
)

// Options says what Export writes and where.
type Options struct {
	Format string // a registered format name; "" means the one Output's ending names
	Output string // file (or folder, for a folder format); "" means the writer given to Export
	ViewOptions
	// Notes, when set, is told what the export left out and why: the positions of a graph
	// too large to lay out.
	Notes io.Writer
	// Texts gives the texts of the sources, for a page format (Format.Page); nil: none.
	Texts TextSource
}

// Resolve returns the format opts asks for: by name, or else by the ending of Output.
func (opts Options) Resolve() (Format, error) {
	if err := pictureError(opts); err != nil {
		return Format{}, err
	}
	if opts.Format != "" {
		f, ok := Lookup(opts.Format)
		if !ok {
			return Format{}, &UnknownFormatError{Name: opts.Format, Known: FormatNames()}
		}
		return f, nil
	}
	if opts.Output == "" {
		return Format{}, errors.New("no format given: pass --format, or an output file whose name ends in a known extension")
	}
	f, ok := ByExt(opts.Output)
	if !ok {
		return Format{}, fmt.Errorf("cannot tell the format of %q from its name: pass --format (one of %s)", opts.Output, joinNames())
	}
	return f, nil
}

// Check returns the format opts asks for (Resolve), and reports options that format cannot
// take, before anything is read.
func (opts Options) Check() (Format, error) {
	f, err := opts.Resolve()
	if err != nil {
		return f, err
	}
	if err := opts.ViewOptions.Check(); err != nil {
		return f, err
	}
	if f.Dir && opts.Output == "" {
		return f, fmt.Errorf("format %q writes a folder: pass -o FOLDER", f.Name)
	}
	if f.Page() && opts.reduces() {
		return f, fmt.Errorf("format %q shows every view whole; --merge-edges, --min-sources and --top apply to the other formats", f.Name)
	}
	if f.FromStore() && (opts.View != "" && opts.View != ViewFull || opts.Focus != "") {
		return f, fmt.Errorf("format %q writes the store's quads as they are, so it takes no view or focus; use --source to keep one source", f.Name)
	}
	return f, nil
}

// pictures are the file endings of drawings, which factgraph render makes, not export.
var pictures = []string{"svg", "png", "pdf"}

// pictureError points an export asked for a picture to the command that draws one.
func pictureError(opts Options) error {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Output)), ".")
	if opts.Format != "" {
		ext = strings.ToLower(opts.Format)
	}
	if !slices.Contains(pictures, ext) {
		return nil
	}
	out := opts.Output
	if out == "" || filepath.Ext(out) == "" {
		out = "graph." + ext
	}
	cmd := "factgraph render"
	if opts.View != "" && opts.View != ViewFull {
		cmd += " --view " + opts.View
	}
	return fmt.Errorf("export writes graph files, not pictures; draw one with: %s -o %s", cmd, out)
}

func joinNames() string {
	s := ""
	for i, n := range FormatNames() {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// Export writes the store in the format and view opts ask for, to opts.Output or, when
// that is empty, to stdout. It returns the format written.
func Export(ctx context.Context, s *store.Store, opts Options, stdout io.Writer) (Format, error) {
	f, err := opts.Check()
	if err != nil {
		return f, err
	}
	if f.FromStore() {
		return f, toOutput(opts.Output, stdout, func(w io.Writer) error {
			return f.WriteStore(ctx, w, s, opts.Source)
		})
	}
	g, err := s.Load(ctx, store.LoadOptions{Source: opts.Source})
	if err != nil {
		return f, err
	}
	if f.Page() {
		return f, toOutput(opts.Output, stdout, func(w io.Writer) error { return f.WritePage(ctx, w, g, opts) })
	}
	v, err := BuildView(g, opts.ViewOptions)
	if err != nil {
		return f, err
	}
	if v.View == ViewParties && !opts.reduces() && len(v.Edges) > BigParties && opts.Notes != nil {
		fmt.Fprintf(opts.Notes, "factgraph: the parties view has %d edges; --merge-edges, --min-sources N and --top N make it smaller\n", len(v.Edges))
	}
	if f.Layout {
		if err := Lay(ctx, v); err != nil {
			return f, err
		}
		if v.Unplaced != "" && opts.Notes != nil {
			fmt.Fprintf(opts.Notes, "factgraph: %s\n", v.Unplaced)
		}
	}
	return f, WriteGraph(f, v, opts.Output, stdout)
}

// WriteGraph writes a view in format f to the file or folder out, or to stdout when out is
// empty. The folders out lies in are created when missing.
func WriteGraph(f Format, g *Graph, out string, stdout io.Writer) error {
	switch {
	case f.Dir:
		if err := os.MkdirAll(out, 0o755); err != nil {
			return outputError(out, err)
		}
		if err := f.WriteDir(out, g); err != nil {
			return outputError(out, err)
		}
		return nil
	case f.Write == nil:
		return fmt.Errorf("format %q writes from the store, not from a view", f.Name)
	}
	return toOutput(out, stdout, func(w io.Writer) error { return f.Write(w, g) })
}

// toOutput runs write on the file path (see WriteFile), or on stdout when path is empty.
func toOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return WriteFile(path, write)
}

// outputError words a failure to write the output path: with the path the user gave, never
// the name of the temporary file written first, and with the cause the system gave.
func outputError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe) && (isTemp(path, pe.Path) || strings.HasPrefix(path, pe.Path)):
		return fmt.Errorf("cannot write %q: %w", path, pe.Err)
	case errors.As(err, &le):
		return fmt.Errorf("cannot write %q: %w", path, le.Err)
	}
	return fmt.Errorf("write %q: %w", path, err)
}

// isTemp says whether name is the temporary file WriteFile writes path through.
func isTemp(path, name string) bool {
	dir, base := filepath.Split(name)
	return filepath.Clean(dir) == filepath.Dir(path) && strings.HasPrefix(base, "."+filepath.Base(path)+".") && strings.HasSuffix(base, ".tmp")
}
