package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCPUProfileFromEnvironment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.prof")
	t.Setenv(profileEnv, path)
	var stderr bytes.Buffer
	stop := startProfile(&stderr)
	var out bytes.Buffer
	if code := run(t.Context(), []string{"factgraph", "validate", "../../samples/japan-us-security-treaty/facts.yaml"}, &out, &stderr); code != 0 {
		t.Fatalf("validate: exit %d, %s", code, stderr.String())
	}
	stop()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no profile written: %v", err)
	}
	// A profile is a gzipped protocol buffer.
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) || len(data) < 64 {
		t.Errorf("the profile is %d bytes, starting %x; want a gzipped profile", len(data), data[:min(len(data), 4)])
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr %q, want nothing", stderr.String())
	}
}

func TestCPUProfileThatCannotBeWritten(t *testing.T) {
	t.Setenv(profileEnv, filepath.Join(t.TempDir(), "no", "such", "dir", "cpu.prof"))
	var stderr bytes.Buffer
	startProfile(&stderr)()
	if !strings.Contains(stderr.String(), "cannot write the CPU profile "+profileEnv) {
		t.Errorf("stderr %q, want it to say the profile cannot be written", stderr.String())
	}
}

func TestNoCPUProfileByDefault(t *testing.T) {
	t.Setenv(profileEnv, "")
	var stderr bytes.Buffer
	startProfile(&stderr)()
	if stderr.Len() != 0 {
		t.Errorf("stderr %q, want nothing", stderr.String())
	}
}
