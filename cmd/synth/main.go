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
	c, err := synth.ParseArgs(args, stderr)
	if err != nil {
		return 2
	}
	if err := c.Run(ctx, stdout); err != nil {
		fmt.Fprintln(stderr, "synth: "+err.Error())
		return 1
	}
	return 0
}
