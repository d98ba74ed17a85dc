package build

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// readManifest returns the files the last build wrote into dir (ManifestName), none when
// no build wrote there.
func readManifest(dir string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the list of the last build's files: %w", err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name := sc.Text()
		// Only names inside the folder: a list edited by hand removes nothing outside it.
		if clean := filepath.Clean(filepath.FromSlash(name)); name != "" && filepath.IsLocal(clean) && name != ManifestName {
			out[filepath.ToSlash(clean)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read the list of the last build's files: %w", err)
	}
	return out, nil
}

// writeManifest lists files (slash-separated, relative to dir) in dir's ManifestName.
func writeManifest(dir string, files []string) error {
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	data := strings.Join(sorted, "\n") + "\n"
	tmp, err := os.CreateTemp(dir, ManifestName+".*")
	if err != nil {
		return fmt.Errorf("write the list of the build's files: %w", err)
	}
	_, err = tmp.WriteString(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, ManifestName))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write the list of the build's files: %w", err)
	}
	return nil
}

// moveInto moves every file under stage to the same place under dir, replacing what is
// there, and returns their names, slash-separated and relative to dir.
func moveInto(stage, dir string) ([]string, error) {
	var moved []string
	err := filepath.WalkDir(stage, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(stage, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if err := os.Rename(path, to); err != nil {
			return err
		}
		moved = append(moved, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("move the build into %q: %w", dir, err)
	}
	return moved, nil
}

// removeStale removes from dir the files of old that are not in kept, and the folders
// they leave empty.
func removeStale(dir string, old map[string]bool, kept []string) error {
	keep := map[string]bool{}
	for _, k := range kept {
		keep[k] = true
	}
	var stale []string
	for name := range old {
		if !keep[name] {
			stale = append(stale, name)
		}
	}
	sort.Strings(stale)
	for _, name := range stale {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %q, which the last build wrote: %w", path, err)
		}
		// Folders the file leaves empty go too, up to dir; a folder with anything else in
		// it stays (os.Remove fails on it).
		for parent := filepath.Dir(path); parent != filepath.Clean(dir) && strings.HasPrefix(parent, filepath.Clean(dir)); parent = filepath.Dir(parent) {
			if os.Remove(parent) != nil {
				break
			}
		}
	}
	return nil
}
