package convert

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

var testDate = time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)

// site makes a site folder holding the given seeds (name → text), or the
// repository's real seeds if there are none.
func site(t *testing.T, seeds map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if seeds == nil {
		files, _ := filepath.Glob("../../seeds/*.txt")
		seeds = map[string]string{}
		for _, f := range files {
			seeds[filepath.Base(f)] = string(mustRead(t, f))
		}
	}
	for name, text := range seeds {
		writeSeed(t, dir, name, text)
	}
	return dir
}

func writeSeed(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "seeds", name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// snapshot returns the content folder: file name → bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "content", "*"))
	m := map[string]string{}
	for _, f := range files {
		m[filepath.Base(f)] = string(mustRead(t, f))
	}
	return m
}

// messages returns the report's warnings with dir removed, one a line.
func messages(dir string, r *Report) string {
	return strings.ReplaceAll(r.Warnings.Full(), dir+string(filepath.Separator), "")
}

func TestGolden(t *testing.T) {
	dir := site(t, nil)
	r, err := Run(Options{Source: dir, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, dir)
	got["warnings.txt"] = messages(dir, r)
	golden := filepath.Join("testdata", "golden")
	if *update {
		os.RemoveAll(golden)
		os.MkdirAll(golden, 0o755)
		for name, data := range got {
			if err := os.WriteFile(filepath.Join(golden, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	files, _ := filepath.Glob(filepath.Join(golden, "*"))
	if len(files) != len(got) {
		t.Errorf("converted %d files (with warnings.txt), golden has %d (run go test -update)", len(got), len(files))
	}
	for _, f := range files {
		if g, ok := got[filepath.Base(f)]; !ok || g != string(mustRead(t, f)) {
			t.Errorf("%s differs from the conversion:\n%s", f, g)
		}
	}
}

func TestIdempotent(t *testing.T) {
	dir := site(t, nil)
	r1, err := Run(Options{Source: dir, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	stat := mtimes(t, dir)
	r2, err := Run(Options{Source: dir, Date: testDate.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r2.Written) != 0 || len(r2.Unchanged) != len(r1.Written) {
		t.Errorf("second run wrote %q, left %d unchanged; want none written, %d unchanged", r2.Written, len(r2.Unchanged), len(r1.Written))
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("second run changed the content files")
	}
	if after := mtimes(t, dir); !maps.Equal(stat, after) {
		t.Error("second run touched the content files")
	}
}

func mtimes(t *testing.T, dir string) map[string]string {
	files, _ := filepath.Glob(filepath.Join(dir, "content", "*"))
	m := map[string]string{}
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		m[f] = fi.ModTime().String()
	}
	return m
}

func TestDerivedFields(t *testing.T) {
	dir := site(t, map[string]string{"a.txt": "\nThe U.S. envoy, Mr. Smith, met officials in Geneva on Tuesday to discuss the long-running trade dispute. Talks went on. More text.\nWritten By Ann"})
	r, err := Run(Options{Source: dir, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	want := "seeds/a.txt:2: no headline; title derived from the first sentence: \"The U.S. envoy, Mr. Smith, met officials in Geneva on Tuesday\"\n" +
		"seeds/a.txt:2: no dek; left empty, since the first sentence is the headline\n" +
		"seeds/a.txt:2: no lede; summary derived from the sentences after the headline\n"
	if got := messages(dir, r); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
	doc := parse(t, dir, "the-u-s-envoy-mr-smith-met-officials-in-geneva-on-tuesday.md")
	if doc.Meta.Summary != "Talks went on. More text." || doc.Meta.Description != "" {
		t.Errorf("summary = %q", doc.Meta.Summary)
	}
	if doc.Meta.Author != "Ann" {
		t.Errorf("author = %q", doc.Meta.Author)
	}
}

func parse(t *testing.T, dir, name string) *content.Document {
	t.Helper()
	path := filepath.Join(dir, "content", name)
	doc, err := content.Parse(path, mustRead(t, path))
	if err != nil {
		t.Fatalf("%v (files: %q)", err, slices.Sorted(maps.Keys(snapshot(t, dir))))
	}
	return doc
}
