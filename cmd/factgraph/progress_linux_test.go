package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestProgressOnTerminal runs ingest and export with stderr a terminal (a pseudo-terminal
// the test opens): they draw their bars there, and draw nothing with --quiet.
// TestIngestTwiceChangesNothing holds the other half: nothing where stderr is no terminal.
func TestProgressOnTerminal(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "f.db")
	cases := []struct {
		name string
		args []string
		want string // on the terminal; "" for nothing at all
	}{
		{"ingest", []string{"ingest", "--store", store, "../../samples/"}, "checking"},
		{"ingest, storing", []string{"ingest", "--store", filepath.Join(dir, "g.db"), "../../samples/"}, "storing"},
		{"ingest --quiet", []string{"ingest", "--quiet", "--store", store, "../../samples/"}, ""},
		{"export", []string{"export", "--store", store, "-f", "graphml", "-o", filepath.Join(dir, "a.graphml")}, "exporting"},
		{"export -q", []string{"export", "-q", "--store", store, "-f", "graphml", "-o", filepath.Join(dir, "b.graphml")}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			term, code, stdout := runOnTerminal(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d\nterminal: %q\nstdout: %s", code, term, stdout)
			}
			if c.want == "" && term != "" {
				t.Errorf("with the progress silenced the terminal got %q", term)
			}
			if c.want != "" && !strings.Contains(term, c.want) {
				t.Errorf("the terminal got %q, no %q bar", term, c.want)
			}
		})
	}
}

// runOnTerminal runs the command line with stderr a pseudo-terminal, and returns what the
// terminal received, the exit status and standard output.
func runOnTerminal(t *testing.T, args ...string) (string, int, string) {
	t.Helper()
	master, slave := openPTY(t)
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(master) // ends with EIO once the slave is closed
		got <- b
	}()
	var out bytes.Buffer
	code := run(context.Background(), append([]string{"factgraph"}, args...), &out, slave)
	slave.Close()
	term := <-got
	master.Close()
	return string(term), code, out.String()
}

// openPTY opens a pseudo-terminal pair through /dev/ptmx.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return master, slave
}
