package store

import (
	"reflect"
	"testing"
)

// TestFirstChain checks firstChain on links a walk back could find: the chain that takes the
// item of the least id at each step, with every link between its neighbours, whichever way
// the walk back found each; and nil for links that join no chain.
func TestFirstChain(t *testing.T) {
	l := func(from, to string, kind linkKind) chainLink {
		return chainLink{from, link{to: to, rel: "fg:about", kind: kind}}
	}
	// a - b1 - m1 - c1 - z and a - b0 - m2 - c0 - z, with two links between b0 and m2, and
	// the links of z's side found from z's end (c0 to m2, z to c0).
	found := []chainLink{
		l("a", "b1", refFrom), l("a", "b0", refFrom), l("b1", "m1", refTo), l("b0", "m2", refTo), l("b0", "m2", relFrom),
		l("c1", "m1", refFrom), l("c0", "m2", refFrom), l("z", "c1", refTo), l("z", "c0", refTo),
	}
	want := []chainLink{found[1], found[3], found[4], found[6], found[8]}
	if got := firstChain("a", "z", found); !reflect.DeepEqual(got, want) {
		t.Errorf("firstChain = %+v\nwant %+v", got, want)
	}
	// From z the least ids lead through c0, m2 and b0: the same chain.
	if got := firstChain("z", "a", found); !reflect.DeepEqual(got, want) {
		t.Errorf("firstChain from z = %+v\nwant %+v", got, want)
	}
	if got := firstChain("a", "y", found); got != nil {
		t.Errorf("firstChain to an item no link touches = %+v, want nil", got)
	}
}
