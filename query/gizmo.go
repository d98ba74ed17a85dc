package query

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"

	"github.com/factgraph/factgraph/store"
)

// Gizmoer runs a query in Cayley's Gizmo language; *store.Store is one.
type Gizmoer interface {
	Gizmo(ctx context.Context, code string, limit int) ([]any, error)
	GizmoWith(ctx context.Context, code string, opts store.GizmoOptions) ([]any, error)
}

// GizmoResult holds what a Gizmo query returned, in the store's order. Hint, set when
// nothing came back, says how the query may have been meant; it is not part of the JSON.
type GizmoResult struct {
	Results []any  `json:"results"`
	Hint    string `json:"-"`
}

// WriteText writes one result a line, as compact JSON.
func (r *GizmoResult) WriteText(w io.Writer, _ int) error {
	w = visible(w)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range r.Results {
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("write gizmo result: %w", err)
		}
	}
	return nil
}

// GizmoIn runs code on r within the bounds of opts (store.GizmoWith). When nothing comes
// back and a call of the query names a bare id ("japan") that the store holds as an IRI
// (<japan>), Hint shows the call written with the IRI: the store's ids are IRIs, and a
// bare string is a different value, which matches nothing.
func GizmoIn(ctx context.Context, r Gizmoer, code string, opts store.GizmoOptions) (*GizmoResult, error) {
	rs, err := r.GizmoWith(ctx, code, opts)
	if err != nil {
		return nil, err
	}
	res := &GizmoResult{Results: rs}
	if len(rs) == 0 {
		call, err := iriCall(ctx, r, code)
		if err != nil {
			return nil, err
		}
		if call != "" {
			res.Hint = "no results; ids are IRIs: did you mean " + call + "?"
		}
	}
	return res, nil
}

var (
	// gizmoCall is a call whose arguments hold no call: g.V("japan"), Out("fg:by").
	gizmoCall = regexp.MustCompile(`([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\(([^()]*)\)`)
	// gizmoString is a string literal without escapes, in either quotes.
	gizmoString = regexp.MustCompile(`"([^"\\<>\s]+)"|'([^'\\<>\s]+)'`)
)

// maxChecked bounds the strings looked up for a hint.
const maxChecked = 20

// iriCall returns the first call of code whose string arguments name, bare, values the store
// holds as IRIs, written with those IRIs; "" when there is none.
func iriCall(ctx context.Context, r Gizmoer, code string) (string, error) {
	isIRI := map[string]bool{}
	checked := 0
	for _, m := range gizmoCall.FindAllStringSubmatch(code, -1) {
		name, args := m[1], m[2]
		found := false
		var err error
		fixed := gizmoString.ReplaceAllStringFunc(args, func(lit string) string {
			s := lit[1 : len(lit)-1]
			known, seen := isIRI[s]
			if !seen && checked < maxChecked && err == nil {
				checked++
				var rs []any
				// s holds no quote or backslash: it needs no escaping.
				rs, err = r.Gizmo(ctx, `g.V("<`+s+`>").All()`, 1)
				known = len(rs) > 0
				isIRI[s] = known
			}
			if !known {
				return lit
			}
			found = true
			q := lit[:1]
			return q + "<" + s + ">" + q
		})
		if err != nil {
			return "", err
		}
		if found {
			return name + "(" + fixed + ")", nil
		}
	}
	return "", nil
}
