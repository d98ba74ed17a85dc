// Command synth writes a synthetic corpus of facts files for benchmarks and scale tests:
//
//	synth -n 10000 -seed 1 -o /tmp/corpus-10k
//
// writes a00000.yaml ... a09999.yaml and their article texts. With -nquads FILE it also writes
// the quads factgraph stores for them, as N-Quads, for "cayley load". The same seed gives the
// same bytes. See docs/performance.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/factgraph/factgraph/internal/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts synth.Options
	fs.IntVar(&opts.Articles, "n", 1000, "number of articles")
	fs.Uint64Var(&opts.Seed, "seed", 1, "random seed: the same seed gives the same corpus")
	fs.StringVar(&opts.Dir, "o", "corpus", "output directory")
	nq := fs.String("nquads", "", "also write the corpus's quads as N-Quads to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "synth: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	c, err := synth.Write(ctx, opts)
	if err != nil {
		fmt.Fprintln(stderr, "synth: "+err.Error())
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d facts files (%d facts) to %s\n", len(c.Files), c.Facts, opts.Dir)
	if *nq != "" {
		n, err := writeNQuads(ctx, *nq, opts)
		if err != nil {
			fmt.Fprintln(stderr, "synth: "+err.Error())
			return 1
		}
		fmt.Fprintf(stdout, "wrote %d quads to %s\n", n, *nq)
	}
	return 0
}

func writeNQuads(ctx context.Context, path string, opts synth.Options) (n int, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	return synth.WriteNQuads(ctx, f, opts.Articles, opts.Seed)
}
