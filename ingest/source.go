package ingest

import (
	"bytes"
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
	// The source is one top-level key among thousands of lines of facts: its block alone
	// is read first, and the whole file only when the block does not stand on its own (an
	// alias of an anchor elsewhere, a flow mapping for the whole document).
	if block := sourceBlock(data); block == nil || yaml.Unmarshal(block, &doc) != nil || doc.Source.ID == "" {
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return graph.Source{}, fmt.Errorf("facts file %q: %w", path, err)
		}
	}
	if doc.Source.ID == "" {
		return graph.Source{}, fmt.Errorf("facts file %q has no source id; check it with factgraph validate", path)
	}
	return graph.Source{ID: doc.Source.ID, Text: doc.Source.Text}, nil
}

// sourceBlock returns the lines of data from a line "source:" at the start of a line up to
// the next line that starts another top-level key, or nil when there is no such line.
func sourceBlock(data []byte) []byte {
	start := -1
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		if start < 0 {
			if bytes.HasPrefix(line, []byte("source:")) {
				start = off
			}
		} else if len(line) > 0 && line[0] != ' ' && line[0] != '\t' && line[0] != '#' && line[0] != '\r' {
			return data[start:off]
		}
		off += end + 1
	}
	if start < 0 {
		return nil
	}
	return data[start:]
}
