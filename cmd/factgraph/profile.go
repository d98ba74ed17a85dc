package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// profileEnv names a file that the command writes a CPU profile of its whole run to, for
// measuring (docs/performance.md); it is not a flag, since users have no use for it.
const profileEnv = "FACTGRAPH_CPUPROFILE"

// startProfile starts a CPU profile into the file $FACTGRAPH_CPUPROFILE names, if set, and
// returns the function that ends it. A profile that cannot be written is said on stderr;
// the command runs anyway.
func startProfile(stderr io.Writer) (stop func()) {
	path := os.Getenv(profileEnv)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "factgraph: cannot write the CPU profile %s named: %v\n", profileEnv, err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "factgraph: cannot write the CPU profile %s named: %v\n", profileEnv, err)
		}
	}
}
