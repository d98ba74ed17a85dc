package pgstore

import (
	"testing"
	"time"
)

// TestAppendValue checks the COPY text of each type of value Cayley's columns take.
func TestAppendValue(t *testing.T) {
	at := time.Date(2024, 5, 1, 12, 30, 0, 500000000, time.UTC)
	for _, c := range []struct {
		v    any
		want string
	}{
		{nil, `\N`},
		{"plain", "plain"},
		{"a\\b\tc\nd\re", `a\\b\tc\nd\re`},
		{`\N`, `\\N`},
		{[]byte{0, 0xab, 0x10}, `\\x00ab10`},
		{int64(-42), "-42"},
		{1.5, "1.5"},
		{1e21, "1000000000000000000000"},
		{true, "true"},
		{false, "false"},
		{at, "2024-05-01 12:30:00.5Z"},
	} {
		got, err := appendValue([]byte("x"), c.v)
		if err != nil || string(got) != "x"+c.want {
			t.Errorf("appendValue(%#v) = %q, %v; want %q", c.v, got, err, "x"+c.want)
		}
	}
	if _, err := appendValue(nil, 3); err == nil {
		t.Error("appendValue of an int: no error, want one (Cayley's columns take int64)")
	}
}
