package synth

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/factgraph/factgraph/store/model"
)

// Options says what corpus to write.
type Options struct {
	Dir      string // created if missing
	Articles int
	Seed     uint64
}

// Corpus describes a written corpus.
type Corpus struct {
	Files []string // the facts files, in article order
	Facts int      // items over all files, sources included
}

// Write writes opts.Articles articles into opts.Dir: NAME.yaml and NAME.txt each.
func Write(ctx context.Context, opts Options) (*Corpus, error) {
	if opts.Articles < 1 {
		return nil, fmt.Errorf("write corpus: %d articles asked for; ask for at least 1", opts.Articles)
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("write corpus: %w", err)
	}
	g := NewGenerator(opts.Seed)
	c := &Corpus{}
	for i := 0; i < opts.Articles; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := g.Article(i)
		path := filepath.Join(opts.Dir, a.Name+".yaml")
		if err := writeFile(path, func(w *bufio.Writer) error { return a.WriteYAML(w) }); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(opts.Dir, a.Facts.Source.Text), []byte(a.Text), 0o644); err != nil {
			return nil, fmt.Errorf("write corpus: %w", err)
		}
		c.Files = append(c.Files, path)
		c.Facts += FactsPerArticle
	}
	return c, nil
}

func writeFile(path string, write func(w *bufio.Writer) error) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write corpus: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write corpus: %w", cerr)
		}
	}()
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		return err
	}
	return w.Flush()
}

// WriteNQuads writes the quads factgraph stores for the first n articles of the corpus of
// seed (model.Encode, the model of docs/model.md), each under its source's label, as
// N-Quads: the same data in the form Cayley's own "cayley load" reads, to compare the two.
func WriteNQuads(ctx context.Context, w io.Writer, n int, seed uint64) (quads int, err error) {
	g := NewGenerator(seed)
	bw := bufio.NewWriter(w)
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return quads, err
		}
		clear(seen)
		for _, q := range model.Encode(g.Article(i).Facts) {
			line := q.NQuad()
			if seen[line] {
				continue
			}
			seen[line] = true
			quads++
			bw.WriteString(line)
			if err := bw.WriteByte('\n'); err != nil {
				return quads, fmt.Errorf("write n-quads: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return quads, fmt.Errorf("write n-quads: %w", err)
	}
	return quads, nil
}
