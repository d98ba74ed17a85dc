package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		want     int
		wantOut  string
		wantFile string
	}{
		{"corpus", []string{"-n", "2", "-o", filepath.Join(dir, "a")}, 0, "wrote 2 facts files (106 facts)", "a/a00001.yaml"},
		{"with n-quads", []string{"-n", "1", "-o", filepath.Join(dir, "b"), "-nquads", filepath.Join(dir, "b.nq")}, 0, "quads to", "b.nq"},
		{"no articles", []string{"-n", "0", "-o", filepath.Join(dir, "c")}, 1, "", ""},
		{"unknown flag", []string{"-x"}, 2, "", ""},
		{"stray argument", []string{"-o", filepath.Join(dir, "d"), "extra"}, 2, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if got := run(context.Background(), tt.args, &out, &errs); got != tt.want {
				t.Fatalf("exit %d, want %d; stderr: %s", got, tt.want, errs.String())
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout %q does not say %q", out.String(), tt.wantOut)
			}
			if tt.want != 0 && errs.Len() == 0 {
				t.Error("failed without a message on stderr")
			}
			if tt.wantFile != "" {
				if _, err := os.Stat(filepath.Join(dir, tt.wantFile)); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
