package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// aliasedConditions is a facts file of n obligations whose conditions all alias one
// string of size bytes, defined by the first.
func aliasedConditions(n, size int) []byte {
	var b strings.Builder
	b.WriteString(head + "parties:\n  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: state}\nobligations:\n")
	for i := range n {
		duty := "*big"
		if i == 0 {
			duty = "&big " + strings.Repeat("x", size)
		}
		fmt.Fprintf(&b, "  - {id: o%d, bearer: a, beneficiary: b, duty: d, condition: %s}\n", i, duty)
	}
	return []byte(b.String())
}

// A 1.1 MB file of 600 duties aliasing one 1 MiB string stayed under the bound on nodes,
// then expanded to 600 MiB of text: query obligations --json peaked at 2.8 GB and render
// passed 4 GB. Aliases are bounded in bytes of text too. (A duty is a label, now at most
// 16 KiB; the same attack works through any longer text, such as a condition.)
func TestAliasesAreBoundedInBytes(t *testing.T) {
	data := aliasedConditions(600, 1<<20)
	if len(data) > 2<<20 {
		t.Fatalf("the attack file is %d bytes", len(data))
	}
	f, probs := Parse("bomb.yaml", data, nil)
	// The 17th alias, on the 18th obligation (line 7+17), crosses 16 MiB.
	want := "bomb.yaml:24:62: YAML aliases expand to more than 16777216 bytes (16 MiB) of text; write the items out or alias shorter text"
	if f != nil || probs.Error() != want {
		t.Fatalf("got\n%v\nwant\n%s", probs, want)
	}

	// Up to the bound, aliases are fine.
	if f, probs := Parse("ok.yaml", aliasedConditions(17, 1<<20), nil); probs != nil || len(f.Obligations) != 17 {
		t.Fatalf("16 MiB of aliased text: %v", probs)
	}
}
