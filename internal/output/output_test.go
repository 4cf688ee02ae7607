package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

var v1 = site{
	"index.html":          "home 1",
	"news/a/index.html":   "a 1",
	"news/b/index.html":   "b 1",
	"topics/x/y/z.html":   "z 1",
	"static/site.css":     "css",
	"static/img/logo.svg": "<svg/>",
}

func TestFirstBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if got, want := build(t, dest, v1), (Stats{Written: len(v1)}); got != want {
		t.Errorf("stats = %+v, want %+v", got, want)
	}
	checkTree(t, dest, v1)
	if got, want := siblings(t, dest), []string{".public.lock", "public"}; !slices.Equal(got, want) {
		t.Errorf("beside dest: %q, want %q", got, want)
	}
}

func TestUnchangedRebuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, v1)
	before := infos(t, dest)
	// The second build starts with no staging tree, the third with the
	// first site as staging tree.
	for i := range 3 {
		if got, want := build(t, dest, v1), (Stats{Unchanged: len(v1)}); got != want {
			t.Errorf("build %d: stats = %+v, want %+v", i+2, got, want)
		}
		checkTree(t, dest, v1)
		checkKept(t, before, infos(t, dest))
	}
	fresh := filepath.Join(t.TempDir(), "public")
	build(t, fresh, v1)
	checkTree(t, dest, readTree(t, fresh))
}

func TestSequence(t *testing.T) {
	steps := []struct {
		name string
		site site
		want Stats
	}{
		{"first", v1, Stats{Written: 6}},
		{"change and delete", site{
			"index.html":          "home 2",
			"news/a/index.html":   "a 1",
			"news/c/index.html":   "c 2",
			"static/site.css":     "css",
			"static/img/logo.svg": "<svg/>",
		}, Stats{Written: 2, Unchanged: 3, Removed: 2}},
		{"file becomes directory", site{
			"index.html/x":      "odd",
			"news/a/index.html": "a 1",
			"static/site.css":   "css!",
		}, Stats{Written: 2, Unchanged: 1, Removed: 3}},
		{"directory becomes file", site{
			"index.html":        "home 3",
			"news":              "news file",
			"static/site.css":   "css",
			"topics/x/y/z.html": "z 1",
		}, Stats{Written: 4, Removed: 2}},
		{"empty site", site{}, Stats{Removed: 4}},
		{"back to first", v1, Stats{Written: 6}},
		{"same again", v1, Stats{Unchanged: 6}},
	}
	dest := filepath.Join(t.TempDir(), "public")
	var before map[string]os.FileInfo
	for i, step := range steps {
		if got := build(t, dest, step.site); got != step.want {
			t.Errorf("%s: stats = %+v, want %+v", step.name, got, step.want)
		}
		checkTree(t, dest, step.site)
		if i > 0 {
			checkUnchangedKept(t, before, infos(t, dest), steps[i-1].site, step.site)
		}
		before = infos(t, dest)
	}
}

// checkUnchangedKept checks that files with the same bytes in both sites
// kept their inode.
func checkUnchangedKept(t *testing.T, before, after map[string]os.FileInfo, old, cur site) {
	t.Helper()
	for rel, b := range cur {
		if a, ok := old[rel]; ok && a == b && !os.SameFile(before[rel], after[rel]) {
			t.Errorf("%s was rewritten", rel)
		}
	}
}

func TestAbortLeavesDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, v1)
	before := infos(t, dest)
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeAll(w, site{"index.html": "new", "other.html": "x"}, 2); err != nil {
		t.Fatal(err)
	}
	w.Abort()
	w.Abort() // twice is harmless
	checkTree(t, dest, v1)
	checkKept(t, before, infos(t, dest))
	if _, err := w.Commit(); err != errClosed {
		t.Errorf("Commit after Abort: %v, want %v", err, errClosed)
	}
	if err := w.WriteFile("late.html", nil); err != errClosed {
		t.Errorf("WriteFile after Abort: %v, want %v", err, errClosed)
	}
	build(t, dest, site{"index.html": "new"})
	checkTree(t, dest, site{"index.html": "new"})
}

func TestFailedWriteBlocksCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, v1)
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.WriteFile("index.html", []byte("new"))
	w.WriteFile("../escape", []byte("x"))
	_, err = w.Commit()
	want := `output: not committing a build with a failed write: output: path "../escape" contains ".."`
	if err == nil || err.Error() != want {
		t.Errorf("Commit: %v, want %s", err, want)
	}
	checkTree(t, dest, v1)
}

