package live

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/load"
)

// testSite is a site folder for tests: the repository's templates and
// static files, and generated content that the test edits.
type testSite struct {
	tb   testing.TB
	root string
	rng  *rand.Rand
	docs map[string]*content.Document // by path relative to root
	next int
}

func newTestSite(tb testing.TB, n int) *testSite {
	tb.Helper()
	ts := &testSite{tb: tb, root: tb.TempDir(), rng: rand.New(rand.NewPCG(1, uint64(n))), docs: make(map[string]*content.Document)}
	for _, dir := range []string{load.TemplatesDir, load.StaticDir} {
		if err := os.CopyFS(filepath.Join(ts.root, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
			tb.Fatal(err)
		}
	}
	corpus(tb, ts.root, n)
	docs, err := content.Load(os.DirFS(ts.root), load.ContentDir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, d := range docs {
		ts.docs[d.Path] = d
	}
	ts.next = n
	return ts
}

// write writes the file rel (slash path) and returns rel.
func (ts *testSite) write(rel string, data []byte) string {
	ts.tb.Helper()
	p := filepath.Join(ts.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		ts.tb.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		ts.tb.Fatal(err)
	}
	return rel
}

func (ts *testSite) save(d *content.Document) string {
	ts.docs[d.Path] = d
	return ts.write(d.Path, content.Marshal(d))
}

func (ts *testSite) remove(rel string) string {
	delete(ts.docs, rel)
	if err := os.Remove(filepath.Join(ts.root, filepath.FromSlash(rel))); err != nil {
		ts.tb.Fatal(err)
	}
	return rel
}

// pick returns a random document, copied so that it can be edited.
func (ts *testSite) pick() *content.Document {
	paths := slices.Sorted(mapsKeys(ts.docs))
	d := *ts.docs[paths[ts.rng.IntN(len(paths))]]
	d.Meta.Tags = slices.Clone(d.Meta.Tags)
	d.Meta.Related = slices.Clone(d.Meta.Related)
	return &d
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// built builds the site with internal/build and returns every file. The
// build shares the engine's card cache: a card is named by what it shows,
// so a shared cache still gives each the cards of its own site.
func (ts *testSite) built() map[string][]byte {
	ts.tb.Helper()
	dest := filepath.Join(ts.tb.TempDir(), "public")
	opts := build.Options{Source: os.DirFS(ts.root), Destination: dest, CardCache: filepath.Join(ts.root, ".cache", "cards")}
	if _, err := build.Build(opts); err != nil {
		ts.tb.Fatalf("fresh build: %v", err)
	}
	files := make(map[string][]byte)
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		ts.tb.Fatal(err)
	}
	return files
}

// compare checks every file the engine serves against a fresh build, and
// that the engine serves every file of the build.
func compare(t *testing.T, e *Engine, ts *testSite, step string) {
	t.Helper()
	want := ts.built()
	got := make(map[string][]byte)
	if err := e.All(func(name string, data []byte) error { got[name] = data; return nil }); err != nil {
		t.Fatalf("%s: engine: %v", step, err)
	}
	for name, data := range got {
		if !bytes.Equal(data, want[name]) {
			t.Fatalf("%s: %s differs from a fresh build:\n%s", step, name, firstDiff(data, want[name]))
		}
		served, err := e.File(name)
		if err != nil || !bytes.Equal(served, data) {
			t.Fatalf("%s: File(%q) differs from the whole render: %v", step, name, err)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Fatalf("%s: the engine has no %s", step, name)
		}
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("engine: …%s…\n build: …%s…", a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}

// edits are the random changes of TestMatchesBuild; each returns the
// changed paths and whether the sources are now broken.
var edits = []struct {
	name string
	do   func(ts *testSite) ([]string, bool)
}{
	{"edit dek", func(ts *testSite) ([]string, bool) {
		d := ts.pick()
		d.Meta.Description = phrase(ts.rng, 10)
		return []string{ts.save(d)}, false
	}},
	{"edit title", func(ts *testSite) ([]string, bool) {
		d, other := ts.pick(), ts.pick()
		d.Meta.Title = other.Meta.Title // now two articles share a headline
		if ts.rng.IntN(2) == 0 {
			d.Meta.Title = phrase(ts.rng, 6)
		}
		return []string{ts.save(d)}, false
	}},
	{"change related", func(ts *testSite) ([]string, bool) {
		d := ts.pick()
		d.Meta.Related = append(d.Meta.Related[:ts.rng.IntN(len(d.Meta.Related)+1)], ts.pick().Meta.Title, ts.pick().Meta.Title+" again")
		return []string{ts.save(d)}, false
	}},
	{"change tags", func(ts *testSite) ([]string, bool) {
		d := ts.pick()
		d.Meta.Tags = []string{topics[ts.rng.IntN(len(topics))], strings.ToUpper(topics[ts.rng.IntN(len(topics))]), fmt.Sprintf("New %d", ts.rng.IntN(5))}
		return []string{ts.save(d)}, false
	}},
	{"change date", func(ts *testSite) ([]string, bool) {
		d := ts.pick()
		d.Meta.Date = d.Meta.Date.Add(time.Duration(ts.rng.IntN(200)-100) * time.Hour)
		return []string{ts.save(d)}, false
	}},
	{"draft", func(ts *testSite) ([]string, bool) {
		d := ts.pick()
		d.Meta.Draft = !d.Meta.Draft
		return []string{ts.save(d)}, false
	}},
	{"add article", func(ts *testSite) ([]string, bool) {
		titles := []string{ts.pick().Meta.Title, phrase(ts.rng, 6)}
		d := generated(ts.rng, 1, titles, time.Date(2025, 8, 1+ts.rng.IntN(30), 0, 0, 0, 0, time.UTC))
		d.Path = fmt.Sprintf("content/sub%d/new-%d.md", ts.rng.IntN(2), ts.next)
		d.Meta.Slug = fmt.Sprintf("new-%d", ts.next)
		ts.next++
		return []string{ts.save(d)}, false
	}},
	{"delete article", func(ts *testSite) ([]string, bool) {
		return []string{ts.remove(ts.pick().Path)}, false
	}},
	{"rename file", func(ts *testSite) ([]string, bool) {
		d := ts.pick()
		old := ts.remove(d.Path)
		d.Path = strings.TrimSuffix(d.Path, ".md") + "-renamed.md"
		return []string{old, ts.save(d)}, false
	}},
	{"template change", func(ts *testSite) ([]string, bool) {
		p := "templates/partials/card.html"
		data, _ := os.ReadFile(filepath.Join(ts.root, p))
		return []string{ts.write(p, append(data, fmt.Sprintf("\n{{/* edit %d */}}", ts.rng.IntN(1000))...))}, false
	}},
	{"static change", func(ts *testSite) ([]string, bool) {
		return []string{ts.write("static/extra.css", []byte(phrase(ts.rng, 3)))}, false
	}},
	{"bad front matter", func(ts *testSite) ([]string, bool) {
		d := ts.pick()
		data := content.Marshal(d)
		return []string{ts.write(d.Path, bytes.Replace(data, []byte("title:"), []byte("titel:"), 1))}, true
	}},
	{"duplicate slug", func(ts *testSite) ([]string, bool) {
		d, other := ts.pick(), ts.pick()
		if d.Path == other.Path || d.Meta.Draft || other.Meta.Draft {
			return nil, false
		}
		d.Meta.Slug = other.Meta.Slug
		return []string{ts.save(d)}, true
	}},
	{"bad template", func(ts *testSite) ([]string, bool) {
		return []string{ts.write("templates/partials/broken.html", []byte("{{define \"x\"}}\n{{if}}{{end}}"))}, true
	}},
}

// fix undoes what made the sources broken: every content file is written
// again from its document, and the broken template removed.
func (ts *testSite) fix() []string {
	var paths []string
	seen := make(map[string]bool)
	for _, p := range slices.Sorted(mapsKeys(ts.docs)) {
		d := ts.docs[p]
		if seen[d.Meta.Slug] {
			d.Meta.Slug += "-x"
		}
		seen[d.Meta.Slug] = true
		paths = append(paths, ts.save(d))
	}
	if os.Remove(filepath.Join(ts.root, "templates/partials/broken.html")) == nil {
		paths = append(paths, "templates/partials/broken.html")
	}
	return paths
}

// TestMatchesBuild applies random sequences of edits and checks after each
// one that the engine's site is byte for byte a fresh build's.
func TestMatchesBuild(t *testing.T) {
	steps := 60
	if testing.Short() {
		steps = 15
	}
	ts := newTestSite(t, 40)
	e := New(Options{Root: ts.root})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	compare(t, e, ts, "load")
	for i := range steps {
		ed := edits[ts.rng.IntN(len(edits))]
		paths, broken := ed.do(ts)
		step := fmt.Sprintf("step %d (%s)", i, ed.name)
		_, err := e.Apply(paths)
		if broken != (err != nil) {
			t.Fatalf("%s: Apply error %v, want broken=%v", step, err, broken)
		}
		if broken {
			if _, err := e.Apply(ts.fix()); err != nil {
				t.Fatalf("%s: after the fix: %v", step, err)
			}
		}
		compare(t, e, ts, step)
	}
}
