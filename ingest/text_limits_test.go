package ingest

import (
	"strings"
	"testing"
)

// A name over 16 KiB or with a NUL made a DOT file Graphviz cannot read (so build failed),
// and year 0000 a GEXF file its schema rejects. The validator refuses them, at the value.
func TestUnexportableTextIsRejected(t *testing.T) {
	long := strings.Repeat("x", MaxLabelLength+1)
	tests := []struct {
		name string
		body string
		want string // "" when the file is valid
	}{
		{"name at the limit", "parties:\n  - {id: p, name: " + long[1:] + ", kind: state}\n", ""},
		{"name over the limit", "parties:\n  - {id: p, name: " + long + ", kind: state}\n",
			`big.yaml:4:19: "name" in party "p" is 16385 bytes long; a name or label may be at most 16384 bytes (16 KiB): shorten it and keep the rest in a note or a quote`},
		{"alias over the limit", "parties:\n  - {id: p, name: P, kind: state, aliases: [" + long + "]}\n",
			`big.yaml:4:45: "aliases" in party "p" is 16385 bytes long; a name or label may be at most 16384 bytes (16 KiB): shorten it and keep the rest in a note or a quote`},
		{"claim over the limit", "parties:\n  - {id: p, name: P, kind: state}\nclaims:\n  - {id: c, by: p, says: " + long + "}\n",
			`big.yaml:6:26: "says" in claim "c" is 16385 bytes long; a name or label may be at most 16384 bytes (16 KiB): shorten it and keep the rest in a note or a quote`},
		{"long note", "parties:\n  - {id: p, name: P, kind: state, note: " + long + "}\n", ""},
		{"NUL in a name", "parties:\n  - {id: p, name: \"Ja\\0pan\", kind: state}\n",
			`big.yaml:4:19: "name" in party "p" holds a NUL character (\0) at byte 3; remove it`},
		{"NUL in a quote", "parties:\n  - {id: p, name: P, kind: state, quote: \"a\\0\"}\n",
			`big.yaml:4:42: "quote" in party "p" holds a NUL character (\0) at byte 2; remove it`},
		{"NUL in a note", "parties:\n  - {id: p, name: P, kind: state, note: \"\\0\"}\n",
			`big.yaml:4:41: "note" in party "p" holds a NUL character (\0) at byte 1; remove it`},
		{"year 0000", "events:\n  - {id: e, name: E, date: 0000-01-01}\n",
			`big.yaml:4:28: invalid "date" in event "e": year 0000 is not on the calendar, which goes from 1 BC to AD 1; use 0001 or later`},
		{"year 0001", "events:\n  - {id: e, name: E, date: 0001}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := Parse("big.yaml", []byte(head+tt.body), nil)
			if tt.want == "" {
				if probs != nil || f == nil {
					t.Fatalf("rejected: %v", probs)
				}
				return
			}
			if got := probs.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
