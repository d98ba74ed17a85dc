package ingest_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/factgraph/factgraph/ingest"
)

func ExampleParse() {
	data := []byte(`factgraph: 1
source: {id: article, title: An article}
parties:
  - {id: japan, name: Japan, kind: stat}
obligations:
  - id: us-defends-japan
    bearer: japan
    benificiary: japan
    duty: defend Japan
    since: 2025-02-30
`)
	facts, problems := ingest.Parse("article.yaml", data, nil)
	fmt.Println(facts == nil)
	fmt.Println(problems)
	// Output:
	// true
	// article.yaml:4:36: unknown party kind "stat" in party "japan"; did you mean "state"?
	// article.yaml:6:5: missing "beneficiary" in obligation "us-defends-japan"
	// article.yaml:8:5: unknown key "benificiary" in obligation "us-defends-japan"; did you mean "beneficiary"?
	// article.yaml:10:12: invalid "since" in obligation "us-defends-japan": date "2025-02-30" is not on the calendar: February 2025 has 28 days
}

func BenchmarkParse(b *testing.B) {
	const path = "testdata/valid/japan-us-security-treaty.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("testdata/valid/japan-us-security-treaty.txt")
	if err != nil {
		b.Fatal(err)
	}
	readText := func(string) ([]byte, error) { return text, nil }
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := ingest.Parse(path, data, readText); probs != nil {
			b.Fatal(probs)
		}
	}
}