func TestPathErrors(t *testing.T) {
	tests := []struct {
		before []string // written first, successfully
		rel    string
		want   string
	}{
		{nil, "", "output: empty path"},
		{nil, "/etc/passwd", `output: path "/etc/passwd" is absolute`},
		{nil, "../x", `output: path "../x" contains ".."`},
		{nil, "a/../../x", `output: path "a/../../x" contains ".."`},
		{nil, "..", `output: path ".." contains ".."`},
		{nil, ".", `output: path "." is not clean`},
		{nil, "a//b", `output: path "a//b" is not clean`},
		{nil, "a/./b", `output: path "a/./b" is not clean`},
		{nil, "a/", `output: path "a/" is not clean`},
		{nil, `a\b`, `output: path "a\\b" contains a backslash or NUL`},
		{nil, "a\x00b", `output: path "a\x00b" contains a backslash or NUL`},
		{[]string{"a/b.html"}, "a/b.html", `output: duplicate path "a/b.html"`},
		{[]string{"a/b.html"}, "a", `output: path "a" is already a directory`},
		{[]string{"a/b.html"}, "a/b.html/c", `output: path "a/b.html/c" is inside file "a/b.html"`},
	}
	for _, tt := range tests {
		w, err := Begin(filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		for _, rel := range tt.before {
			if err := w.WriteFile(rel, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.WriteFile(tt.rel, nil); err == nil || err.Error() != tt.want {
			t.Errorf("WriteFile(%q) = %v, want %s", tt.rel, err, tt.want)
		}
		w.Abort()
	}
}

func TestConcurrentWrites(t *testing.T) {
	s := site{}
	for i := range 2000 {
		s[fmt.Sprintf("d%d/p%d.html", i%17, i)] = fmt.Sprint("page ", i)
	}
	dest := filepath.Join(t.TempDir(), "public")
	for _, want := range []Stats{{Written: 2000}, {Unchanged: 2000}} {
		w, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := writeAll(w, s, 64); err != nil {
			t.Fatal(err)
		}
		if got, err := w.Commit(); err != nil || got != want {
			t.Errorf("Commit = %+v, %v; want %+v", got, err, want)
		}
		checkTree(t, dest, s)
	}
}

func TestConcurrentDuplicates(t *testing.T) {
	w, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	var wg sync.WaitGroup
	errs := make([]error, 16)
	for i := range errs {
		wg.Go(func() { errs[i] = w.WriteFile("same.html", []byte("x")) })
	}
	wg.Wait()
	if n := len(errs) - countNil(errs); n != len(errs)-1 {
		t.Errorf("%d writes failed, want %d", n, len(errs)-1)
	}
}

func countNil(errs []error) int {
	n := 0
	for _, err := range errs {
		if err == nil {
			n++
		}
	}
	return n
}

func TestLock(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Begin(dest)
	if want := "output: another build is writing " + dest; err == nil || err.Error() != want {
		t.Errorf("second Begin: %v, want %s", err, want)
	}
	w.Abort()
	w, err = Begin(dest)
	if err != nil {
		t.Fatalf("Begin after Abort: %v", err)
	}
	w.Abort()
}

func TestDestNotDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, make := range []func(string) error{
		func(p string) error { return os.WriteFile(p, []byte("x"), 0o644) },
		func(p string) error { return os.Symlink(dir, p) },
	} {
		dest := filepath.Join(t.TempDir(), "public")
		if err := make(dest); err != nil {
			t.Fatal(err)
		}
		_, err := Begin(dest)
		if want := "output: " + dest + " is not a directory"; err == nil || err.Error() != want {
			t.Errorf("Begin: %v, want %s", err, want)
		}
	}
}

// TestBigFile checks a file longer than one chunk of the comparison with
// the destination's copy.
func TestBigFile(t *testing.T) {
	big := make([]byte, 100<<10+7)
	big[len(big)-1] = 1
	dest := filepath.Join(t.TempDir(), "public")
	var before map[string]os.FileInfo
	for _, want := range []Stats{{Written: 1}, {Unchanged: 1}} {
		w, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.WriteFile("img/logo.png", big); err != nil {
			t.Fatal(err)
		}
		if got, err := w.Commit(); err != nil || got != want {
			t.Errorf("Commit = %+v, %v; want %+v", got, err, want)
		}
		checkTree(t, dest, site{"img/logo.png": string(big)})
		checkKept(t, before, infos(t, dest))
		before = infos(t, dest)
	}
}

func TestSameSizeChange(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, site{"a": "aaaa"})
	if got, want := build(t, dest, site{"a": "aaab"}), (Stats{Written: 1}); got != want {
		t.Errorf("stats = %+v, want %+v", got, want)
	}
	checkTree(t, dest, site{"a": "aaab"})
}

func TestFallbackSwap(t *testing.T) {
	unsupported := func(a, b string) error { return errors.ErrUnsupported }
	dest := filepath.Join(t.TempDir(), "public")
	for _, s := range []site{v1, {"index.html": "2"}, v1, v1} {
		w, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		w.exchange = unsupported
		if err := writeAll(w, s, 2); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		checkTree(t, dest, s)
	}
	want := []string{".public.lock", ".public.staging", "public"}
	if got := siblings(t, dest); !slices.Equal(got, want) {
		t.Errorf("beside dest: %q, want %q", got, want)
	}
}
