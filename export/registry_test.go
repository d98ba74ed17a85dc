package export

import (
	"context"
	"io"
	"strings"
	"testing"
)

func TestRegistry(t *testing.T) {
	write := func(w io.Writer, g *Graph) error { return nil }
	Register(Format{Name: "test-a", Exts: []string{"ta", "x.json"}, Write: write})
	Register(Format{Name: "test-b", Exts: []string{"json"}, Write: write})
	Register(Format{Name: "test-dir", WriteDir: func(string, *Graph) error { return nil }})
	Register(Format{Name: "test-store", Exts: []string{"tq"}, WriteStore: func(context.Context, io.Writer, QuadWriter, string) error { return nil }})

	for _, tc := range []struct{ path, want string }{
		{"out.ta", "test-a"},
		{"dir/OUT.TA", "test-a"},
		{"out.x.json", "test-a"},
		{"out.json", "test-b"},
		{"out.tq", "test-store"},
		{"out.nothing", ""},
		{"ta", ""},
	} {
		t.Run(tc.path, func(t *testing.T) {
			f, ok := ByExt(tc.path)
			if ok != (tc.want != "") || f.Name != tc.want {
				t.Errorf("ByExt(%q) = %q, %v; want %q", tc.path, f.Name, ok, tc.want)
			}
		})
	}
	if f, ok := Lookup("test-dir"); !ok || !f.Dir || f.Ext() != "" {
		t.Errorf("Lookup(test-dir) = %+v, %v; want a folder format", f, ok)
	}
	if f, _ := Lookup("test-store"); !f.FromStore() || f.Ext() != ".tq" {
		t.Errorf("Lookup(test-store) = %+v; want a store format ending .tq", f)
	}
	names := strings.Join(FormatNames(), ",")
	if !strings.Contains(names, "test-a,test-b,test-dir,test-store") {
		t.Errorf("FormatNames() = %s; want the test formats in order", names)
	}
}

func TestRegisterMistakes(t *testing.T) {
	write := func(w io.Writer, g *Graph) error { return nil }
	Register(Format{Name: "test-taken", Exts: []string{"tt"}, Write: write})
	for name, f := range map[string]Format{
		"no name":     {Write: write},
		"no writer":   {Name: "test-none"},
		"two writers": {Name: "test-two", Write: write, WriteDir: func(string, *Graph) error { return nil }},
		"same name":   {Name: "test-taken", Write: write},
		"same ending": {Name: "test-other", Exts: []string{"TT"}, Write: write},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%+v) did not panic", f)
				}
			}()
			Register(f)
		})
	}
}
