package exporttest

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/internal/golden"
)

// Golden compares got with the golden file testdata/name of the package under test, or
// rewrites that file when the test runs with -update (golden.Check).
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// Stable returns what write writes of g, and fails t when a second write of g differs:
// the same graph gives the same bytes.
func Stable(t testing.TB, write func(io.Writer, *export.Graph) error, g *export.Graph) []byte {
	t.Helper()
	var first, again bytes.Buffer
	if err := write(&first, g); err != nil {
		t.Fatal(err)
	}
	if err := write(&again, g); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), again.Bytes()) {
		t.Error("two writes of the same graph differ")
	}
	return first.Bytes()
}

// GoldenAll writes every graph of All with write (Stable) and compares each with its
// golden file, testdata/ the fixture's name and ext (Golden), in a subtest of the
// fixture's name. check, when not nil, looks at each output first.
func GoldenAll(t *testing.T, ext string, write func(io.Writer, *export.Graph) error, check func(t *testing.T, out []byte)) {
	t.Helper()
	for _, f := range All(t) {
		t.Run(f.Name, func(t *testing.T) {
			b := Stable(t, write, f.G)
			if check != nil {
				check(t, b)
			}
			Golden(t, f.Name+ext, b)
		})
	}
}
