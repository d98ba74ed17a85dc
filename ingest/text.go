package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/factgraph/factgraph/internal/safefile"
)

// MaxTextSize is the largest source text read, in bytes: the limit of a facts file.
const MaxTextSize = MaxFileSize

// textRule is what every refused source.text is told.
const textRule = "source.text must name a regular file in the facts file's folder or below it, of at most 16 MiB"

// TextError is a source.text that breaks textRule. Its message names the rule.
type TextError struct {
	Text string // source.text as written
	Why  string // what is wrong with it
}

func (e *TextError) Error() string {
	return fmt.Sprintf("source text %q %s; %s", e.Text, e.Why, textRule)
}

// ReadSourceText reads the source text that facts file factsPath names in source.text:
// a path relative to the facts file's folder, or an absolute one. The file must be a
// regular file inside that folder or below it once every symbolic link is followed, and at
// most MaxTextSize bytes, so that a facts file handed over by someone else cannot make
// factgraph read, and print through validate --coverage, any other file on the machine
// (../../etc/shadow, /proc/self/environ) or read for ever (/dev/zero). Such a file is a
// *TextError; a file that does not exist is the error of the file system.
func ReadSourceText(ctx context.Context, factsPath, text string) ([]byte, error) {
	dir, err := filepath.Abs(filepath.Dir(factsPath))
	if err != nil {
		return nil, err
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	p := text
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(factsPath), p)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, &fs.PathError{Op: "open", Path: p, Err: pe.Err}
		}
		return nil, err
	}
	if real, err = filepath.Abs(real); err != nil {
		return nil, err
	}
	if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return nil, &TextError{Text: text, Why: fmt.Sprintf("is %s, outside the folder %s of the facts file", real, root)}
	}
	data, err := safefile.ReadFile(ctx, real, MaxTextSize)
	var notRegular *safefile.NotRegularError
	switch {
	case errors.As(err, &notRegular):
		return nil, &TextError{Text: text, Why: "is " + safefile.Kind(notRegular.Mode)}
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, &TextError{Text: text, Why: "is larger than 16 MiB"}
	}
	return data, err
}
