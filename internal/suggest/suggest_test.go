package suggest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"name", "name", -1, 0},
		{"nmae", "name", -1, 1}, // a swap of neighbours is one edit
		{"nam", "name", -1, 1},
		{"japn", "japan", -1, 1},
		{"kitten", "sitting", -1, 3},
		{"kitten", "sitting", 2, 3}, // past the bound: max+1
		{"", "abc", -1, 3},
		{"ab", "abcdef", 1, 2}, // lengths alone exceed the bound
		{"日本国", "日本", -1, 1},   // runes, not bytes
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	words := []string{"japan", "china", "jordan", "united-states"}
	tests := []struct {
		s      string
		want   string
		wantOK bool
	}{
		{"jpan", "japan", true},
		{"unted-states", "united-states", true},
		{"japan", "", false},     // the word itself is no suggestion
		{"russia", "", false},    // nothing near
		{"chnia", "china", true}, // a swap
	}
	for _, tt := range tests {
		got, ok := Closest(tt.s, words)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.s, got, ok, tt.want, tt.wantOK)
		}
	}
	// At the same distance the smaller candidate wins, whatever the order given.
	for _, ws := range [][]string{{"cat", "bat"}, {"bat", "cat"}} {
		if got, _ := Closest("at", ws); got != "bat" {
			t.Errorf("Closest(%q, %v) = %q, want \"bat\"", "at", ws, got)
		}
	}
}

func TestID(t *testing.T) {
	for in, want := range map[string]string{
		"Japan-US Security Treaty": "japan-us-security-treaty",
		"  Donald J. Trump ":       "donald-j-trump",
		"NATO":                     "nato",
		"Ōsaka 2025":               "saka-2025",
		"---":                      "",
	} {
		if got := ID(in); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNear compares Near with Distance on words made from a few letters, so that many
// are close, and some of them not ASCII.
func TestNear(t *testing.T) {
	letters := []rune("abcab-é日")
	words := []string{""}
	for i := 0; len(words) < 400; i++ {
		w := []rune(words[i/3])
		w = append(w, letters[(i*7)%len(letters)])
		if i%5 == 0 && len(w) > 2 {
			w[0], w[1] = w[1], w[0]
		}
		words = append(words, string(w))
	}
	for max := 0; max <= 3; max++ {
		for _, a := range words[:80] {
			n := NewNear(a, max)
			for _, b := range words {
				if got, want := n.Is(b), Distance(a, b, max) <= max; got != want {
					t.Fatalf("NewNear(%q, %d).Is(%q) = %v, want %v", a, max, b, got, want)
				}
			}
		}
	}
}
