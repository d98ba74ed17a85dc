package ingest

import (
	"fmt"
	"io"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/factgraph/factgraph/graph"
)

// SourceOf reads the source id and source.text of one facts file, without checking the
// rest of it: enough to find, for a source a store holds, the text next to its facts file.
func SourceOf(path string) (graph.Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return graph.Source{}, fmt.Errorf("cannot read facts file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return graph.Source{}, fmt.Errorf("cannot read facts file %q: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return graph.Source{}, fmt.Errorf("facts file %q is larger than %d MiB", path, MaxFileSize>>20)
	}
	var doc struct {
		Source struct {
			ID   string `yaml:"id"`
			Text string `yaml:"text"`
		} `yaml:"source"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return graph.Source{}, fmt.Errorf("facts file %q: %w", path, err)
	}
	if doc.Source.ID == "" {
		return graph.Source{}, fmt.Errorf("facts file %q has no source id; check it with factgraph validate", path)
	}
	return graph.Source{ID: doc.Source.ID, Text: doc.Source.Text}, nil
}
