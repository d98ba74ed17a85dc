package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/factgraph/factgraph/store"
)

// Options says what Export writes and where.
type Options struct {
	Format string // a registered format name; "" means the one Output's ending names
	Output string // file (or folder, for a folder format); "" means the writer given to Export
	ViewOptions
	// Texts gives the texts of the sources, for a page format (Format.Page); nil: none.
	Texts TextSource
}

// Resolve returns the format opts asks for: by name, or else by the ending of Output.
func (opts Options) Resolve() (Format, error) {
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
	f, err := opts.Resolve()
	if err != nil {
		return f, err
	}
	if f.Dir && opts.Output == "" {
		return f, fmt.Errorf("format %q writes a folder: pass -o FOLDER", f.Name)
	}
	if f.FromStore() {
		if opts.View != "" && opts.View != ViewFull || opts.Focus != "" {
			return f, fmt.Errorf("format %q writes the store's quads as they are, so it takes no view or focus; use --source to keep one source", f.Name)
		}
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
	return f, WriteGraph(f, v, opts.Output, stdout)
}

// WriteGraph writes a view in format f to the file or folder out, or to stdout when out is
// empty.
func WriteGraph(f Format, g *Graph, out string, stdout io.Writer) error {
	switch {
	case f.Dir:
		if err := os.MkdirAll(out, 0o755); err != nil {
			return fmt.Errorf("create folder for %s: %w", f.Name, err)
		}
		return f.WriteDir(out, g)
	case f.Write == nil:
		return fmt.Errorf("format %q writes from the store, not from a view", f.Name)
	}
	return toOutput(out, stdout, func(w io.Writer) error { return f.Write(w, g) })
}

// toOutput runs write on the file path, or on stdout when path is empty. A file is written
// under a temporary name and renamed when complete, so a failed export leaves no half file.
func toOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp := path + ".tmp"
	file, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	bw := bufio.NewWriter(file)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %q: %w", path, err)
	}
	return nil
}
