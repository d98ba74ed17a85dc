package pgstore

import (
	"fmt"
	"log"
	"regexp"

	"github.com/cayleygraph/cayley/clog"
)

// urlPassword matches the password of a URL's user information ("://user:PASSWORD@"), up to
// the last "@" before the path, and a password given as a parameter ("password=PASSWORD").
var urlPassword = regexp.MustCompile(`(://[^:/@\s]*:)[^/\s]*@|(\bpassword=)[^&\s]*`)

// RedactText masks every password of a database URL in s, wherever it is in the text.
func RedactText(s string) string {
	return urlPassword.ReplaceAllStringFunc(s, func(m string) string {
		sub := urlPassword.FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1] + "xxxxx@"
		}
		return sub[2] + "xxxxx"
	})
}

// Cayley's SQL backend logs the address it failed to open, password and all, through its
// own logger ("Couldn't open database at postgres://user:PASSWORD@..."). This one logs as
// Cayley's default does, with passwords masked.
func init() { clog.SetLogger(&redactingLog{}) }

type redactingLog struct{ verbosity int }

func (l *redactingLog) Infof(format string, args ...any) { l.print("", format, args) }
func (l *redactingLog) Warningf(format string, args ...any) {
	l.print("WARN: ", format, args)
}
func (l *redactingLog) Errorf(format string, args ...any) { l.print("ERROR: ", format, args) }
func (l *redactingLog) Fatalf(format string, args ...any) {
	log.Fatal(RedactText("FATAL: " + fmt.Sprintf(format, args...)))
}
func (l *redactingLog) V(level int) bool { return l.verbosity >= level }
func (l *redactingLog) SetV(level int)   { l.verbosity = level }
func (l *redactingLog) print(prefix, format string, args []any) {
	log.Print(RedactText(prefix + fmt.Sprintf(format, args...)))
}
