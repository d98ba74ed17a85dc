// Command factgraph turns curated facts into a knowledge graph stored in Cayley, answers
// questions about it and exports it for Graphviz, Gephi and yEd. Run "factgraph --help".
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	_ "github.com/factgraph/factgraph/internal/heap/early" // maps the first of the heap at once
	"github.com/factgraph/factgraph/store/pgstore"
	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// stopSignals stop a command as Ctrl-C does: the context ends, a write under way is undone,
// and the command says what the store holds. SIGTERM is what timeout, systemd and
// containers send.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	stopProfile := startProfile(os.Stderr)
	code := run(ctx, os.Args, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// run executes the command line and returns the exit status: 0 on success, 1 when the
// command failed, 2 when it was used wrongly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	ctx, read := withReadStores(ctx)
	app := newApp(stdout, stderr)
	err := app.RunContext(ctx, flagsFirst(app, helpAsFlag(app, args)))
	read.noteOlderTables(stderr)
	if err == nil {
		return 0
	}
	return report(stderr, err)
}

// report writes what went wrong to stderr and returns the exit status, 1 or 2 (see run);
// an error of the store's server that a connection pooler's mode caused says so
// (pgstore.Explain).
func report(stderr io.Writer, err error) int {
	err = pgstore.Explain(err)
	var usage usageError
	var exit cli.ExitCoder
	var listed listedError
	switch {
	case errors.As(err, &listed):
		fmt.Fprintln(stderr, listed.lines)
		fmt.Fprintln(stderr, "factgraph: "+listed.summary)
		return 1
	case errors.As(err, &exit):
		if msg := exit.Error(); msg != "" {
			fmt.Fprintln(stderr, "factgraph: "+msg)
		}
		return exit.ExitCode()
	case errors.As(err, &usage):
		fmt.Fprintln(stderr, "factgraph: "+err.Error())
		return 2
	default:
		fmt.Fprintln(stderr, "factgraph: "+err.Error())
		return 1
	}
}

func newApp(stdout, stderr io.Writer) *cli.App {
	var cmds []*cli.Command
	for _, c := range []*cli.Command{
		validateCommand(),
		ingestCommand(),
		sourcesCommand(),
		removeCommand(),
		exportCommand(),
		renderCommand(),
		buildCommand(),
		queryCommand(),
		findCommand(),
		statsCommand(),
		serveCommand(),
	} {
		if c != nil {
			cmds = append(cmds, c)
		}
	}
	markUsageErrors("factgraph", cmds)
	app := &cli.App{
		Name:                 "factgraph",
		Usage:                "turn curated facts into a knowledge graph, query it, export it",
		Version:              version,
		Writer:               stdout,
		ErrWriter:            stderr,
		Commands:             cmds,
		EnableBashCompletion: true,
		HideHelpCommand:      true,
		ExitErrHandler:       func(*cli.Context, error) {}, // run maps errors to exit codes
	}
	app.Action = unknownCommand("factgraph", func() []*cli.Command { return app.Commands })
	app.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
		return flagError(&cli.Command{Flags: app.Flags}, "factgraph", err)
	}
	return app
}
