package watchbuild

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/search"
)

// TestWritesOnlyChanged: a change of a static file renders only the
// entries that read the static files and writes the one file; a new dek
// writes the files that show it and keeps the others, same inode.
func TestWritesOnlyChanged(t *testing.T) {
	ts := livetest.New(t, "../..", 40)
	dest := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: ts.Root, Destination: dest})
	whole, err := b.Load()
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Apply([]string{ts.Write("static/extra.css", []byte("p { margin: 0 }"))})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 1 || res.Removed != 0 || res.Rendered >= res.Entries/10 {
		t.Errorf("a new static file: %s; want 1 file written, a few outputs rendered", res)
	}
	style := filepath.Join(dest, "style.css")
	before, err := os.Stat(style)
	if err != nil {
		t.Fatal(err)
	}
	d := ts.Pick()
	d.Meta.Description = "A dek no page showed before"
	if res, err = b.Apply([]string{ts.Save(d)}); err != nil {
		t.Fatal(err)
	}
	if res.Written == 0 || res.Written >= whole.Written/2 {
		t.Errorf("a new dek: %s; want some of the %d files written", res, whole.Written)
	}
	page, _ := os.ReadFile(filepath.Join(dest, "news", d.Meta.Slug, "index.html"))
	if !strings.Contains(string(page), "A dek no page showed before") {
		t.Errorf("the edited article's page does not show its new dek")
	}
	if after, err := os.Stat(style); err != nil || !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("style.css, which no edit changed, was written again (%v)", err)
	}
}

// TestFailedWrite: a batch whose files cannot be written leaves the output
// folder as it was and says which file; once the way is clear, the next
// save writes what both batches changed.
func TestFailedWrite(t *testing.T) {
	ts := livetest.New(t, "../..", 10)
	dest := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: ts.Root, Destination: dest})
	if _, err := b.Load(); err != nil {
		t.Fatal(err)
	}
	d := ts.Pick()
	d.Meta.Slug = "a-new-slug"
	in := filepath.Join(dest, "news", d.Meta.Slug)
	if err := os.WriteFile(in, []byte("in the way"), 0o644); err != nil { // as a full disk would, the write fails
		t.Fatal(err)
	}
	before := files(t, dest)
	_, err := b.Apply([]string{ts.Save(d)})
	if err == nil || !strings.Contains(err.Error(), "news/"+d.Meta.Slug+"/index.html") {
		t.Fatalf("Apply with a file in the way: %v, want an error naming the page", err)
	}
	if !sameFiles(before, files(t, dest)) {
		t.Fatal("a failed batch changed the output folder")
	}
	if err := os.Remove(in); err != nil {
		t.Fatal(err)
	}
	other := ts.Pick()
	other.Meta.Summary = "Another edit"
	if _, err := b.Apply([]string{ts.Save(other)}); err != nil {
		t.Fatal(err)
	}
	compare(t, dest, ts, "after the way was cleared")
}

// TestGoneFiles: a write after an edit of the stories alone lists only
// what the edit may have changed (Result.Partial), and still removes the
// files of what is gone: the redirect of an alias taken out of a story's
// front matter, whose kind is listed whole, and the pages of a story
// deleted and of its topic, whose kinds are listed in part.
func TestGoneFiles(t *testing.T) {
	ts := livetest.New(t, "../..", 20)
	dest := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: ts.Root, Destination: dest})
	if _, err := b.Load(); err != nil {
		t.Fatal(err)
	}
	d := ts.Pick()
	d.Path, d.Meta.Slug = "content/to-go.md", "to-go"
	d.Meta.Tags, d.Meta.Aliases = []string{"Gone soon"}, []string{"/old/address/"}
	alias := filepath.Join(dest, "old", "address", "index.html")
	page, topic := filepath.Join(dest, "news", "to-go", "index.html"), filepath.Join(dest, "topics", "gone-soon", "index.html")
	steps := []struct {
		name       string
		edit       func() string
		kept, gone []string
	}{
		{"story added", func() string { return ts.Save(d) }, []string{alias, page, topic}, nil},
		{"alias taken out", func() string { d.Meta.Aliases = nil; return ts.Save(d) }, []string{page, topic}, []string{alias}},
		{"story deleted", func() string { return ts.Remove(d.Path) }, nil, []string{page, topic}},
	}
	for _, s := range steps {
		res, err := b.Apply([]string{s.edit()})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		// The search index's files are each an entry, listed whole (each
		// with a Key, so not rendered unless it changed): of the others, a
		// few are listed.
		all, index := files(t, dest), 0
		for name := range all {
			if strings.HasPrefix(name, search.Dir+"/") {
				index++
			}
		}
		if !res.Partial || res.Entries-index >= (len(all)-index)/2 {
			t.Errorf("%s: %d entries listed besides the search index's %d, partial %v; want a few of %d",
				s.name, res.Entries-index, index, res.Partial, len(all)-index)
		}
		for _, f := range s.kept {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("%s: %v", s.name, err)
			}
		}
		for _, f := range s.gone {
			if _, err := os.Stat(f); err == nil {
				t.Errorf("%s: %s is left", s.name, f)
			}
		}
		compare(t, dest, ts, s.name)
	}
}
