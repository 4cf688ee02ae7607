package livetest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// RenameSave saves text at path as many editors do: written to a
// temporary file beside it, then renamed over it.
func RenameSave(t testing.TB, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// ReplaceIn replaces the first old in the file at path with new, saved as
// RenameSave does; the file must hold old.
func ReplaceIn(t testing.TB, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	RenameSave(t, path, strings.Replace(string(data), old, new, 1))
}

// Log is a terminal for a driver running in a test, safe for concurrent
// use.
type Log struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *Log) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *Log) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
