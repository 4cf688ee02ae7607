package output

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPatch changes, adds and removes files of a built site; the folder a
// removed file leaves empty goes too, and a file kept keeps its inode.
func TestPatch(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, site{"index.html": "front", "news/a/index.html": "a", "news/b/index.html": "b", "style.css": "css"})
	before, err := os.Stat(filepath.Join(dest, "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := BeginPatch(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Abort()
	for rel, data := range map[string]string{"index.html": "front 2", "news/c/index.html": "c"} {
		if err := p.WriteFile(rel, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	p.Remove("news/b/index.html")
	st, err := p.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Written: 2, Removed: 1}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	want := site{"index.html": "front 2", "news/a/index.html": "a", "news/c/index.html": "c", "style.css": "css"}
	if got := readTree(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("site after the patch:\n%v\nwant\n%v", got, want)
	}
	after, err := os.Stat(filepath.Join(dest, "style.css"))
	if err != nil || !os.SameFile(before, after) {
		t.Errorf("a file the patch left alone was replaced (%v)", err)
	}
}

// TestPatchFailed: a write that fails (here a file stands where a folder
// must be made) makes Commit refuse, and the destination keeps every file
// as it was, with no temporary file or new folder left.
func TestPatchFailed(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s := site{"index.html": "front", "news": "a file in the way", "topics/x/index.html": "x"}
	build(t, dest, s)
	p, err := BeginPatch(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Abort()
	if err := p.WriteFile("index.html", []byte("front 2")); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteFile("archive/2025/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteFile("news/a/index.html", []byte("a")); err == nil {
		t.Fatal("writing under a file: no error")
	}
	p.Remove("topics/x/index.html")
	_, err = p.Commit()
	if err == nil || !strings.Contains(err.Error(), "not committing") {
		t.Fatalf("Commit after a failed write: %v", err)
	}
	if got := readTree(t, dest); !reflect.DeepEqual(got, s) {
		t.Errorf("site after a failed patch:\n%v\nwant it as it was:\n%v", got, s)
	}
	q, err := BeginPatch(dest)
	if err != nil {
		t.Fatalf("the lock is still held after a failed patch: %v", err)
	}
	q.Abort()
}
