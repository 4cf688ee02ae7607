// Package livetest makes generated sites for the tests of the drivers that
// follow a site's changes (internal/live, internal/watchbuild), edits them
// at random, and builds them afresh to compare with: the live oracle.
package livetest

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/load"
)

// Site is a site folder for tests: the repository's templates and
// static files, and generated content that the test edits.
type Site struct {
	tb testing.TB
	// Root is the site's folder.
	Root string
	// Rng makes every random choice, from a seed that depends on the size:
	// a run is repeatable.
	Rng *rand.Rand
	// Docs are the site's documents as the test last wrote them, by slash
	// path relative to Root.
	Docs map[string]*content.Document
	next int
}

// New makes a site of n generated articles, with the templates and static
// files of the repository at repo (a path relative to the test's folder).
func New(tb testing.TB, repo string, n int) *Site {
	tb.Helper()
	ts := &Site{tb: tb, Root: tb.TempDir(), Rng: rand.New(rand.NewPCG(1, uint64(n))), Docs: make(map[string]*content.Document)}
	for _, dir := range []string{load.TemplatesDir, load.StaticDir} {
		if err := os.CopyFS(filepath.Join(ts.Root, dir), os.DirFS(filepath.Join(repo, dir))); err != nil {
			tb.Fatal(err)
		}
	}
	Corpus(tb, ts.Root, n)
	docs, err := content.Load(os.DirFS(ts.Root), load.ContentDir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, d := range docs {
		ts.Docs[d.Path] = d
	}
	ts.next = n
	return ts
}

// Write writes the file rel (slash path) and returns rel.
func (ts *Site) Write(rel string, data []byte) string {
	ts.tb.Helper()
	p := filepath.Join(ts.Root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		ts.tb.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		ts.tb.Fatal(err)
	}
	return rel
}

// Save writes the document d to its path and returns the path.
func (ts *Site) Save(d *content.Document) string {
	ts.Docs[d.Path] = d
	return ts.Write(d.Path, content.Marshal(d))
}

// Remove removes the file rel and returns rel.
func (ts *Site) Remove(rel string) string {
	delete(ts.Docs, rel)
	if err := os.Remove(filepath.Join(ts.Root, filepath.FromSlash(rel))); err != nil {
		ts.tb.Fatal(err)
	}
	return rel
}

// Pick returns a random document, copied so that it can be edited.
func (ts *Site) Pick() *content.Document {
	paths := slices.Sorted(mapsKeys(ts.Docs))
	d := *ts.Docs[paths[ts.Rng.IntN(len(paths))]]
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

// Built builds the site with internal/build and returns every file. The
// build shares the drivers' card cache: a card is named by what it shows,
// so a shared cache still gives each the cards of its own site.
func (ts *Site) Built() map[string][]byte {
	ts.tb.Helper()
	dest := filepath.Join(ts.tb.TempDir(), "public")
	opts := build.Options{Source: os.DirFS(ts.Root), Destination: dest, CardCache: filepath.Join(ts.Root, ".cache", "cards")}
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

// Diff describes the first difference, in name order, between the files
// of a driver and those of a fresh build, or returns "" if they are the
// same.
func Diff(got, want map[string][]byte) string {
	for _, name := range slices.Sorted(maps.Keys(want)) {
		data, ok := got[name]
		switch {
		case !ok:
			return fmt.Sprintf("%s of a fresh build is missing", name)
		case !bytes.Equal(data, want[name]):
			return fmt.Sprintf("%s differs from a fresh build:\n%s", name, FirstDiff(data, want[name]))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[name]; !ok {
			return fmt.Sprintf("%s is not in a fresh build", name)
		}
	}
	return ""
}

// FirstDiff shows where got, from a driver, and want, from a build, first
// differ.
func FirstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("driver: …%s…\n build: …%s…", got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
}
