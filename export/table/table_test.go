package table_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/table"
	"github.com/factgraph/factgraph/internal/programtest"
)

func TestGolden(t *testing.T) {
	for _, f := range exporttest.All(t) {
		t.Run(f.Name, func(t *testing.T) {
			dir, again := t.TempDir(), t.TempDir()
			if err := table.WriteDir(dir, f.G); err != nil {
				t.Fatal(err)
			}
			if err := table.WriteDir(again, f.G); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{table.NodesFile, table.EdgesFile} {
				b, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				b2, _ := os.ReadFile(filepath.Join(again, name))
				if !bytes.Equal(b, b2) {
					t.Errorf("two writes of %s differ", name)
				}
				exporttest.Golden(t, filepath.Join(f.Name, name), b)
			}
		})
	}
}

func TestPythonCSV(t *testing.T) {
	for _, f := range exporttest.All(t) {
		t.Run(f.Name, func(t *testing.T) {
			py := programtest.NeedPython(t, "csv")
			g := f.G
			dir := t.TempDir()
			if err := table.WriteDir(dir, g); err != nil {
				t.Fatal(err)
			}
			got := exporttest.Read(t, py, filepath.Join(exporttest.Dir(), "readers", "read_csv.py"),
				filepath.Join(dir, table.NodesFile), filepath.Join(dir, table.EdgesFile))
			exporttest.Compare(t, "python csv", exporttest.Expect(t, g, exporttest.Options{}), got)
		})
	}
}

func TestRegistered(t *testing.T) {
	f, ok := export.Lookup("csv")
	if !ok || !f.Dir || f.WriteDir == nil {
		t.Fatalf("csv is not registered as a folder format: %+v", f)
	}
}

// TestWriteDirMissing writes into a folder that does not exist yet: it is made, as for every
// output.
func TestWriteDirMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no", "such")
	if err := table.WriteDir(dir, exporttest.Sample()); err != nil {
		t.Fatalf("WriteDir into a missing folder: %v", err)
	}
	for _, name := range []string{"nodes.csv", "edges.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("WriteDir into a missing folder wrote no %s: %v", name, err)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	g := exporttest.Large(100_000, 300_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := table.WriteNodes(discard{}, g); err != nil {
			b.Fatal(err)
		}
		if err := table.WriteEdges(discard{}, g); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// nodes.csv and edges.csv were created with os.Create, which writes through a link planted
// at either name into the file it names.
func TestWriteDirFollowsNoPlantedLink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("precious\n"), 0o644)
	for _, name := range []string{table.NodesFile, table.EdgesFile} {
		if err := os.Symlink(victim, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := table.WriteDir(dir, exporttest.Sample()); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Fatalf("the file a planted link names was overwritten: %.60q", b)
	}
	for _, name := range []string{table.NodesFile, table.EdgesFile} {
		if info, err := os.Lstat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s is not a regular file: %v", name, err)
		}
	}
}

// Cells a spreadsheet reads as formulas were written as they were: opening nodes.csv in
// Excel or LibreOffice could run "=cmd|' /C calc'!A0". Python's csv module (what a careful
// reader sees) must read each with a single quote in front, and every other cell as it is.
func TestFormulaCellsAreNeutralised(t *testing.T) {
	py := programtest.NeedPython(t, "csv")
	cells := []string{"=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "a=1", " =1", "'=quoted"}
	g := &export.Graph{Name: "g", View: "full"}
	for i, c := range cells {
		g.Nodes = append(g.Nodes, export.Node{ID: fmt.Sprintf("n%d", i), Label: c, Kind: "party", Extra: []export.Attr{{Name: "note", Value: c}}})
	}
	g.Nodes = append(g.Nodes, export.Node{ID: "=evil-id", Label: "x", Kind: "party"})
	dir := t.TempDir()
	if err := table.WriteDir(dir, g); err != nil {
		t.Fatal(err)
	}
	const script = `
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    json.dump({r["Id"]: [r["Label"], r["note"]] for r in csv.DictReader(f, strict=True)}, sys.stdout)
`
	out, err := exec.Command(py, "-c", script, filepath.Join(dir, table.NodesFile)).Output()
	if err != nil {
		t.Fatal(err)
	}
	var read map[string][2]string
	if err := json.Unmarshal(out, &read); err != nil {
		t.Fatal(err)
	}
	for i, c := range cells {
		want := c
		if strings.ContainsAny(c[:1], "=+-@\t\r") {
			want = "'" + c
		}
		if got := read[fmt.Sprintf("n%d", i)]; got != [2]string{want, want} {
			t.Errorf("%q read back as %q, want %q", c, got, want)
		}
	}
	if _, ok := read["'=evil-id"]; !ok {
		t.Errorf("the id =evil-id is not neutralised: %v", read)
	}
}
