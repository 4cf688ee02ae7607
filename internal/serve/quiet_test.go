package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/convert"
	"github.com/t4k3news/digest/internal/live"
)

// TestWarningsOnce changes a seed again and again under serve while a
// content file edited by hand keeps its seed's warning: the warning is
// printed at the first change, not at the next, and again once its file
// changes.
func TestWarningsOnce(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "templates"), os.DirFS("../../templates")); err != nil {
		t.Fatal(err)
	}
	seed := "T4K3.news\n%s\nA dek that says something.\n\nA lede.\nAn alternative headline\nThe first body paragraph about NATO.\n"
	for name, title := range map[string]string{"a": "Peace needs teeth", "b": "Talks go on"} {
		renameSave(t, filepath.Join(root, "seeds", name+".txt"), strings.Replace(seed, "%s", title, 1))
	}
	if _, err := convert.Run(convert.Options{Source: root}); err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(root, "content/talks-go-on.md")
	replaceIn(t, edited, "description: ", "description: Edited by hand; ")
	e := live.New(live.Options{Root: root, Now: time.Now})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	srv := New(e, "/", "127.0.0.1")
	var log strings.Builder
	opts, warned := Options{Root: root, Log: &log, Now: time.Now}, live.NewTold(root)
	const warning = "talks-go-on.md: edited by hand; not converted again"
	change := func(n int) {
		t.Helper()
		replaceIn(t, filepath.Join(root, "seeds/b.txt"), "The first body", strings.Repeat("More. ", n)+"The first body")
		rebuild(e, srv, []string{"seeds/b.txt"}, opts, warned)
	}
	change(1)
	if got := strings.Count(log.String(), warning); got != 1 {
		t.Fatalf("after the first change, the warning is printed %d times, want 1:\n%s", got, log.String())
	}
	change(2)
	if got := strings.Count(log.String(), warning); got != 1 {
		t.Errorf("after a second change of another seed, the warning is printed %d times, want 1:\n%s", got, log.String())
	}
	replaceIn(t, edited, "description: ", "description: Edited again; ")
	rebuild(e, srv, []string{"content/talks-go-on.md"}, opts, warned)
	change(3)
	if got := strings.Count(log.String(), warning); got != 2 {
		t.Errorf("after its file changed, the warning is printed %d times in all, want 2:\n%s", got, log.String())
	}
}

// TestContentWarningsOnce checks a warning about a content file, a lead
// image without alt text: shown when the preview starts, not again when
// another file changes, and again when its own file does.
func TestContentWarningsOnce(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "templates"), os.DirFS("../../templates")); err != nil {
		t.Fatal(err)
	}
	renameSave(t, filepath.Join(root, "static/images/a.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"></svg>`)
	write := func(slug, alt, body string) string {
		rel := "content/" + slug + ".md"
		renameSave(t, filepath.Join(root, rel), fmt.Sprintf("---\ntitle: Story %s\nslug: %s\ndate: 2025-08-21T00:00:00Z\nimage: images/a.svg\nimageAlt: %q\n---\n\n%s\n", slug, slug, alt, body))
		return rel
	}
	write("bare", "", "Body.")
	write("other", "A picture", "Body.")
	e := live.New(live.Options{Root: root, Now: time.Now})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	srv := New(e, "/", "127.0.0.1")
	var log strings.Builder
	opts, warned := Options{Root: root, Log: &log, Now: time.Now}, live.NewTold(root)
	log.WriteString(warned.Fresh(e.Warnings()).Full())
	const warning = `content/bare.md:5: image "images/a.svg" has no imageAlt`
	count := func(step string, want int) {
		t.Helper()
		if got := strings.Count(log.String(), warning); got != want {
			t.Errorf("%s: the warning is printed %d times in all, want %d:\n%s", step, got, want, log.String())
		}
	}
	count("at the start", 1)
	rebuild(e, srv, []string{write("other", "Another picture", "Body.")}, opts, warned)
	count("after another file changed", 1)
	rebuild(e, srv, []string{write("bare", "", "A new body.")}, opts, warned)
	count("after its own file changed", 2)
}
