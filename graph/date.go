package graph

import (
	"fmt"
	"strconv"
	"time"
)

// Precision says how much of a Date was written.
type Precision int

const (
	NoDate Precision = iota // the zero Date: no date given
	Year                    // YYYY
	Month                   // YYYY-MM
	Day                     // YYYY-MM-DD
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return ""
}

// Date is a calendar date kept at the precision it was written in: 1951 is the year 1951,
// not 1951-01-01. The zero Date means no date.
type Date struct {
	Year      int
	Month     int // 1-12, or 0 below Month precision
	Day       int // 1-31, or 0 below Day precision
	Precision Precision
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD and rejects dates that are not on the calendar.
func ParseDate(s string) (Date, error) {
	bad := fmt.Errorf("invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	num := func(part string) (int, bool) {
		for _, r := range part {
			if r < '0' || r > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var d Date
	switch len(s) {
	case 4, 7, 10:
	default:
		return Date{}, bad
	}
	y, ok := num(s[:4])
	if !ok {
		return Date{}, bad
	}
	d.Year, d.Precision = y, Year
	if len(s) >= 7 {
		if s[4] != '-' {
			return Date{}, bad
		}
		m, ok := num(s[5:7])
		if !ok {
			return Date{}, bad
		}
		if m < 1 || m > 12 {
			return Date{}, fmt.Errorf("date %q is not on the calendar: month %d", s, m)
		}
		d.Month, d.Precision = m, Month
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return Date{}, bad
		}
		dd, ok := num(s[8:10])
		if !ok {
			return Date{}, bad
		}
		if dd < 1 || dd > daysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("date %q is not on the calendar: %s %d has %d days", s, time.Month(d.Month), d.Year, daysIn(d.Year, d.Month))
		}
		d.Day, d.Precision = dd, Day
	}
	return d, nil
}

// MustDate is ParseDate for literals in tests and examples; it panics on a bad date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Precision == NoDate }

// String writes the date at its precision: "1951", "1951-09" or "1951-09-08"; "" for none.
func (d Date) String() string {
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Start is the first day the date covers (1951 starts on 1951-01-01).
func (d Date) Start() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// End is the last day the date covers (1951 ends on 1951-12-31).
func (d Date) End() time.Time {
	switch d.Precision {
	case Year:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Year, time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.Start()
}

// Compare orders dates by their start; at the same start a coarser date comes first, so a
// bare year sorts before the days within it. No date sorts last.
func (d Date) Compare(e Date) int {
	switch {
	case d.IsZero() && e.IsZero():
		return 0
	case d.IsZero():
		return 1
	case e.IsZero():
		return -1
	}
	if c := d.Start().Compare(e.Start()); c != 0 {
		return c
	}
	switch {
	case d.Precision < e.Precision:
		return -1
	case d.Precision > e.Precision:
		return 1
	}
	return 0
}
