package query

import (
	"reflect"
	"testing"
)

func entryString(e Entry) string { return e.Date + " " + e.What + " " + e.Item.ID }

func TestTimeline(t *testing.T) {
	g := small(t)
	tests := []struct {
		name    string
		opts    TimelineOptions
		want    []string
		undated int
		err     string
	}{
		{name: "all", undated: 9, want: []string{
			"1951 signed treaty-1951",
			"1951-09-08 since japan allied-with united-states",
			"1960 happened revision-1960", // the year sorts before the days within it
			"1960-01-19 signed treaty-1960",
			"1960-06 in-force treaty-1960",
			"1978 since japan-funds",
			"2019 asserted cc-bases",
			"2019-06 asserted trump-unfair",
			"2019-07-02 published src",
		}},
		{name: "from a month keeps the year around it", opts: TimelineOptions{From: "1960-03", To: "1960-12-31"}, undated: 9, want: []string{
			"1960 happened revision-1960",
			"1960-06 in-force treaty-1960",
		}},
		{name: "to a year", opts: TimelineOptions{To: "1951"}, undated: 9, want: []string{
			"1951 signed treaty-1951",
			"1951-09-08 since japan allied-with united-states",
		}},
		{name: "bad date", opts: TimelineOptions{From: "1960-13"}, err: `from: date "1960-13" is not on the calendar: month 13`},
		{name: "reversed", opts: TimelineOptions{From: "2000", To: "1999-12"}, err: `from "2000" is after to "1999-12"; swap them`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Timeline(g, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r.Entries, entryString); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("entries = %q, want %q", got, tt.want)
			}
			if r.Undated != tt.undated {
				t.Errorf("undated = %d, want %d", r.Undated, tt.undated)
			}
		})
	}
}
