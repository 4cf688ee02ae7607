package watchbuild

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/race"
)

// files returns the files under dest by slash path, and fails on an empty
// folder, which a build never leaves.
func files(t *testing.T, dest string) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if d.IsDir() {
			if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 {
				return fmt.Errorf("empty folder %s", rel)
			}
			return err
		}
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// compare checks that dest holds exactly the files of a fresh build.
func compare(t *testing.T, dest string, ts *livetest.Site, step string) {
	t.Helper()
	if d := livetest.Diff(files(t, dest), ts.Built()); d != "" {
		t.Fatalf("%s: %s", step, d)
	}
}

// TestMatchesBuild, the live oracle for build --watch: after each of a
// random sequence of edits (content added, edited, deleted and renamed,
// templates, static files, broken sources and their fix; every kind once
// a round) the output folder is byte for byte a fresh build's; a broken
// batch leaves it as it was. The site's config is the default, or one
// with 3 stories to a page and 8 with cards of their own, so that an
// edit moves stories across pages and across the rank of the last card.
// Most content edits list only the entries they may change
// (plan.Changed); the test fails if too few do.
func TestMatchesBuild(t *testing.T) {
	for _, config := range []struct{ name, yaml string }{
		{"default", ""},
		{"small pages", "cards: 8\npagination:\n  pagerSize: 3\n"},
	} {
		t.Run(config.name, func(t *testing.T) { matchesBuild(t, config.yaml) })
	}
}

func matchesBuild(t *testing.T, config string) {
	rounds := race.Size(2, 1) // every kind of edit in each, in a random order
	if testing.Short() {
		rounds = 1
	}
	ts := livetest.New(t, "../..", 40)
	if config != "" {
		ts.Write("digest.yaml", []byte(config))
	}
	dest := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: ts.Root, Destination: dest})
	if _, err := b.Load(); err != nil {
		t.Fatal(err)
	}
	compare(t, dest, ts, "load")
	var order []int
	for range rounds {
		order = append(order, ts.Rng.Perm(len(livetest.Edits))...)
	}
	partial := 0
	for i, k := range order {
		ed := livetest.Edits[k]
		before := files(t, dest)
		paths, broken := ed.Do(ts)
		step := fmt.Sprintf("step %d (%s)", i, ed.Name)
		res, err := b.Apply(paths)
		if broken != (err != nil) {
			t.Fatalf("%s: Apply error %v, want broken=%v", step, err, broken)
		}
		if res.Partial {
			partial++
		}
		if broken {
			if after := files(t, dest); !sameFiles(before, after) {
				t.Fatalf("%s: a broken batch changed the output folder", step)
			}
			if _, err := b.Apply(ts.Fix()); err != nil {
				t.Fatalf("%s: after the fix: %v", step, err)
			}
		}
		compare(t, dest, ts, step)
	}
	t.Logf("%d of %d writes listed in part", partial, len(order))
	if partial < len(order)/3 {
		t.Errorf("%d of %d writes listed in part, want a third at least", partial, len(order))
	}
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			return false
		}
	}
	return true
}
