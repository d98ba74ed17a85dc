package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMStopsLikeCtrlC sends the process SIGTERM while a command's context listens
// for the stop signals: the context ends, as it does for Ctrl-C, and the process lives on
// to undo its write (the store's tests check that an ended context undoes a write).
func TestSIGTERMStopsLikeCtrlC(t *testing.T) {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("SIGTERM did not end the command's context")
	}
}
