package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// SupportedVersions lists the facts-format versions this reader accepts.
var SupportedVersions = []string{"1"}

// MaxIDLength is the longest id, in characters.
const MaxIDLength = 64

// validID says whether s is an id: lower-case ASCII letters and digits in words joined by
// single hyphens, as the pattern ^[a-z0-9]+(-[a-z0-9]+)*$ says. It is a loop rather than a
// regular expression because every id and reference of every file passes through it: the
// expression took a fifth of the checks' time outside YAML decoding.
func validID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

var (
	topKeys       = []string{"factgraph", "source", "parties", "agreements", "events", "obligations", "claims", "counterclaims", "relations"}
	evidenceKeys  = []string{"quote", "section", "note"}
	sourceKeys    = withEvidence("id", "title", "published", "author", "publisher", "url", "text")
	partyKeys     = withEvidence("id", "name", "kind", "aliases", "role", "member_of", "description")
	agreementKeys = withEvidence("id", "name", "kind", "parties", "signed", "in_force", "revises", "description")
	eventKeys     = withEvidence("id", "name", "date", "involves", "description")
	obligKeys     = withEvidence("id", "bearer", "beneficiary", "duty", "under", "condition", "status", "since", "until")
	claimKeys     = withEvidence("id", "by", "says", "about", "counters", "supports", "date")
	relationKeys  = withEvidence("from", "type", "to", "since", "until")
)

func withEvidence(keys ...string) []string { return append(keys, evidenceKeys...) }

// Kinds of item a reference may name; nil accepts any item.
var (
	acceptParty     = []string{graph.KindParty}
	acceptAgreement = []string{graph.KindAgreement}
	acceptClaim     = []string{graph.KindClaim, graph.KindCounterclaim}
	acceptAny       []string
)

// def is an id a file defines.
type def struct {
	id   string
	kind string // graph.KindParty, ...
	typ  string // a party's or agreement's kind
	name string // a party's, agreement's or event's name
	at   pos
}

// ref is an id a field names.
type ref struct {
	id     string
	field  string
	accept []string
	at     pos
}

// parsed is one file read and checked on its own, with what the cross-file checks need.
type parsed struct {
	name     string
	facts    *graph.Facts
	probs    Problems
	defs     []def // in file order
	refs     []ref // references not defined in the file itself
	sourceAt pos   // position of source.id
}

type parser struct {
	file     string
	probs    Problems
	readText func(string) ([]byte, error)
	text     string // folded source text, when source.text was read
	hasText  bool
	textPath string

	facts   *graph.Facts
	defs    []def
	byID    map[string]def
	refs    []ref
	relSeen map[[3]string]int
	srcAt   pos
}

func (p *parser) problem(at pos, err error, msg string) {
	p.probs = append(p.probs, &Problem{File: p.file, Line: at.line, Column: at.col, Msg: msg, Err: err})
}

// Parse reads the facts file named name from data and checks everything that needs only this
// file: the YAML, keys, types, ids, dates, kinds, quotes, and references to ids the file
// defines itself. References to ids it does not define are left to Load, which knows the
// other files and the store. readText reads the source.text path as written in the file
// (relative to the facts file); when it is nil, quotes are not checked against a text. The
// problems come back sorted; the facts are nil when there is any.
func Parse(name string, data []byte, readText func(path string) ([]byte, error)) (*graph.Facts, Problems) {
	pf := parseFile(name, data, readText)
	if len(pf.probs) > 0 {
		return nil, pf.probs
	}
	return pf.facts, nil
}

func parseFile(name string, data []byte, readText func(string) ([]byte, error)) *parsed {
	p := &parser{file: name, readText: readText, facts: &graph.Facts{}, byID: map[string]def{}, relSeen: map[[3]string]int{}}
	if root := p.decodeYAML(data); root != nil {
		p.top(root)
	}
	p.resolveLocal()
	return &parsed{name: name, facts: p.facts, probs: sortProblems(p.probs), defs: p.defs, refs: p.refs, sourceAt: p.srcAt}
}

