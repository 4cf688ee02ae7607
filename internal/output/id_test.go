package output

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// TestKeep builds a site, then keeps some of its files by their IDs in a
// second build, which must leave the same site without reading them; a
// file whose ID changed, or that is gone, is not kept, and nothing of its
// set is.
func TestKeep(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first := site{"index.html": "front", "news/a/index.html": "a", "news/b/index.html": "b", "style.css": "css"}
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeAll(w, first, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	ids := w.Files()
	if len(ids) != len(first) {
		t.Fatalf("Files: %d IDs for %d files", len(ids), len(first))
	}
	w, err = Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if same, err := w.Same(ids); !same || err != nil {
		t.Fatalf("Same of the site just built: %v, %v", same, err)
	}
	if same, _ := w.Same(map[string]FileID{"index.html": ids["index.html"]}); same {
		t.Error("Same of part of the site says true")
	}
	bad := maps.Clone(ids)
	bad["news/b/index.html"] = FileID{Size: 1}
	if kept, err := w.Keep(map[string]FileID{"news/a/index.html": ids["news/a/index.html"], "news/b/index.html": bad["news/b/index.html"]}); kept || err != nil {
		t.Fatalf("Keep with a changed ID: %v, %v", kept, err)
	}
	if kept, _ := w.Keep(map[string]FileID{"gone.html": {}}); kept {
		t.Fatal("Keep of a missing file says true")
	}
	kept, err := w.Keep(map[string]FileID{"index.html": ids["index.html"], "style.css": ids["style.css"]})
	if !kept || err != nil {
		t.Fatalf("Keep of unchanged files: %v, %v", kept, err)
	}
	for rel, data := range map[string]string{"news/a/index.html": "a", "news/b/index.html": "b2"} {
		if err := w.WriteFile(rel, []byte(data)); err != nil { // a not kept above: not a duplicate
			t.Fatal(err)
		}
	}
	st, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Written: 1, Unchanged: 3}) {
		t.Errorf("stats %+v, want 1 written, 3 unchanged", st)
	}
	want := site{"index.html": "front", "news/a/index.html": "a", "news/b/index.html": "b2", "style.css": "css"}
	if got := readTree(t, dest); !maps.Equal(got, want) {
		t.Errorf("site %v, want %v", got, want)
	}
	now := w.Files()
	for _, rel := range []string{"index.html", "style.css", "news/a/index.html"} {
		if now[rel] != ids[rel] {
			t.Errorf("%s: ID %+v after keeping it, was %+v", rel, now[rel], ids[rel])
		}
	}
	if now["news/b/index.html"] == ids["news/b/index.html"] {
		t.Error("a rewritten file kept its ID")
	}

	if err := os.WriteFile(filepath.Join(dest, "extra"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err = Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if same, _ := w.Same(now); same {
		t.Error("Same with a file added to the site says true")
	}
}
