// Package schema holds the JSON Schema of the facts-file format, version 1
// (factgraph-v1.schema.json), which editors use for completion and hovers, and checks a
// YAML facts file against it.
//
// The schema checks the shape of one file: keys, required fields, kinds, the id and date
// patterns. It cannot check what needs the whole file, other files or the source text (ids
// unique across lists, references, dates on the calendar, quotes): package ingest does.
// The guide to the format, and how to point an editor at the schema, is
// docs/facts-format.md.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// JSON is the schema document, draft 2020-12.
//
//go:embed factgraph-v1.schema.json
var JSON []byte

// ID is the schema's $id.
const ID = "https://github.com/factgraph/factgraph/schema/factgraph-v1.schema.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON))
	if err != nil {
		return nil, fmt.Errorf("read the facts schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(ID, doc); err != nil {
		return nil, fmt.Errorf("load the facts schema: %w", err)
	}
	s, err := c.Compile(ID)
	if err != nil {
		return nil, fmt.Errorf("compile the facts schema: %w", err)
	}
	return s, nil
})

// ValidateYAML checks one YAML facts file against the schema, reading its values the way a
// YAML editor does (1951 is a number, 1951-09-08 a string). The error lists every place that
// breaks the schema; it is a *jsonschema.ValidationError when the file was read.
func ValidateYAML(data []byte) error {
	s, err := compiled()
	if err != nil {
		return err
	}
	v, err := FromYAML(data)
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// FromYAML reads one YAML document into the values JSON would hold: maps with text keys,
// lists, strings, numbers, booleans and null. Scalars keep the type their YAML tag gives
// them, except that dates and timestamps stay the text written (1951-09-08 is a string, not
// a time). Anchors, aliases and merge keys are expanded; a document whose aliases add more
// than maxAliasNodes nodes, or that nests deeper than maxDepth, is refused.
func FromYAML(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("read YAML: %w", err)
	}
	var root *yaml.Node
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	c := &converter{}
	v, err := c.value(root, 0)
	if err != nil {
		return nil, fmt.Errorf("convert YAML to JSON: %w", err)
	}
	// A round trip through encoding/json leaves only the types JSON has (json.Number for
	// numbers), which is what the schema validator expects.
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("convert YAML to JSON: %w", err)
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

// The same bound on alias expansion as the validator's (ingest.MaxAliasNodes), so that an
// alias bomb costs little here too.
const (
	maxAliasNodes = 100_000
	maxDepth      = 10_000
)

var errTooBig = errors.New("the YAML aliases expand to too many nodes, or nest too deep")

type converter struct {
	aliased int // nodes reached through aliases
	inAlias int // how many aliases the walk is inside
}

func (c *converter) value(n *yaml.Node, depth int) (any, error) {
	if n == nil {
		return nil, nil
	}
	if c.inAlias > 0 {
		c.aliased++
	}
	if c.aliased > maxAliasNodes || depth > maxDepth {
		return nil, errTooBig
	}
	switch n.Kind {
	case yaml.AliasNode:
		c.inAlias++
		defer func() { c.inAlias-- }()
		return c.value(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			v, err := c.value(e, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		if err := c.mapping(n, out, depth); err != nil {
			return nil, err
		}
		return out, nil
	case yaml.ScalarNode:
		return scalar(n)
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}

// mapping adds n's keys to out; keys set in n win over those merged in with "<<".
func (c *converter) mapping(n *yaml.Node, out map[string]any, depth int) error {
	var merged []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		for k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: a map key must be text", k.Line)
		}
		if k.Tag == "!!merge" {
			merged = append(merged, v)
			continue
		}
		val, err := c.value(v, depth+1)
		if err != nil {
			return err
		}
		out[k.Value] = val
	}
	for _, m := range merged {
		for m.Kind == yaml.AliasNode && m.Alias != nil {
			m = m.Alias
		}
		maps := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			maps = m.Content
		}
		for _, mm := range maps {
			for mm.Kind == yaml.AliasNode && mm.Alias != nil {
				mm = mm.Alias
			}
			if mm.Kind != yaml.MappingNode {
				return fmt.Errorf("line %d: a merge key must name a map", m.Line)
			}
			extra := map[string]any{}
			if err := c.mapping(mm, extra, depth+1); err != nil {
				return err
			}
			for k, v := range extra {
				if _, ok := out[k]; !ok {
					out[k] = v
				}
			}
		}
	}
	return nil
}

func scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, err
		}
		if f, ok := v.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
			return n.Value, nil
		}
		return v, nil
	}
	return n.Value, nil
}