// top reads the top-level map: the version first, then the source (whose text the quotes of
// every item are checked against), then the lists.
func (p *parser) top(root *yaml.Node) {
	if root.Kind != yaml.MappingNode {
		p.problem(at(root), nil, `a facts file must be a map of keys and values, starting with "factgraph: 1"; not `+describe(root))
		return
	}
	top := p.item(root, "the file", "", topKeys)
	p.version(top)
	p.source(top)
	p.list(top, "parties", func(n *yaml.Node, what string) { p.party(n, what) })
	p.list(top, "agreements", func(n *yaml.Node, what string) { p.agreement(n, what) })
	p.list(top, "events", func(n *yaml.Node, what string) { p.event(n, what) })
	p.list(top, "obligations", func(n *yaml.Node, what string) { p.obligation(n, what) })
	p.list(top, "claims", func(n *yaml.Node, what string) { p.claim(n, what, graph.KindClaim) })
	p.list(top, "counterclaims", func(n *yaml.Node, what string) { p.claim(n, what, graph.KindCounterclaim) })
	p.list(top, "relations", func(n *yaml.Node, what string) { p.relation(n, what) })
}

func (p *parser) version(top *item) {
	pr, ok := top.vals["factgraph"]
	if !ok {
		p.problem(at(top.node), nil, `missing "factgraph" in the file; add "factgraph: 1" at the top`)
		return
	}
	v := resolve(pr.val)
	switch {
	case v.Kind != yaml.ScalarNode || isNull(v):
		p.problem(at(v), nil, fmt.Sprintf("\"factgraph\" must be the format version, not %s; supported versions: %s", describe(v), strings.Join(SupportedVersions, ", ")))
	case !slices.Contains(SupportedVersions, v.Value):
		p.problem(at(v), nil, fmt.Sprintf("unsupported format version %q; supported versions: %s", v.Value, strings.Join(SupportedVersions, ", ")))
	}
}

func (p *parser) list(top *item, key string, read func(n *yaml.Node, what string)) {
	v := top.value(key)
	if v == nil {
		return
	}
	if v.Kind != yaml.SequenceNode {
		p.problem(at(v), nil, fmt.Sprintf("%q must be a list of items (each starting with \"- \"), not %s", key, describe(v)))
		return
	}
	for i, n := range v.Content {
		read(n, fmt.Sprintf("item %d of %q", i+1, key))
	}
}

func (p *parser) source(top *item) {
	pr, ok := top.vals["source"]
	if !ok {
		p.problem(at(top.node), nil, `missing "source" in the file; add the document the facts come from, with its "id" and "title"`)
		return
	}
	it := p.item(pr.val, "the source", graph.KindSource, sourceKeys)
	if it == nil {
		return
	}
	s := &p.facts.Source
	if v := it.value("id"); v == nil {
		it.missing("id")
	} else if v.Kind != yaml.ScalarNode {
		p.problem(at(v), nil, "\"id\" in the source must be an id, not "+describe(v))
	} else if p.checkID(v, "id") {
		s.ID, p.srcAt = v.Value, at(v)
	}
	s.Title = it.text("title", true)
	s.Published = it.date("published", false)
	s.Author = it.text("author", false)
	s.Publisher = it.text("publisher", false)
	s.URL = it.text("url", false)
	s.Text = it.text("text", false)
	if s.Text != "" && p.readText != nil {
		data, err := p.readText(s.Text)
		var refused *TextError
		switch {
		case errors.As(err, &refused):
			p.problem(at(it.value("text")), err, refused.Error())
		case err != nil:
			p.problem(at(it.value("text")), err, fmt.Sprintf("cannot read source text %q: %v; fix the path, which is relative to the facts file", s.Text, err))
		default:
			p.text, p.hasText, p.textPath = fold(string(data)), true, s.Text
		}
	}
	s.Evidence = it.evidence("the source")
}

func (p *parser) party(n *yaml.Node, what string) {
	it := p.item(n, what, graph.KindParty, partyKeys)
	if it == nil {
		return
	}
	var x graph.Party
	x.Name = it.text("name", true)
	if it.value("kind") == nil {
		it.missing("kind")
	} else {
		x.Kind = it.enum("kind", "party kind", graph.PartyKinds)
	}
	x.ID = p.define(it, graph.KindParty, x.Kind, x.Name)
	x.Aliases = it.texts("aliases", false)
	x.Role = it.text("role", false)
	x.MemberOf = it.ids("member_of", acceptParty)
	if x.ID != "" && slices.Contains(x.MemberOf, x.ID) {
		p.problem(at(it.vals["member_of"].key), nil, fmt.Sprintf("%s names itself in \"member_of\"", it.what))
	}
	x.Description = it.text("description", false)
	x.Evidence = it.evidence(it.what)
	p.facts.Parties = append(p.facts.Parties, x)
}

