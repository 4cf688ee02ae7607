package output

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var v2 = site{
	"index.html":        "home 2",
	"news/a/index.html": "a 1",
	"news/c/index.html": "c 2",
	"static/site.css":   "css",
	"about":             "about 2",
}

// twoTrees builds v1 twice, so that dest and its staging tree both exist.
func twoTrees(t *testing.T) (dest, staging string) {
	dest = filepath.Join(t.TempDir(), "public")
	build(t, dest, v1)
	build(t, dest, v1)
	return dest, filepath.Join(filepath.Dir(dest), ".public.staging")
}

func TestRecoverLeftoverTemps(t *testing.T) {
	dest, staging := twoTrees(t)
	for _, rel := range []string{".digest-tmp-1-1", "news/a/.digest-tmp-99-7", "news/.digest-tmp-3-3"} {
		if err := os.WriteFile(filepath.Join(staging, rel), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build(t, dest, v2)
	checkTree(t, dest, v2)
	build(t, dest, v2)
	checkTree(t, filepath.Join(filepath.Dir(dest), ".public.staging"), v2)
}

func TestRecoverMessyStaging(t *testing.T) {
	dest, staging := twoTrees(t)
	outside := t.TempDir()
	mess := []func() error{
		// wrong bytes at a path that is unchanged in dest
		func() error { return replaceFile(filepath.Join(staging, "news/a/index.html"), "junk") },
		// a file where the new site has a directory, and the reverse
		func() error { return replaceFile(filepath.Join(staging, "news/c"), "file") },
		func() error { return os.MkdirAll(filepath.Join(staging, "about/deep/er"), 0o755) },
		// symlinks out of the tree where the site has a directory and a file
		func() error { return os.RemoveAll(filepath.Join(staging, "static")) },
		func() error { return os.Symlink(outside, filepath.Join(staging, "static")) },
		func() error { return os.Remove(filepath.Join(staging, "index.html")) },
		func() error { return os.Symlink(filepath.Join(outside, "f"), filepath.Join(staging, "index.html")) },
		func() error { return os.WriteFile(filepath.Join(outside, "f"), []byte("keep"), 0o644) },
		// debris
		func() error { return os.MkdirAll(filepath.Join(staging, "old/empty/dirs"), 0o755) },
	}
	for _, f := range mess {
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
	build(t, dest, v2)
	checkTree(t, dest, v2)
	checkTree(t, outside, site{"f": "keep"})
}

// replaceFile puts a new file at name, never writing through a hard link.
func replaceFile(name, data string) error {
	if err := os.RemoveAll(name); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(data), 0o644)
}

// TestRecoverHalfBuild stops builds after every number of writes, leaving
// the staging tree in each half state, and checks the next build.
func TestRecoverHalfBuild(t *testing.T) {
	dest, _ := twoTrees(t)
	paths := slices.Sorted(func(yield func(string) bool) {
		for rel := range v2 {
			yield(rel)
		}
	})
	for n := range len(paths) + 1 {
		w, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		for _, rel := range paths[:n] {
			if err := w.WriteFile(rel, []byte(v2[rel])); err != nil {
				t.Fatal(err)
			}
		}
		w.Abort()
		checkTree(t, dest, v1)
		build(t, dest, v1)
		checkTree(t, dest, v1)
	}
	build(t, dest, v2)
	checkTree(t, dest, v2)
}

// TestRecoverFallbackSwap puts the trees in each state that a build killed
// during swapByRenames leaves.
func TestRecoverFallbackSwap(t *testing.T) {
	tests := []struct {
		name     string
		state    func(l layout) error
		wantDest site
	}{
		{"after first rename", func(l layout) error {
			return os.Rename(l.dest, l.swap)
		}, v1},
		{"after second rename", func(l layout) error {
			if err := os.Rename(l.dest, l.swap); err != nil {
				return err
			}
			return os.Rename(l.staging, l.dest)
		}, v2},
		{"unknown leftover", func(l layout) error {
			return os.Mkdir(l.swap, 0o755)
		}, v1},
	}
	for _, tt := range tests {
		dest := filepath.Join(t.TempDir(), "public")
		build(t, dest, v1)
		l, err := newLayout(dest)
		if err != nil {
			t.Fatal(err)
		}
		// Stage v2 completely, as Commit does before swapping.
		w, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := writeAll(w, v2, 2); err != nil {
			t.Fatal(err)
		}
		if err := w.prune(); err != nil {
			t.Fatal(err)
		}
		w.Abort()
		if err := tt.state(l); err != nil {
			t.Fatal(err)
		}
		w, err = Begin(dest)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		w.Abort()
		checkTree(t, dest, tt.wantDest)
		if ok, _ := exists(l.swap); ok {
			t.Errorf("%s: %s left", tt.name, l.swap)
		}
		build(t, dest, v2)
		checkTree(t, dest, v2)
	}
}
