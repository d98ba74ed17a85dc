// Package aif writes the argument a view holds as AIF-JSON, the Argument Interchange Format
// in the JSON form AIFdb (https://aifdb.org) serves and OVA (https://ova.arg.tech) opens:
//
//	{"nodes": [{"nodeID", "text", "type", "timestamp"}],
//	 "edges": [{"edgeID", "fromID", "toID", "formEdgeID"}],
//	 "locutions": [{"nodeID", "personID", "timestamp", "source"}],
//	 "participants": [{"participantID", "firstname", "surname"}]}
//
// The mapping (docs/export.md tells it to users):
//
//   - each claim and counterclaim is an I-node (a proposition), its text what it says;
//   - each counters edge is a CA-node ("Default Conflict"): counterclaim -> CA -> what it
//     counters;
//   - each supports edge is an RA-node ("Default Inference"): premise -> RA -> conclusion;
//   - who asserts it is an L-node (a locution) per quote, "Speaker: quote" ("Speaker: says"
//     when the item has no quote), tied to its I-node by a YA-node ("Asserting"): L -> YA ->
//     I. The locution names the participant and the sources that state the item;
//   - each party that asserts something is a participant.
//
// In the stances view, which holds parties and counters and supports edges between them,
// each party is an I-node standing for its assertions, without a locution. The parties
// view holds no argument: its AIF has no nodes.
//
// Ids are numbers written as strings, from "1", in the order written: each statement in
// the view's order followed by its locutions, then the relations in the view's edge order,
// so the same view gives the same bytes. A timestamp is the item's date at the start of
// its period ("2019-06" gives "2019-06-01 00:00:00"), or "" for an undated item, as
// AIF readers write an unknown time.
package aif

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name:        "aif",
		Exts:        []string{"aif.json"},
		Description: "AIF-JSON argument map, for AIFdb and OVA",
		Write:       Write,
	})
}

// Node types and the texts of scheme nodes, as OVA names them.
const (
	TypeI  = "I"  // information: a proposition
	TypeL  = "L"  // locution: something said
	TypeYA = "YA" // illocution: how a locution asserts a proposition
	TypeRA = "RA" // inference: premise to conclusion
	TypeCA = "CA" // conflict: attacker to target

	TextYA = "Asserting"
	TextRA = "Default Inference"
	TextCA = "Default Conflict"
)

// Node, Edge, Locution and Participant are the records of an AIF-JSON document, their
// fields in the order AIFdb writes them.
type Node struct {
	NodeID    string `json:"nodeID"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Timestamp string `json:"timestamp"`
}

type Edge struct {
	EdgeID     string  `json:"edgeID"`
	FromID     string  `json:"fromID"`
	ToID       string  `json:"toID"`
	FormEdgeID *string `json:"formEdgeID"` // always null
}

type Locution struct {
	NodeID    string `json:"nodeID"`
	PersonID  string `json:"personID"`
	Timestamp string `json:"timestamp"`
	Source    string `json:"source"` // the ids of the sources that state the item, comma-separated
}

type Participant struct {
	ParticipantID string `json:"participantID"`
	Firstname     string `json:"firstname"`
	Surname       string `json:"surname"`
}

// Document is a whole AIF-JSON document.
type Document struct {
	Nodes        []Node        `json:"nodes"`
	Edges        []Edge        `json:"edges"`
	Locutions    []Locution    `json:"locutions"`
	Participants []Participant `json:"participants"`
}

// Timestamp writes a date as AIF does: the start of its period, or "" for no date.
func Timestamp(d graph.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Start().Format("2006-01-02 15:04:05")
}

// SplitName splits a party's name into AIF's firstname and surname at its first space,
// so that firstname + " " + surname gives the name back; a name of one word is all
// firstname.
func SplitName(name string) (firstname, surname string) {
	first, rest, ok := strings.Cut(name, " ")
	if !ok {
		return name, ""
	}
	return first, rest
}

// Convert maps the argument of a view to an AIF document.
func Convert(g *export.Graph) *Document {
	m := export.Arguments(g)
	d := &Document{Nodes: []Node{}, Edges: []Edge{}, Locutions: []Locution{}, Participants: []Participant{}}
	next := 0
	id := func() string { next++; return strconv.Itoa(next) }
	edges := 0
	link := func(from, to string) {
		edges++
		d.Edges = append(d.Edges, Edge{EdgeID: strconv.Itoa(edges), FromID: from, ToID: to})
	}
	person := map[string]string{} // party id -> participant id
	iNode := make([]string, len(m.Statements))
	for i, s := range m.Statements {
		n := s.Node
		ts := Timestamp(n.Date)
		iNode[i] = id()
		d.Nodes = append(d.Nodes, Node{NodeID: iNode[i], Text: n.Label, Type: TypeI, Timestamp: ts})
		if s.Speaker == nil {
			continue
		}
		pid, ok := person[s.Speaker.ID]
		if !ok {
			pid = strconv.Itoa(len(person) + 1)
			person[s.Speaker.ID] = pid
			first, sur := SplitName(s.Speaker.Label)
			d.Participants = append(d.Participants, Participant{ParticipantID: pid, Firstname: first, Surname: sur})
		}
		said := n.Quotes
		if len(said) == 0 {
			said = []string{n.Label}
		}
		for _, q := range said {
			l, ya := id(), id()
			d.Nodes = append(d.Nodes,
				Node{NodeID: l, Text: s.Speaker.Label + ": " + q, Type: TypeL, Timestamp: ts},
				Node{NodeID: ya, Text: TextYA, Type: TypeYA, Timestamp: ts})
			link(l, ya)
			link(ya, iNode[i])
			d.Locutions = append(d.Locutions, Locution{NodeID: l, PersonID: pid, Timestamp: ts, Source: strings.Join(n.Sources, ",")})
		}
	}
	for _, r := range m.Relations {
		typ, text := TypeRA, TextRA
		if r.Edge.Kind == export.RoleCounters {
			typ, text = TypeCA, TextCA
		}
		s := id()
		d.Nodes = append(d.Nodes, Node{NodeID: s, Text: text, Type: typ, Timestamp: Timestamp(m.Statements[r.From].Node.Date)})
		link(iNode[r.From], s)
		link(s, iNode[r.To])
	}
	return d
}

// Write writes the argument of g as an AIF-JSON document: one record a line, in the order
// Convert gives them.
func Write(w io.Writer, g *export.Graph) error {
	d := Convert(g)
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var err error
	put := func(s string) {
		if err == nil {
			_, err = bw.WriteString(s)
		}
	}
	list := func(key string, n int, item func(i int) any, last bool) {
		put("  \"" + key + "\": [")
		for i := 0; i < n; i++ {
			buf.Reset()
			if e := enc.Encode(item(i)); e != nil && err == nil {
				err = e
			}
			if i > 0 {
				put(",")
			}
			put("\n    " + strings.TrimSuffix(buf.String(), "\n"))
		}
		if n > 0 {
			put("\n  ")
		}
		if last {
			put("]\n")
		} else {
			put("],\n")
		}
	}
	put("{\n")
	list("nodes", len(d.Nodes), func(i int) any { return d.Nodes[i] }, false)
	list("edges", len(d.Edges), func(i int) any { return d.Edges[i] }, false)
	list("locutions", len(d.Locutions), func(i int) any { return d.Locutions[i] }, false)
	list("participants", len(d.Participants), func(i int) any { return d.Participants[i] }, true)
	put("}\n")
	if err == nil {
		err = bw.Flush()
	}
	return err
}
