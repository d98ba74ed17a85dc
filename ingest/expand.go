package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/internal/safefile"
)

// Skipped is a file with a facts-file name in a folder that Expand left out, and why.
type Skipped struct {
	Path string
	Why  string // "a named pipe (FIFO), not a regular file"
}

func (s Skipped) String() string { return fmt.Sprintf("skipped %q: %s", s.Path, s.Why) }

// Expand turns what a user named into facts files: a file stands for itself, a folder for
// every *.yaml and *.yml file below it, in name order. Only regular files (or links to
// them) are read: a named file that is anything else (a named pipe, a device) is an error,
// and such a file in a folder is left out and listed in skipped, since reading a named pipe
// waits for ever and a device may never end.
func Expand(paths []string) (files []string, skipped []Skipped, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if cause := errors.Unwrap(err); cause != nil {
				err = cause
			}
			return nil, nil, fmt.Errorf("cannot read %q: %w", p, err)
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				return nil, nil, fmt.Errorf("cannot read %q: it is %s, not a regular file; name facts files or folders of them", p, safefile.Kind(info.Mode()))
			}
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(path))
			if d.IsDir() || (ext != ".yaml" && ext != ".yml") {
				return nil
			}
			switch err := safefile.Check(path); {
			case err == nil:
				found = append(found, path)
			case errors.Is(err, safefile.ErrNotRegular):
				var nr *safefile.NotRegularError
				errors.As(err, &nr)
				skipped = append(skipped, Skipped{Path: path, Why: safefile.Kind(nr.Mode) + ", not a regular file"})
			default:
				skipped = append(skipped, Skipped{Path: path, Why: unwrapPath(err).Error()})
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read folder %q: %w", p, err)
		}
		if len(found) == 0 {
			return nil, nil, fmt.Errorf("no facts files (*.yaml, *.yml) in folder %q", p)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, skipped, nil
}

// unwrapPath drops the path an *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
