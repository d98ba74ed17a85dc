package model

import (
	"encoding/json"
	"reflect"
	"testing"
)

// stringListCases are arrays as json.Marshal writes them and as other writers might.
var stringListCases = []string{
	`[]`, `["a"]`, `["a","b"]`, `["",""]`, `[""]`, `["a b","c,d","e]f","[g"]`,
	`["Japan","日本"]`, `["a\"b"]`, `["a\\b"]`, `["\u003cb\u003e"]`, `["a", "b"]`, ` ["a"]`,
	`["a",]`, `["a""b"]`, `["a","b"`, `"a"`, `null`, `[1]`, "[\"a\tb\"]", "[\"\xff\"]",
	`["a"],["b"]`, `["a","b"]x`, `[`, `["`, `[""`, `""]`,
}

// TestStringList checks that stringList gives what json.Unmarshal gives, values and
// errors alike.
func TestStringList(t *testing.T) {
	for _, s := range stringListCases {
		checkStringList(t, s)
	}
}

func FuzzStringList(f *testing.F) {
	for _, s := range stringListCases {
		f.Add(s)
	}
	f.Fuzz(checkStringList)
}

func checkStringList(t *testing.T, s string) {
	var want []string
	wantErr := json.Unmarshal([]byte(s), &want)
	got, err := stringList(s)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("stringList(%q): error %v, json.Unmarshal's %v", s, err, wantErr)
	}
	if err == nil && (!reflect.DeepEqual(got, want) || (got == nil) != (want == nil)) {
		t.Fatalf("stringList(%q) = %#v, json.Unmarshal gives %#v", s, got, want)
	}
}

// TestPlainStringList checks that the arrays json.Marshal writes for ids and short texts
// take the quick way, so that the test above compares it with json.Unmarshal.
func TestPlainStringList(t *testing.T) {
	for _, v := range [][]string{{}, {"a"}, {"republic-of-galloka", "a00003-author-1"}, {"a b", "c,d", "日本"}} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := plainStringList(string(b)); !ok {
			t.Errorf("%s took json.Unmarshal", b)
		}
	}
}
