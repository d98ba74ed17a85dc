package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse checks that Parse never panics and that whatever it accepts, written back as a
// facts file and parsed again, gives the same facts.
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"testdata/valid/*.yaml", "testdata/broken/*.yaml", "testdata/broken/*/*.yaml"} {
		paths, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(twoParties + "relations:\n  - {from: japan, type: allied-with, to: usa, quote: [a]}\n  - {from: japan, type: allied-with, to: usa, quote: b}\n"))
	text, err := os.ReadFile("testdata/valid/japan-us-security-treaty.txt")
	if err != nil {
		f.Fatal(err)
	}
	// Every source.text reads as the sample article, so quotes are checked on both passes.
	readText := func(string) ([]byte, error) { return text, nil }
	f.Fuzz(func(t *testing.T, data []byte) {
		facts, probs := Parse("fuzz.yaml", data, readText)
		if (facts == nil) == (probs == nil) {
			t.Fatalf("Parse returned facts %v and problems %v; want exactly one", facts != nil, probs)
		}
		for _, p := range probs {
			if p.Msg == "" || p.File != "fuzz.yaml" {
				t.Fatalf("bad problem %#v", p)
			}
		}
		if facts == nil {
			return
		}
		out, err := encodeFacts(facts)
		if err != nil {
			t.Fatal(err)
		}
		again, probs := Parse("fuzz.yaml", out, readText)
		if probs != nil {
			t.Fatalf("written facts do not parse:\n%v\n%s", probs, out)
		}
		if !reflect.DeepEqual(again, facts) {
			t.Fatalf("round trip changed the facts:\n%#v\n%#v", facts, again)
		}
	})
}
