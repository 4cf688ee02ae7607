package live

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/convert"
)

// TestSavedSeedAlone: saving a seed converts that seed, not every seed:
// the content file of another seed, deleted by hand, stays deleted.
func TestSavedSeedAlone(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "templates"), os.DirFS("../../templates")); err != nil {
		t.Fatal(err)
	}
	seed := "T4K3.news\n%s\nA dek that says something.\n\nA lede.\nThe first body paragraph about NATO.\n"
	writeSeed := func(name, title string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(root, "seeds"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "seeds", name), []byte(strings.Replace(seed, "%s", title, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeSeed("a.txt", "Peace needs teeth")
	writeSeed("b.txt", "Talks go on")
	if _, err := convert.Run(convert.Options{Source: root}); err != nil {
		t.Fatal(err)
	}
	e := New(Options{Root: root})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "content/peace-needs-teeth.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Apply([]string{"content/peace-needs-teeth.md"}); err != nil {
		t.Fatal(err)
	}
	writeSeed("b.txt", "Talks go on and on")
	res, err := e.Apply([]string{"seeds/b.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/talks-go-on.md"}; !slices.Equal(res.Converted, want) {
		t.Errorf("converted %q, want %q", res.Converted, want)
	}
	if _, err := os.Stat(filepath.Join(root, "content/peace-needs-teeth.md")); err == nil {
		t.Error("saving seeds/b.txt converted seeds/a.txt again")
	}
}
