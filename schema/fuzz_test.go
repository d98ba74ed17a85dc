package schema_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/schema"
)

// FuzzSchemaAcceptsValid checks that whatever file the validator accepts on its own, the
// schema accepts too, and that reading any input into JSON values never panics.
func FuzzSchemaAcceptsValid(f *testing.F) {
	for _, glob := range []string{"../samples/*/facts.yaml", "testdata/*/*.yaml", "../ingest/testdata/*/*.yaml"} {
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
	f.Fuzz(func(t *testing.T, data []byte) {
		err := schema.ValidateYAML(data)
		if _, probs := ingest.Parse("fuzz.yaml", data, nil); probs != nil {
			return
		}
		if err != nil {
			t.Errorf("the validator accepts this file but the schema does not:\n%s\n%v", data, err)
		}
	})
}
