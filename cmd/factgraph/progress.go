package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// quietFlag silences the progress bars of the commands that take long on a large corpus.
func quietFlag(dest *bool) *cli.BoolFlag {
	return &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "show no progress bar", Destination: dest}
}

// progress shows how far a long step has come on stderr, when stderr is a terminal; on
// anything else (a file, a pipe, CI's log) and with --quiet it shows nothing.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress starts a bar for total steps, or a spinner when total is -1, and draws it at
// once: the bar library draws nothing before a first step, and a spinner here counts no
// steps (it turns on its own every 100 ms once drawn).
func newProgress(w io.Writer, quiet bool, total int, what string) *progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription(what),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionSetRenderBlankState(true),
	}
	if total >= 0 {
		opts = append(opts, progressbar.OptionShowCount())
	}
	return &progress{bar: progressbar.NewOptions(total, opts...)}
}

// Add counts one step done; it may be called from several goroutines.
func (p *progress) Add() {
	if p.bar != nil {
		p.bar.Add(1)
	}
}

// Done ends the bar and clears its line.
func (p *progress) Done() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