func (p *parser) agreement(n *yaml.Node, what string) {
	it := p.item(n, what, graph.KindAgreement, agreementKeys)
	if it == nil {
		return
	}
	var x graph.Agreement
	x.Name = it.text("name", true)
	x.Kind = it.enum("kind", "agreement kind", graph.AgreementKinds)
	x.ID = p.define(it, graph.KindAgreement, x.Kind, x.Name)
	x.Parties = it.ids("parties", acceptParty)
	if v := it.value("parties"); v == nil || (v.Kind == yaml.SequenceNode && len(v.Content) == 0) {
		where := at(it.node)
		if pr, ok := it.vals["parties"]; ok {
			where = at(pr.key)
		}
		p.problem(where, nil, fmt.Sprintf("%s needs at least one party in \"parties\"", it.what))
	}
	x.Signed = it.date("signed", false)
	x.InForce = it.date("in_force", false)
	x.Revises = it.id("revises", false, acceptAgreement)
	if x.ID != "" && x.Revises == x.ID {
		p.problem(at(it.value("revises")), nil, fmt.Sprintf("%s revises itself; \"revises\" names the earlier agreement", it.what))
	}
	x.Description = it.text("description", false)
	x.Evidence = it.evidence(it.what)
	p.facts.Agreements = append(p.facts.Agreements, x)
}

func (p *parser) event(n *yaml.Node, what string) {
	it := p.item(n, what, graph.KindEvent, eventKeys)
	if it == nil {
		return
	}
	var x graph.Event
	x.Name = it.text("name", true)
	x.ID = p.define(it, graph.KindEvent, "", x.Name)
	x.Date = it.date("date", true)
	x.Involves = it.ids("involves", acceptAny)
	x.Description = it.text("description", false)
	x.Evidence = it.evidence(it.what)
	p.facts.Events = append(p.facts.Events, x)
}

func (p *parser) obligation(n *yaml.Node, what string) {
	it := p.item(n, what, graph.KindObligation, obligKeys)
	if it == nil {
		return
	}
	var x graph.Obligation
	x.ID = p.define(it, graph.KindObligation, "", "")
	x.Bearer = it.id("bearer", true, acceptParty)
	x.Beneficiary = it.id("beneficiary", true, acceptParty)
	x.Duty = it.text("duty", true)
	x.Under = it.id("under", false, acceptAgreement)
	x.Condition = it.text("condition", false)
	x.Status = it.enum("status", "obligation status", graph.ObligationStatuses)
	x.Since = it.date("since", false)
	x.Until = it.date("until", false)
	x.Evidence = it.evidence(it.what)
	p.facts.Obligations = append(p.facts.Obligations, x)
}

func (p *parser) claim(n *yaml.Node, what, kind string) {
	it := p.item(n, what, kind, claimKeys)
	if it == nil {
		return
	}
	x := graph.Claim{Kind: kind}
	x.ID = p.define(it, kind, "", "")
	x.By = it.id("by", true, acceptParty)
	x.Says = it.text("says", true)
	x.About = it.ids("about", acceptAny)
	if kind == graph.KindClaim {
		if pr, ok := it.vals["counters"]; ok {
			p.problem(at(pr.key), nil, fmt.Sprintf("%s has \"counters\", which only counterclaims have; move it to \"counterclaims\"", it.what))
		}
	} else {
		x.Counters = it.ids("counters", acceptClaim)
		if v := it.value("counters"); v == nil || (v.Kind == yaml.SequenceNode && len(v.Content) == 0) {
			p.problem(at(it.node), nil, fmt.Sprintf("%s needs \"counters\": the ids of the claims or counterclaims it rebuts", it.what))
		}
	}
	x.Supports = it.ids("supports", acceptClaim)
	x.Date = it.date("date", false)
	x.Evidence = it.evidence(it.what)
	for _, field := range []struct {
		name string
		ids  []string
	}{{"counters", x.Counters}, {"supports", x.Supports}} {
		if x.ID != "" && slices.Contains(field.ids, x.ID) {
			p.problem(at(it.vals[field.name].key), nil, fmt.Sprintf("%s names itself in %q", it.what, field.name))
		}
	}
	if kind == graph.KindCounterclaim {
		p.facts.Counterclaims = append(p.facts.Counterclaims, x)
	} else {
		p.facts.Claims = append(p.facts.Claims, x)
	}
}

