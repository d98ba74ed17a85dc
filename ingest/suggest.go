package ingest

import (
	"fmt"

	"github.com/factgraph/factgraph/internal/suggest"
)

// didYouMean returns "; did you mean \"x\"?" when a candidate is close to s, else "".
func didYouMean(s string, candidates []string) string {
	if c, ok := suggest.Closest(s, candidates); ok {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}
