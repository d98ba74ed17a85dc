package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits on what one file may make the reader do. See the package doc.
const (
	// MaxFileSize is the largest facts file read, in bytes.
	MaxFileSize = 16 << 20
	// MaxAliasNodes is how many YAML nodes the aliases of one file may add when expanded.
	MaxAliasNodes = 100_000
	// MaxAliasBytes is how many bytes of text the aliases of one file may add when
	// expanded: a few nodes may each name a string of megabytes.
	MaxAliasBytes = 16 << 20
)

var yamlLineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decodeYAML reads the one YAML document of a file into a node tree, without resolving
// tags (dates and numbers stay as written) and without expanding aliases.
func (p *parser) decodeYAML(data []byte) *yaml.Node {
	if len(data) > MaxFileSize {
		p.problem(pos{}, nil, fmt.Sprintf("file is larger than the limit of %d bytes (16 MiB); split it into one file per source", MaxFileSize))
		return nil
	}
	// The YAML reader accepts a BOM, but only where it also sees the encoding; drop it so
	// every UTF-8 file reads the same.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.problem(pos{1, 1}, nil, `empty file; a facts file starts with "factgraph: 1"`)
			return nil
		}
		p.yamlError(err, data)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		p.problem(pos{extra.Line, extra.Column}, nil, "a second YAML document; a facts file holds one document, so split it into files")
	} else if !errors.Is(err, io.EOF) {
		p.yamlError(err, data)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			p.problem(pos{1, 1}, nil, `empty file; a facts file starts with "factgraph: 1"`)
			return nil
		}
		root = root.Content[0]
	}
	if !p.checkAliases(root) {
		return nil
	}
	return root
}

// yamlError turns a YAML syntax error in data into a problem, at the token at fault
// (syntaxAt) and, for the common mistakes, saying what to write instead (syntaxFix). When
// the token cannot be found, the position is the line the YAML reader gives, column 1.
func (p *parser) yamlError(err error, data []byte) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	line, col := 1, 1
	if m := yamlLineErr.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if l, c, ok := syntaxAt(data); ok {
		line, col = l, c
	}
	if fix, c := syntaxFix(data, line, col, msg); fix != "" {
		msg, col = fix, c
	}
	p.problem(pos{line, col}, err, "invalid YAML: "+msg)
}

// checkAliases rejects a document whose aliases would expand to more than MaxAliasNodes
// nodes or MaxAliasBytes bytes of text, or that uses an alias inside the node it names,
// before anything walks it. It reports at the alias where a bound is crossed.
func (p *parser) checkAliases(root *yaml.Node) bool {
	// size is what a node expands to: its nodes and the bytes of its text (keys and
	// values), each capped just over its bound.
	type size struct{ nodes, bytes int }
	inProgress := size{-1, -1}
	over := size{MaxAliasNodes + 1, MaxAliasBytes + 1}
	sizes := map[*yaml.Node]size{}
	var cycle bool
	var sizeOf func(n *yaml.Node) size
	sizeOf = func(n *yaml.Node) size {
		if n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				return size{1, 0}
			}
			n = n.Alias
		}
		switch s, ok := sizes[n]; {
		case ok && s == inProgress:
			cycle = true
			return over
		case ok:
			return s
		}
		sizes[n] = inProgress
		s := size{1, min(len(n.Value), over.bytes)}
		for _, c := range n.Content {
			cs := sizeOf(c)
			s.nodes = min(s.nodes+cs.nodes, over.nodes)
			s.bytes = min(s.bytes+cs.bytes, over.bytes)
		}
		sizes[n] = s
		return s
	}
	var extra size
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if !ok {
			return
		}
		if n.Kind == yaml.AliasNode {
			cycle = false
			s := sizeOf(n)
			extra.nodes += s.nodes
			extra.bytes += s.bytes
			switch {
			case cycle:
				p.problem(pos{n.Line, n.Column}, nil, fmt.Sprintf("alias %q is used inside the node it names; YAML aliases must not refer to themselves", "*"+n.Value))
				ok = false
			case extra.nodes > MaxAliasNodes:
				p.problem(pos{n.Line, n.Column}, nil, fmt.Sprintf("YAML aliases expand to more than %d nodes; write the items out or use fewer aliases", MaxAliasNodes))
				ok = false
			case extra.bytes > MaxAliasBytes:
				p.problem(pos{n.Line, n.Column}, nil, fmt.Sprintf("YAML aliases expand to more than %d bytes (16 MiB) of text; write the items out or alias shorter text", MaxAliasBytes))
				ok = false
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return ok
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func at(n *yaml.Node) pos { return pos{n.Line, n.Column} }

// describe names a node's YAML type for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.AliasNode:
		return "an alias to nothing"
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// pair is one key and its value in a YAML map.
type pair struct {
	key, val *yaml.Node
	name     string
}

// pairs lists a map's keys and values, reporting duplicate keys and keys that are not plain
// text. Merge keys ("<<: *base") bring in the keys of the named maps that the map does not
// set itself.
func (p *parser) pairs(n *yaml.Node) []pair {
	var out []pair
	seen := map[string]*yaml.Node{}
	var merged []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		rk := resolve(k)
		if rk.Kind != yaml.ScalarNode {
			p.problem(at(k), nil, "a key must be plain text, not "+describe(rk))
			continue
		}
		if rk.Tag == "!!merge" || (rk.Value == "<<" && rk.Style == 0) {
			merged = append(merged, v)
			continue
		}
		if first, ok := seen[rk.Value]; ok {
			p.problem(at(k), nil, fmt.Sprintf("duplicate key %q; it is already set at %s", rk.Value, at(first)))
			continue
		}
		seen[rk.Value] = k
		out = append(out, pair{key: k, val: v, name: rk.Value})
	}
	for _, m := range merged {
		rm := resolve(m)
		var maps []*yaml.Node
		switch rm.Kind {
		case yaml.MappingNode:
			maps = []*yaml.Node{rm}
		case yaml.SequenceNode:
			for _, c := range rm.Content {
				maps = append(maps, resolve(c))
			}
		}
		for _, mm := range maps {
			if mm.Kind != yaml.MappingNode {
				p.problem(at(m), nil, "a merge key \"<<\" must name a map or a list of maps, not "+describe(mm))
				continue
			}
			for _, pr := range p.pairs(mm) {
				if _, ok := seen[pr.name]; ok {
					continue
				}
				seen[pr.name] = pr.key
				out = append(out, pr)
			}
		}
	}
	return out
}
