// Package ingest reads curated-fact files and validates them, turning each into a
// graph.Facts. It implements version 1 of the facts format, specified in
// shared/spec/facts-format.md ("The curated-facts file, version 1").
//
// Parse checks one file on its own; Load reads several files together, resolves references
// across them and into a store (through Known), and reports every problem of every file as
// Problems, one "FILE:LINE:COLUMN: message" a line, at the offending key or value. Coverage
// lists the sentences of a source text that no quote covers.
//
// # Choices where the spec is silent
//
//   - Source id: follows the item id rule (lower-case kebab case, at most 64 characters).
//     Source ids are a namespace of their own: a source may share its id with an item.
//   - Empty values: a key with no value (`note:` or `note: ~`) counts as not written; for a
//     required key that is an error ("missing ..."). Required text that is only white space
//     is missing too. Text is kept exactly as written (not trimmed).
//   - Text fields take any plain YAML value as written: `name: 1951` is the text "1951",
//     `title: yes` is "yes". Dates are read from the literal text, never converted by YAML.
//     No text may hold a NUL character, and a name or label (name, aliases, title, duty,
//     says) may be at most MaxLabelLength bytes: exports and Graphviz cannot carry them.
//     Year 0000 is not a date: the calendar and XML Schema have no year 0.
//   - Id lists (`parties`, `member_of`, `about`, ...) must be YAML lists, even of one id.
//     An id repeated in one list counts once. `quote` may be one text or a list; an empty
//     quote is an error, a repeated quote counts once. `aliases` must be a list.
//   - Party `kind` is required; agreement `kind` defaults to "treaty" and obligation `status`
//     to "in-force", and the defaults are filled into the Facts.
//   - A claim with `counters` is an error (move it to `counterclaims`); a counterclaim needs
//     at least one. An item that names itself where that makes no sense (a claim countering or
//     supporting itself, an agreement revising itself, a party member of itself) is an error.
//   - Relation `type` follows the id rule (lower-case kebab case, at most 64 characters).
//     Relations may link any two items, including an item to itself.
//   - Repeated relations (same from, type and to) in one file are one relation: the first
//     one's fields stay; the later ones' quotes are added after its own, without repeats;
//     a field the first left empty (since, until, section, note) is taken from a later one;
//     a field both set to different values is an error.
//   - References that "any item" accepts (about, involves, relation from and to) name
//     parties, agreements, events, obligations, claims or counterclaims; not sources.
//   - Across sources, a party or agreement must have the same kind and the same name in
//     every source; the message suggests putting the other name in `aliases`. Events,
//     obligations, claims and counterclaims are unique across the store. An id defined as
//     one kind of item cannot be another kind of item elsewhere.
//   - A store entry whose sources are all sources of the current call counts as not known:
//     the call replaces those sources. A reference to it must then be defined again.
//   - Quotes are compared with the source text after folding runs of white space (Unicode
//     white space, so also no-break spaces and line ends) to one space, trimming both ends,
//     and mapping typographic quotes and apostrophes to plain ones: ‘ ’ ‚ ‛ ′ ‹ › become '
//     and “ ” „ ‟ ″ « » become ". The comparison is otherwise exact (case, dashes, ellipses).
//   - YAML: one document a file; a UTF-8 BOM and CRLF line ends are accepted; duplicate keys
//     are errors; anchors, aliases and merge keys (`<<: *base`) are allowed. YAML syntax
//     errors carry the line the YAML reader gives and column 1.
//   - A file that cannot be read at all is reported as "FILE: message", without a position.
//
// # Limits
//
// A facts file may be at most MaxFileSize (16 MiB). Its source.text must be a regular file
// inside the facts file's folder or below it once links are followed, of at most
// MaxTextSize (16 MiB); see ReadSourceText. Aliases may add at most MaxAliasNodes
// (100,000) nodes and MaxAliasBytes (16 MiB) of text (keys and values) to a document when
// expanded, counting every node and every byte of the aliased subtree each time an alias is
// used (and aliases within it, recursively); a document over either bound, or with an alias
// used inside the node it names, is rejected at that alias before anything is expanded. The YAML reader itself rejects nesting deeper than 10,000 levels.
// Files are checked in parallel, one at a time per core.
package ingest
