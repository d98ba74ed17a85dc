// Package synth generates synthetic corpora of curated-facts files (format version 1, see
// docs/facts-format.md) for benchmarks and scale tests.
//
// A corpus is a directory of articles. Each article is a facts file (NAME.yaml) and the plain
// text it was "curated" from (NAME.txt, named by source.text), so reading the corpus also
// exercises quote verification: every quote occurs in the text, some across a line break and
// some with a typographic apostrophe in the text and a plain one in the quote.
//
// Parties and agreements are drawn from shared pools, so the articles merge into one
// connected graph: pool items are defined identically in every file that uses them, and
// consecutive articles always share a party. Every other id starts with the article's id, so
// it is unique across the corpus.
//
// Output is deterministic: the same seed gives the same bytes, and article i is the same
// whatever the size of the corpus, so a 1k corpus is the first tenth of a 10k one.
package synth
