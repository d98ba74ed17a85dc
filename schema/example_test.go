package schema_test

import (
	"fmt"

	"github.com/factgraph/factgraph/schema"
)

func ExampleValidateYAML() {
	good := []byte("factgraph: 1\nsource:\n  id: a\n  title: A\nevents:\n  - id: signing\n    name: Signing\n    date: 1951\n")
	bad := []byte("factgraph: 1\nsource:\n  id: a\n  title: A\nevents:\n  - id: signing\n    name: Signing\n    date: 1951-9-8\n")
	fmt.Println(schema.ValidateYAML(good) == nil)
	fmt.Println(schema.ValidateYAML(bad) == nil)
	// Output:
	// true
	// false
}
