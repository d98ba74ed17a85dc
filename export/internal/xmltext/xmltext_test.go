package xmltext

import (
	"bufio"
	"encoding/xml"
	"strings"
	"testing"
)

func TestEscapeRoundTrip(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Japan", "Japan"},
		{"markup", `a<b>&"c"'d' ]]> </graphml>`, `a<b>&"c"'d' ]]> </graphml>`},
		{"white space", "a\tb\nc\r\nd  e", "a\tb\nc\r\nd  e"},
		{"control", "a\x01b\x00c\x1f", "a\uFFFDb\uFFFDc\uFFFD"},
		{"bad utf-8", "a\xffb", "a\uFFFDb"},
		{"non-characters", "a\uFFFEb\uFFFF", "a\uFFFDb\uFFFD"},
		{"scripts and emoji", "日本 США 🇯🇵 עברית", "日本 США 🇯🇵 עברית"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, wrap := range []string{"<a>%s</a>", `<a v="%s"/>`} {
				var sb strings.Builder
				w := bufio.NewWriter(&sb)
				Escape(w, tt.in)
				w.Flush()
				doc := strings.Replace(wrap, "%s", sb.String(), 1)
				var v struct {
					V    string `xml:"v,attr"`
					Text string `xml:",chardata"`
				}
				if err := xml.Unmarshal([]byte(doc), &v); err != nil {
					t.Fatalf("%s does not parse: %v", doc, err)
				}
				if got := v.V + v.Text; got != tt.want {
					t.Errorf("%s reads back as %q, want %q", doc, got, tt.want)
				}
			}
		})
	}
}
