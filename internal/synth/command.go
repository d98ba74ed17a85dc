package synth

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// ErrUsage is a command line that cmd/synth does not take; the flag package has said why.
var ErrUsage = errors.New("usage")

// Command is what cmd/synth's command line asks for: a corpus and, when NQuads names a
// file, its quads as N-Quads.
type Command struct {
	Options
	NQuads string
}

// ParseArgs reads cmd/synth's command line (-n, -seed, -o, -nquads), telling stderr what is
// wrong with it; the error is then ErrUsage.
func ParseArgs(args []string, stderr io.Writer) (Command, error) {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c Command
	fs.IntVar(&c.Articles, "n", 1000, "number of articles")
	fs.Uint64Var(&c.Seed, "seed", 1, "random seed: the same seed gives the same corpus")
	fs.StringVar(&c.Dir, "o", "corpus", "output directory")
	fs.StringVar(&c.NQuads, "nquads", "", "also write the corpus's quads as N-Quads to this file")
	if err := fs.Parse(args); err != nil {
		return c, ErrUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "synth: unexpected argument %q\n", fs.Arg(0))
		return c, ErrUsage
	}
	return c, nil
}

// Run writes what c asks for and says on stdout what it wrote.
func (c Command) Run(ctx context.Context, stdout io.Writer) error {
	corpus, err := Write(ctx, c.Options)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d facts files (%d facts) to %s\n", len(corpus.Files), corpus.Facts, c.Dir)
	if c.NQuads == "" {
		return nil
	}
	n, err := c.writeNQuads(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d quads to %s\n", n, c.NQuads)
	return nil
}

func (c Command) writeNQuads(ctx context.Context) (n int, err error) {
	f, err := os.Create(c.NQuads)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	return WriteNQuads(ctx, f, c.Articles, c.Seed)
}
