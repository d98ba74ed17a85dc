package store

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// envHold names the bolt file a re-executed test binary holds open; see TestHoldStore.
const envHold = "FACTGRAPH_TEST_HOLD_STORE"

// TestHoldStore is not a test of its own: run by TestBoltInUseByAnotherProcess in a second
// process, it opens the store named by envHold for writing, says "ready" and holds the
// store until its standard input closes.
func TestHoldStore(t *testing.T) {
	path := os.Getenv(envHold)
	if path == "" {
		t.Skip("helper process for TestBoltInUseByAnotherProcess")
	}
	s, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("helper: %v", err)
	}
	defer s.Close()
	os.Stdout.WriteString("ready\n")
	bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes it
}

func TestBoltInUseByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factgraph.db")
	s := openStore(t, path)
	ingest(t, s, treatyFacts())
	want := nquadsOf(t, s, "")
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldStore$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHold+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := false
	t.Cleanup(func() {
		stdin.Close()
		if !waited {
			cmd.Wait()
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper process did not open the store: %q, %v", line, err)
	}

	for _, ro := range []bool{false, true} {
		_, err := Open(context.Background(), path, &OpenOptions{ReadOnly: ro, Timeout: 200 * time.Millisecond})
		want := `store "` + path + `" is in use by another factgraph process; try again when it finishes`
		if err == nil || err.Error() != want {
			t.Errorf("Open (read-only %v) of a store in use: err = %v, want %q", ro, err, want)
		}
	}

	stdin.Close()
	waited = true
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper process: %v", err)
	}
	s2, err := Open(context.Background(), path, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open after the other process finished: %v", err)
	}
	defer s2.Close()
	if got := nquadsOf(t, s2, ""); got != want {
		t.Errorf("store changed while held by another process")
	}
}
