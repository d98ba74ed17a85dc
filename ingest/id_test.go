package ingest

import (
	"regexp"
	"testing"
)

// idSpec is the id pattern docs/facts-format.md states; validID must agree with it.
var idSpec = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestValidIDMatchesPattern(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"japan", true},
		{"us-japan-treaty-1960", true},
		{"a", true},
		{"0", true},
		{"a-b-c", true},
		{"", false},
		{"-", false},
		{"-a", false},
		{"a-", false},
		{"a--b", false},
		{"Japan", false},
		{"a_b", false},
		{"a b", false},
		{"a.b", false},
		{"é", false},
		{"a\n", false},
	}
	for _, tt := range tests {
		if got := validID(tt.id); got != tt.want {
			t.Errorf("validID(%q) = %v, want %v", tt.id, got, tt.want)
		}
		if got := idSpec.MatchString(tt.id); got != tt.want {
			t.Errorf("the pattern matches %q: %v, want %v", tt.id, got, tt.want)
		}
	}
	// Every string of up to four bytes over an alphabet with each kind of byte.
	alphabet := []byte{'a', 'z', '0', '9', '-', 'A', '_', ' ', 0xc3}
	var walk func(b []byte)
	walk = func(b []byte) {
		if got, want := validID(string(b)), idSpec.MatchString(string(b)); got != want {
			t.Fatalf("validID(%q) = %v, the pattern says %v", b, got, want)
		}
		if len(b) == 4 {
			return
		}
		for _, c := range alphabet {
			walk(append(b, c))
		}
	}
	walk(nil)
}

func FuzzValidID(f *testing.F) {
	f.Add("us-japan-treaty")
	f.Add("a--b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validID(s), idSpec.MatchString(s); got != want {
			t.Fatalf("validID(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
