package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
)

// problemsError turns the reader's problems into an error whose lines are printed as they
// are, FILE:LINE:COLUMN: message, followed by a count; other errors pass through.
func problemsError(err error, storing bool) error {
	var ps ingest.Problems
	if err == nil || !errors.As(err, &ps) {
		return err
	}
	files := map[string]bool{}
	for _, p := range ps {
		files[p.File] = true
	}
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	e := listedError{
		lines:   strings.Join(lines, "\n"),
		summary: fmt.Sprintf("%s in %s", plural(len(ps), "problem"), plural(len(files), "file")),
		err:     err,
	}
	if storing {
		e.summary += "; nothing was stored"
	}
	return e
}

// listedError is an error whose detail lines go to stderr verbatim before the summary.
type listedError struct {
	lines   string
	summary string
	err     error
}

func (e listedError) Error() string { return e.lines + "\n" + e.summary }
func (e listedError) Unwrap() error { return e.err }

func plural(n int, word string) string {
	switch {
	case n == 1:
		return "1 " + word
	case strings.HasSuffix(word, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// summary writes counts as "9 parties, 2 agreements, ...", leaving out quads.
func summary(c graph.Counts) string {
	parts := []string{
		plural(c.Parties, "party"),
		plural(c.Agreements, "agreement"),
		plural(c.Events, "event"),
		plural(c.Obligations, "obligation"),
		plural(c.Claims, "claim"),
		plural(c.Counterclaims, "counterclaim"),
		plural(c.Relations, "relation"),
	}
	return strings.Join(parts, ", ")
}
