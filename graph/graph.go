package graph

// Graph is the merged view of everything a store holds, over all its sources: each party or
// agreement once however many sources state it, each list sorted (items by id, relations by
// from, type, to) so that whatever reads it gets the same order every time. Items carry the
// ids of the sources that state them in their Sources field.
type Graph struct {
	Sources       []Source
	Parties       []Party
	Agreements    []Agreement
	Events        []Event
	Obligations   []Obligation
	Claims        []Claim // Kind == KindClaim
	Counterclaims []Claim // Kind == KindCounterclaim
	Relations     []Relation
}

// ItemInfo is what a store knows of an id without loading the whole item: enough for a
// reader to check a reference into the store, and for messages.
type ItemInfo struct {
	ID      string
	Kind    string   // KindParty, KindAgreement, ...
	Type    string   // a party's or agreement's kind ("state", "treaty"); "" otherwise
	Name    string   // a party's, agreement's or event's name; "" otherwise
	Sources []string // ids of the sources that state it, sorted
}
