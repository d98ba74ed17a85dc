package synth_test

import (
	"fmt"

	"github.com/factgraph/factgraph/internal/synth"
)

func ExampleGenerator_Article() {
	g := synth.NewGenerator(1)
	a := g.Article(0)
	f := a.Facts
	fmt.Println(a.Name, f.Source.Text)
	fmt.Println(len(f.Parties), len(f.Agreements), len(f.Events), len(f.Obligations),
		len(f.Claims), len(f.Counterclaims), len(f.Relations))
	fmt.Println(f.Agreements[1].Revises == f.Agreements[0].ID)
	// Output:
	// a00000 a00000.txt
	// 9 2 3 10 10 8 10
	// true
}
