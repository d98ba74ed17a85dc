package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// Reading the fields of one item of a facts file: each kind of value (text, date, enum,
// ids), checked where it stands, and the evidence every item may carry.

// item is a YAML map being read as one item, with its keys checked against the allowed set.
type item struct {
	p    *parser
	node *yaml.Node
	vals map[string]pair
	what string // names the item in messages: `party "japan"`, `item 3 of "parties"`
}

func (p *parser) item(n *yaml.Node, what, kind string, allowed []string) *item {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		p.problem(at(n), nil, fmt.Sprintf("%s must be a map of keys and values, not %s", what, describe(n)))
		return nil
	}
	it := &item{p: p, node: n, vals: map[string]pair{}, what: what}
	var unknown []pair
	for _, pr := range p.pairs(n) {
		if !slices.Contains(allowed, pr.name) {
			unknown = append(unknown, pr)
			continue
		}
		it.vals[pr.name] = pr
	}
	it.what = it.name(kind)
	for _, pr := range unknown {
		msg := fmt.Sprintf("unknown key %q in %s%s", pr.name, it.what, didYouMean(pr.name, allowed))
		if kind == graph.KindRelation && pr.name == "id" {
			msg = fmt.Sprintf("unknown key \"id\" in %s: a relation has no id; its from, type and to identify it", it.what)
		}
		p.problem(at(pr.key), nil, msg)
	}
	return it
}

// name names the item in messages by what identifies it, when that is usable.
func (it *item) name(kind string) string {
	word := func(key string) (string, bool) {
		v := it.value(key)
		if v == nil || v.Kind != yaml.ScalarNode || !validID(v.Value) {
			return "", false
		}
		return v.Value, true
	}
	switch kind {
	case "":
		return it.what
	case graph.KindSource:
		return "the source"
	case graph.KindRelation:
		from, ok1 := word("from")
		typ, ok2 := word("type")
		to, ok3 := word("to")
		if ok1 && ok2 && ok3 {
			return fmt.Sprintf("relation %s %s %s", from, typ, to)
		}
		return it.what
	}
	if id, ok := word("id"); ok {
		return fmt.Sprintf("%s %q", kind, id)
	}
	return it.what
}

// value returns the value of key, or nil when the key is absent or empty.
func (it *item) value(key string) *yaml.Node {
	pr, ok := it.vals[key]
	if !ok {
		return nil
	}
	v := resolve(pr.val)
	if isNull(v) {
		return nil
	}
	return v
}

func (it *item) missing(key string) {
	where := at(it.node)
	if pr, ok := it.vals[key]; ok {
		where = at(pr.key)
	}
	it.p.problem(where, nil, fmt.Sprintf("missing %q in %s", key, it.what))
}

// text reads a text value exactly as written: YAML does not turn 1951 or yes into anything.
func (it *item) text(key string, required bool) string {
	v := it.value(key)
	if v == nil {
		if required {
			it.missing(key)
		}
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s must be text, not %s", key, it.what, describe(v)))
		return ""
	}
	if required && strings.TrimSpace(v.Value) == "" {
		it.missing(key)
	}
	if !it.checkText(v, key) {
		return ""
	}
	return v.Value
}

// MaxLabelLength is the longest text, in bytes, of a field that names an item or is drawn
// as its label (labelKeys): Graphviz reads no quoted string longer than 16 KiB, and no
// name needs more.
const MaxLabelLength = 16 << 10

// labelKeys are the fields whose text names an item or is drawn as its label.
var labelKeys = map[string]bool{"name": true, "aliases": true, "title": true, "duty": true, "says": true}

// checkText reports text that no reader of the exports can take: a NUL character in any
// text (DOT, XML and C programs end a string there) and a name or label longer than
// MaxLabelLength.
func (it *item) checkText(v *yaml.Node, key string) bool {
	if i := strings.IndexByte(v.Value, 0); i >= 0 {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s holds a NUL character (\\0) at byte %d; remove it", key, it.what, i+1))
		return false
	}
	if labelKeys[key] && len(v.Value) > MaxLabelLength {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s is %d bytes long; a name or label may be at most %d bytes (16 KiB): shorten it and keep the rest in a note or a quote", key, it.what, len(v.Value), MaxLabelLength))
		return false
	}
	return true
}

func (it *item) date(key string, required bool) graph.Date {
	v := it.value(key)
	if v == nil {
		if required {
			it.missing(key)
		}
		return graph.Date{}
	}
	if v.Kind != yaml.ScalarNode {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not %s", key, it.what, describe(v)))
		return graph.Date{}
	}
	d, err := graph.ParseDate(v.Value)
	if err != nil {
		it.p.problem(at(v), err, fmt.Sprintf("invalid %q in %s: %v", key, it.what, err))
		return graph.Date{}
	}
	if d.Year == 0 {
		// GEXF, GraphML and JSON Schema take dates as XML Schema does, which has no year 0.
		it.p.problem(at(v), nil, fmt.Sprintf("invalid %q in %s: year 0000 is not on the calendar, which goes from 1 BC to AD 1; use 0001 or later", key, it.what))
		return graph.Date{}
	}
	return d
}

func (it *item) enum(key, what string, values []string) string {
	v := it.value(key)
	if v == nil {
		return values[0]
	}
	if v.Kind != yaml.ScalarNode {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s must be one of %s, not %s", key, it.what, strings.Join(values, ", "), describe(v)))
		return ""
	}
	if !slices.Contains(values, v.Value) {
		hint := didYouMean(v.Value, values)
		if hint == "" {
			hint = "; use one of " + strings.Join(values, ", ")
		}
		it.p.problem(at(v), nil, fmt.Sprintf("unknown %s %q in %s%s", what, v.Value, it.what, hint))
		return ""
	}
	return v.Value
}

