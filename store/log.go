package store

import (
	"fmt"
	"os"

	"github.com/cayleygraph/cayley/clog"
	"github.com/factgraph/factgraph/store/pgstore"
)

// Cayley reports what goes wrong through its clog package, on standard error: the address
// of a database as given, password included, and Go's %#v of the error; every open of a
// PostgreSQL store that exists logs a failed table creation too. The store returns each
// error it meets in its own words instead, so Cayley's log says nothing.
func init() { clog.SetLogger(quietLog{}) }

type quietLog struct{}

func (quietLog) Infof(string, ...any)    {}
func (quietLog) Warningf(string, ...any) {}
func (quietLog) Errorf(string, ...any)   {}
func (quietLog) V(int) bool              { return false }
func (quietLog) SetV(int)                {}

// Fatalf ends the process as Cayley's own logger does, with the message's passwords
// hidden.
func (quietLog) Fatalf(format string, args ...any) {
	fmt.Fprintln(os.Stderr, "factgraph: "+pgstore.RedactText(fmt.Sprintf(format, args...)))
	os.Exit(1)
}
