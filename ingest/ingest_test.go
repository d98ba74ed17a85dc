package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/golden"
)

// fakeKnown is a store that knows a fixed set of items.
type fakeKnown map[string]graph.ItemInfo

func (k fakeKnown) Lookup(_ context.Context, id string) (graph.ItemInfo, bool, error) {
	info, ok := k[id]
	return info, ok, nil
}

// fakeKnownMany answers as its fakeKnown, all ids of a call at once; it counts the calls
// of each kind.
type fakeKnownMany struct {
	fakeKnown
	lookups, manys int
}

func (k *fakeKnownMany) Lookup(ctx context.Context, id string) (graph.ItemInfo, bool, error) {
	k.lookups++
	return k.fakeKnown.Lookup(ctx, id)
}

func (k *fakeKnownMany) LookupMany(_ context.Context, ids []string) (map[string]graph.ItemInfo, error) {
	k.manys++
	out := map[string]graph.ItemInfo{}
	for _, id := range ids {
		if info, ok := k.fakeKnown[id]; ok {
			out[id] = info
		}
	}
	return out, nil
}

func readKnown(t *testing.T, path string) Known {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var infos []graph.ItemInfo
	if err := json.Unmarshal(data, &infos); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	k := fakeKnown{}
	for _, info := range infos {
		k[info.ID] = info
	}
	return k
}

// TestBroken loads each file (or each directory of files, with the store described by its
// known.json) under testdata/broken and compares the problems with the golden file.
func TestBroken(t *testing.T) {
	entries, err := os.ReadDir("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !e.IsDir() && !ok {
			continue
		}
		if e.IsDir() {
			name = e.Name()
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata/broken", e.Name())
			paths := []string{path}
			var known Known
			if e.IsDir() {
				paths, err = filepath.Glob(filepath.Join(path, "*.yaml"))
				if err != nil {
					t.Fatal(err)
				}
				known = readKnown(t, filepath.Join(path, "known.json"))
			}
			files, err := Load(context.Background(), paths, known)
			if files != nil {
				t.Errorf("Load returned files for a broken input")
			}
			var probs Problems
			if !errors.As(err, &probs) || len(probs) == 0 {
				t.Fatalf("Load error = %v; want Problems", err)
			}
			if !slices.IsSortedFunc(probs, compareProblems) {
				t.Errorf("problems are not sorted")
			}
			golden.Check(t, filepath.Join("testdata/broken", name+".golden"), []byte(err.Error()+"\n"))
			// A store that answers many ids at once is asked once, and finds the same.
			if k, ok := known.(fakeKnown); ok {
				many := &fakeKnownMany{fakeKnown: k}
				_, manyErr := Load(context.Background(), paths, many)
				if manyErr == nil || manyErr.Error() != err.Error() {
					t.Errorf("with a store that answers many ids at once:\n%v\nwant:\n%v", manyErr, err)
				}
				if many.manys != 1 || many.lookups != 0 {
					t.Errorf("LookupMany called %d times and Lookup %d times; want once and never", many.manys, many.lookups)
				}
			}
		})
	}
}

// TestValid loads each valid file, compares its facts, written back as a facts file, with
// the golden file, and parses that again to check the round trip.
func TestValid(t *testing.T) {
	paths, err := filepath.Glob("testdata/valid/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no valid files: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			files, err := Load(context.Background(), []string{path}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 1 || files[0].Path != path {
				t.Fatalf("Load returned %d files; want 1 for %q", len(files), path)
			}
			out, err := encodeFacts(files[0].Facts)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(path, ".yaml")+".golden", out)
			again, probs := Parse(path, out, nil)
			if probs != nil {
				t.Fatalf("written facts do not parse:\n%v", probs)
			}
			if !reflect.DeepEqual(again, files[0].Facts) {
				t.Errorf("round trip changed the facts:\n%+v\n%+v", again, files[0].Facts)
			}
		})
	}
}