// texts reads a list of text values; a single text is accepted only when one is allowed.
func (it *item) texts(key string, single bool) []string {
	v := it.value(key)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.ScalarNode && single {
		if !it.checkText(v, key) {
			return nil
		}
		return []string{v.Value}
	}
	if v.Kind != yaml.SequenceNode {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s must be a list, not %s", key, it.what, describe(v)))
		return nil
	}
	var out []string
	for _, c := range v.Content {
		rc := resolve(c)
		if rc.Kind != yaml.ScalarNode || isNull(rc) {
			it.p.problem(at(c), nil, fmt.Sprintf("each entry of %q in %s must be text, not %s", key, it.what, describe(rc)))
			continue
		}
		if !it.checkText(rc, key) {
			continue
		}
		out = append(out, rc.Value)
	}
	return out
}

// id reads one reference.
func (it *item) id(key string, required bool, accept []string) string {
	v := it.value(key)
	if v == nil {
		if required {
			it.missing(key)
		}
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s must be an id, not %s", key, it.what, describe(v)))
		return ""
	}
	if !it.p.checkID(v, key) {
		return ""
	}
	it.p.refs = append(it.p.refs, ref{id: v.Value, field: key, accept: accept, at: at(v)})
	return v.Value
}

// ids reads a list of references, dropping repeats.
func (it *item) ids(key string, accept []string) []string {
	v := it.value(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		it.p.problem(at(v), nil, fmt.Sprintf("%q in %s must be a list of ids, not %s", key, it.what, describe(v)))
		return nil
	}
	var out []string
	for _, c := range v.Content {
		rc := resolve(c)
		if rc.Kind != yaml.ScalarNode || isNull(rc) {
			it.p.problem(at(c), nil, fmt.Sprintf("each entry of %q in %s must be an id, not %s", key, it.what, describe(rc)))
			continue
		}
		if !it.p.checkID(rc, key) {
			continue
		}
		it.p.refs = append(it.p.refs, ref{id: rc.Value, field: key, accept: accept, at: at(c)})
		if !slices.Contains(out, rc.Value) {
			out = append(out, rc.Value)
		}
	}
	return out
}

// checkID reports an id that breaks the id rule.
func (p *parser) checkID(v *yaml.Node, key string) bool {
	s := v.Value
	if n := len([]rune(s)); n > MaxIDLength {
		p.problem(at(v), nil, fmt.Sprintf("id %q in %q is %d characters long; the limit is %d", s, key, n, MaxIDLength))
		return false
	}
	if !validID(s) {
		msg := fmt.Sprintf("invalid id %q in %q: use lower-case letters, digits and single hyphens", s, key)
		if sug := suggest.ID(s); sug != "" && sug != s {
			msg += fmt.Sprintf(", like %q", sug)
		}
		p.problem(at(v), nil, msg)
		return false
	}
	return true
}

// define reads an item's id and records it, reporting a repeat anywhere in the file.
func (p *parser) define(it *item, kind, typ, name string) string {
	v := it.value("id")
	if v == nil {
		it.missing("id")
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		p.problem(at(v), nil, fmt.Sprintf("\"id\" in %s must be an id, not %s", it.what, describe(v)))
		return ""
	}
	if !p.checkID(v, "id") {
		return ""
	}
	id := v.Value
	if first, ok := p.byID[id]; ok {
		p.problem(at(v), nil, fmt.Sprintf("duplicate id %q; it is already the id of %s %q at %s", id, first.kind, id, first.at))
		return ""
	}
	d := def{id: id, kind: kind, typ: typ, name: name, at: at(v)}
	p.byID[id] = d
	p.defs = append(p.defs, d)
	return id
}

// evidence reads quote, section and note, and checks each quote against the source text.
func (it *item) evidence(owner string) graph.Evidence {
	ev := graph.Evidence{Section: it.text("section", false), Note: it.text("note", false)}
	v := it.value("quote")
	if v == nil {
		return ev
	}
	var nodes []*yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		nodes = []*yaml.Node{v}
	case yaml.SequenceNode:
		nodes = v.Content
	default:
		it.p.problem(at(v), nil, fmt.Sprintf("\"quote\" in %s must be text or a list of texts, not %s", it.what, describe(v)))
		return ev
	}
	for _, n := range nodes {
		rn := resolve(n)
		if rn.Kind != yaml.ScalarNode || isNull(rn) {
			it.p.problem(at(n), nil, fmt.Sprintf("each quote in %s must be text, not %s", it.what, describe(rn)))
			continue
		}
		q := rn.Value
		if !it.checkText(rn, "quote") {
			continue
		}
		if strings.TrimSpace(q) == "" {
			it.p.problem(at(n), nil, fmt.Sprintf("empty quote in %s; remove it or copy the words from the source", it.what))
			continue
		}
		if it.p.hasText && !strings.Contains(it.p.text, fold(q)) {
			it.p.problem(at(n), nil, fmt.Sprintf("quote of %s not found in source text %q: %q", owner, it.p.textPath, q))
		}
		if !slices.Contains(ev.Quotes, q) {
			ev.Quotes = append(ev.Quotes, q)
		}
	}
	return ev
}
