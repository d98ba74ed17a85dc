package ingest

import (
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with a facts file, at the position of the offending key or value.
type Problem struct {
	File   string
	Line   int // 1-based; 0 when the problem concerns the whole file (it cannot be read)
	Column int // 1-based
	Msg    string
	Err    error // the cause, when there is one
}

// Error prints the problem as FILE:LINE:COLUMN: message, or FILE: message when it has no
// position.
func (p *Problem) Error() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Column, p.Msg)
}

// Unwrap returns the cause.
func (p *Problem) Unwrap() error { return p.Err }

// Problems is every problem found, sorted by file, line, column and message.
type Problems []*Problem

// Error prints one problem a line.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems as errors, so errors.Is and errors.As look into each one.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

func compareProblems(a, b *Problem) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	if a.Column != b.Column {
		return a.Column - b.Column
	}
	return strings.Compare(a.Msg, b.Msg)
}

// sortProblems sorts ps and drops repeats: an item reached through several YAML aliases
// reports the same problem at the same place once.
func sortProblems(ps Problems) Problems {
	slices.SortStableFunc(ps, compareProblems)
	return slices.CompactFunc(ps, func(a, b *Problem) bool { return compareProblems(a, b) == 0 })
}

// pos is a position in a file.
type pos struct{ line, col int }

func (p pos) String() string { return fmt.Sprintf("%d:%d", p.line, p.col) }
