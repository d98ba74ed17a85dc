package query

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/internal/golden"
)

type result interface {
	WriteText(w io.Writer, width int) error
}

// TestGolden pins the text and JSON output of every query on the small graph. The JSON is
// the documented, stable format (docs/query.md); the text is what a terminal shows.
func TestGolden(t *testing.T) {
	g := small(t)
	ix := NewIndex(g)
	must := func(r result, err error) result {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name string
		run  func() (result, error)
	}{
		{"obligations", func() (result, error) { return ix.Obligations(ObligationsOptions{}) }},
		{"obligations-between", func() (result, error) {
			return ix.Obligations(ObligationsOptions{Between: [2]string{"united-states", "japan"}})
		}},
		{"claims", func() (result, error) { return ix.Claims(ClaimsOptions{}) }},
		{"stances", func() (result, error) { return ix.Stances(), nil }},
		{"contested", func() (result, error) { return ix.Contested(ContestedOptions{Min: 1}) }},
		{"neighbors", func() (result, error) { return ix.Neighbors("japan", NeighborsOptions{}) }},
		{"neighbors-depth", func() (result, error) { return ix.Neighbors("cc-nested", NeighborsOptions{Depth: 2}) }},
		{"path", func() (result, error) { return ix.Path("author", "treaty-1960", PathOptions{All: true}) }},
		{"path-none", func() (result, error) { return ix.Path("hermit", "japan", PathOptions{}) }},
		{"timeline", func() (result, error) { return ix.Timeline(TimelineOptions{}) }},
		{"stats", func() (result, error) { return ix.Stats(StatsOptions{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := must(tt.run())
			var text, js bytes.Buffer
			if err := r.WriteText(&text, 80); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&js, r); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".txt"), text.Bytes())
			golden.Check(t, filepath.Join("testdata", tt.name+".json"), js.Bytes())
		})
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"one two three", 7, []string{"one two", "three"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"abcdefghij kl", 4, []string{"abcd", "efgh", "ij", "kl"}},
		{"日本の防衛 義務", 5, []string{"日本の防衛", "義務"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := wrap(tt.in, tt.width)
			if len(got) != len(tt.want) {
				t.Fatalf("wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
				}
			}
		})
	}
}
