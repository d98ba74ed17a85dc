package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Expand turns what a user named into facts files: a file stands for itself, a folder for
// every *.yaml and *.yml file below it, in name order.
func Expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if cause := errors.Unwrap(err); cause != nil {
				err = cause
			}
			return nil, fmt.Errorf("cannot read %q: %w", p, err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(path))
			if !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cannot read folder %q: %w", p, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("no facts files (*.yaml, *.yml) in folder %q", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}
