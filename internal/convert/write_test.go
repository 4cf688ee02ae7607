package convert

import (
	"os"
	"path/filepath"
	"testing"
)

// A convert killed between writing a temporary file and renaming it leaves
// the file in content/: the next convert removes it, and nothing else.
func TestLeftovers(t *testing.T) {
	dir := site(t, nil)
	if err := os.MkdirAll(filepath.Join(dir, "content", ".convert-dir.tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	keep := []string{".convert-notes.txt", ".convert-1.tmp.bak", "convert-2.tmp", ".convert-Upper.tmp", ".convert-dir.tmp"}
	gone := []string{".convert-1k2j3h4g5f.tmp", ".convert-0.tmp"}
	for _, name := range append(keep[:4:4], gone...) {
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Run(Options{Source: dir, Date: testDate}); err != nil {
		t.Fatal(err)
	}
	for _, name := range keep {
		if _, err := os.Stat(filepath.Join(dir, "content", name)); err != nil {
			t.Errorf("%s: %v, want it kept", name, err)
		}
	}
	for _, name := range gone {
		if _, err := os.Stat(filepath.Join(dir, "content", name)); !os.IsNotExist(err) {
			t.Errorf("%s: %v, want it removed", name, err)
		}
	}
}