func (p *parser) relation(n *yaml.Node, what string) {
	it := p.item(n, what, graph.KindRelation, relationKeys)
	if it == nil {
		return
	}
	var x graph.Relation
	x.From = it.id("from", true, acceptAny)
	x.To = it.id("to", true, acceptAny)
	if v := it.value("type"); v == nil {
		it.missing("type")
	} else if v.Kind != yaml.ScalarNode || !validID(v.Value) || len(v.Value) > MaxIDLength {
		msg := fmt.Sprintf("invalid relation type %s in %s: use a verb phrase in lower-case kebab case, like \"allied-with\"", describe(v), it.what)
		if v.Kind == yaml.ScalarNode {
			if k := suggest.ID(v.Value); k != "" && k != v.Value {
				msg = fmt.Sprintf("invalid relation type %q in %s: use a verb phrase in lower-case kebab case, like %q", v.Value, it.what, k)
			}
		}
		p.problem(at(v), nil, msg)
	} else {
		x.Type = v.Value
	}
	x.Since = it.date("since", false)
	x.Until = it.date("until", false)
	x.Evidence = it.evidence(it.what)
	if x.From == "" || x.Type == "" || x.To == "" {
		return
	}
	key := [3]string{x.From, x.Type, x.To}
	i, ok := p.relSeen[key]
	if !ok {
		p.relSeen[key] = len(p.facts.Relations)
		p.facts.Relations = append(p.facts.Relations, x)
		return
	}
	p.mergeRelation(it, &p.facts.Relations[i], x)
}

// mergeRelation folds a repeated relation into the first: its quotes are added, fields the
// first left empty are filled, and a field both set differently is a problem.
func (p *parser) mergeRelation(it *item, first *graph.Relation, x graph.Relation) {
	for _, q := range x.Quotes {
		if !slices.Contains(first.Quotes, q) {
			first.Quotes = append(first.Quotes, q)
		}
	}
	conflict := func(key, a, b string) {
		p.problem(at(it.vals[key].val), nil, fmt.Sprintf("%s is written twice with different %q (%q and %q); merge the two into one", it.what, key, a, b))
	}
	mergeText := func(key string, dst *string, src string) {
		switch {
		case src == "" || *dst == src:
		case *dst == "":
			*dst = src
		default:
			conflict(key, *dst, src)
		}
	}
	mergeDate := func(key string, dst *graph.Date, src graph.Date) {
		switch {
		case src.IsZero() || *dst == src:
		case dst.IsZero():
			*dst = src
		default:
			conflict(key, dst.String(), src.String())
		}
	}
	mergeDate("since", &first.Since, x.Since)
	mergeDate("until", &first.Until, x.Until)
	mergeText("section", &first.Section, x.Section)
	mergeText("note", &first.Note, x.Note)
}

// resolveLocal checks the references to ids the file defines, and keeps the others for Load.
func (p *parser) resolveLocal() {
	var rest []ref
	for _, r := range p.refs {
		d, ok := p.byID[r.id]
		if !ok {
			rest = append(rest, r)
			continue
		}
		if msg := wrongKind(r, d.kind); msg != "" {
			p.problem(r.at, nil, msg)
		}
	}
	p.refs = rest
}

// wrongKind says what is wrong when a reference names an item of a kind its field does not
// accept, or returns "".
func wrongKind(r ref, kind string) string {
	if kind == graph.KindSource || kind == graph.KindRelation || kind == "" {
		return fmt.Sprintf("wrong kind of item in %s: %q is a %s; want %s", r.field, r.id, kind, acceptName(r.accept))
	}
	if r.accept == nil || slices.Contains(r.accept, kind) {
		return ""
	}
	return fmt.Sprintf("wrong kind of item in %s: %q is %s %s; want %s", r.field, r.id, article(kind), kind, acceptName(r.accept))
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// acceptName names what a field accepts: "a party", "a claim or counterclaim", "an item".
func acceptName(accept []string) string {
	if accept == nil {
		return "an item"
	}
	return article(accept[0]) + " " + strings.Join(accept, " or ")
}

// unknownName names the unknown thing: "party", "claim", "id".
func unknownName(accept []string) string {
	if len(accept) == 0 {
		return "id"
	}
	return accept[0]
}
