package graph

// Item kinds: the sections of a facts file, one word each. They name what an id refers to.
const (
	KindSource       = "source"
	KindParty        = "party"
	KindAgreement    = "agreement"
	KindEvent        = "event"
	KindObligation   = "obligation"
	KindClaim        = "claim"
	KindCounterclaim = "counterclaim"
	KindRelation     = "relation"
)

// Party kinds.
var PartyKinds = []string{"state", "person", "organization", "alliance", "group"}

// Agreement kinds; the first is the default.
var AgreementKinds = []string{"treaty", "agreement", "declaration", "communique", "law"}

// Obligation statuses; the first is the default.
var ObligationStatuses = []string{"in-force", "absent", "demanded", "disputed"}

// Evidence is what any item may carry to say where it comes from.
type Evidence struct {
	Quotes  []string // verbatim excerpts of the source, in the order curated
	Section string   // heading of the source section
	Note    string   // free text
}

// Source is the document the facts of one file come from.
type Source struct {
	ID        string
	Title     string
	Published Date
	Author    string
	Publisher string
	URL       string
	Text      string // path of a plain-text copy, as written in the facts file
	Evidence
}

// Party is an actor: a state, person, organization, alliance or group.
type Party struct {
	ID          string
	Name        string
	Kind        string
	Aliases     []string
	Role        string
	MemberOf    []string // party ids
	Description string
	Evidence
	// Sources lists the ids of the sources that state this party, sorted. It is set on
	// items read back from a store (a party may be stated by many sources), not by the reader.
	Sources []string
}

// Agreement is a treaty or other instrument between parties.
type Agreement struct {
	ID          string
	Name        string
	Kind        string
	Parties     []string // party ids
	Signed      Date
	InForce     Date
	Revises     string // agreement id
	Description string
	Evidence
	Sources []string
}

// Event is a dated happening.
type Event struct {
	ID          string
	Name        string
	Date        Date
	Involves    []string // ids of any kind
	Description string
	Evidence
	Sources []string
}

// Obligation is a duty a bearer owes a beneficiary, usually under an agreement. An absent
// obligation (Status "absent") records that the text says there is no such duty.
type Obligation struct {
	ID          string
	Bearer      string // party id
	Beneficiary string // party id
	Duty        string
	Under       string // agreement id
	Condition   string
	Status      string // one of ObligationStatuses; "in-force" when not written
	Since       Date
	Until       Date
	Evidence
	Sources []string
}

// Claim is an assertion a party makes. A counterclaim is a Claim whose Counters is not
// empty; the two live in different sections of a facts file and are told apart by Kind.
type Claim struct {
	ID       string
	Kind     string // KindClaim or KindCounterclaim
	By       string // party id
	Says     string
	About    []string // ids of any kind
	Counters []string // claim or counterclaim ids; counterclaims only
	Supports []string // claim or counterclaim ids
	Date     Date
	Evidence
	Sources []string
}

// Relation is any other typed edge between two items. It has no id of its own: From, Type
// and To identify it.
type Relation struct {
	From  string
	Type  string
	To    string
	Since Date
	Until Date
	Evidence
	Sources []string
}

// Facts is everything curated from one source document: one facts file.
type Facts struct {
	Source        Source
	Parties       []Party
	Agreements    []Agreement
	Events        []Event
	Obligations   []Obligation
	Claims        []Claim // Kind == KindClaim
	Counterclaims []Claim // Kind == KindCounterclaim
	Relations     []Relation
}

// Key identifies a relation among a graph's relations: its from, type and to, joined by "/".
func (r Relation) Key() string { return r.From + "/" + r.Type + "/" + r.To }
