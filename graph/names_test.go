package graph

import (
	"strings"
	"testing"
)

var foldSeeds = []string{"", " ", "a", "A", "Republic of Galloka", "  two  spaces ", "tab\there", "new\nline",
	"already folded", "trailing ", " leading", "MiXeD\r\n\tCase", "Ünïcode Nâme", "a\u00a0b", "x\u0085y", "\v\f"}

// FuzzFoldName checks FoldName against its definition: strings.Fields, joined with one
// space, in lower case.
func FuzzFoldName(f *testing.F) {
	for _, s := range foldSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldName(s), strings.ToLower(strings.Join(strings.Fields(s), " ")); got != want {
			t.Fatalf("FoldName(%q) = %q, want %q", s, got, want)
		}
	})
}
