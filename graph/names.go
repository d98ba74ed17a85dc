package graph

import "strings"

// FoldName is how a reference is compared with ids, names, aliases and titles: lower case,
// runs of spaces as one space, no space at either end.
func FoldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
