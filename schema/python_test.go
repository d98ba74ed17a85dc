package schema_test

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/internal/programtest"
)

// pythonCheck validates YAML files with Python's jsonschema, a second implementation of
// draft 2020-12, reading YAML the way an editor's YAML 1.2 reader does (timestamps stay
// text). It prints one JSON object: path to whether the file is valid.
const pythonCheck = `
import json, sys, yaml, jsonschema
class Loader(yaml.SafeLoader): pass
Loader.add_constructor('tag:yaml.org,2002:timestamp', lambda l, n: l.construct_scalar(n))
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
out = {}
for p in sys.argv[2:]:
    with open(p, encoding='utf-8') as f:
        out[p] = v.is_valid(yaml.load(f, Loader=Loader))
print(json.dumps(out))
`

// TestPythonJSONSchema checks that another validator reads the schema the same way: the
// samples and the valid cases pass, the rejected cases fail. It needs python3 with the yaml
// and jsonschema modules (Debian: python3-yaml python3-jsonschema); without them it skips,
// except in CI, where it fails.
func TestPythonJSONSchema(t *testing.T) {
	python := programtest.NeedPython(t, "yaml", "jsonschema")
	want := map[string]bool{}
	add := func(glob string, valid bool) {
		paths, err := filepath.Glob(glob)
		if err != nil || len(paths) == 0 {
			t.Fatalf("no files match %s: %v", glob, err)
		}
		for _, p := range paths {
			want[p] = valid
		}
	}
	add("../samples/*/facts.yaml", true)
	add("testdata/valid/*.yaml", true)
	add("testdata/reject/*.yaml", false)
	args := []string{"-c", pythonCheck, "factgraph-v1.schema.json"}
	for p := range want {
		args = append(args, p)
	}
	out, err := exec.Command(python, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = strings.TrimSpace(string(ee.Stderr))
		}
		t.Fatalf("python3 jsonschema: %v\n%s", err, msg)
	}
	var got map[string]bool
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("read python3 output %q: %v", out, err)
	}
	for p, valid := range want {
		if g, ok := got[p]; !ok || g != valid {
			t.Errorf("python jsonschema: %s valid = %v (reported: %v); want %v", p, g, ok, valid)
		}
	}
}
