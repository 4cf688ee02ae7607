package convert

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const seedA = "T4K3.news\nFirst headline\nDek.\n\nLede.\nBody: Geneva and Geneva.\n"

func TestHandEditAndForce(t *testing.T) {
	dir := site(t, map[string]string{"a.txt": seedA})
	if _, err := Run(Options{Source: dir, Date: testDate}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "content", "first-headline.md")
	edited := strings.Replace(string(mustRead(t, path)), "Dek.", "Dek, edited.", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	writeSeed(t, dir, "a.txt", strings.Replace(seedA, "Lede.", "New lede.", 1))
	r, err := Run(Options{Source: dir, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	want := "content/first-headline.md: edited by hand; not converted again from a.txt (use --force to overwrite)\n"
	if got := messages(dir, r); got != want || len(r.Skipped) != 1 || len(r.Written) != 0 {
		t.Errorf("warnings %q, skipped %q, written %q; want %q", got, r.Skipped, r.Written, want)
	}
	if string(mustRead(t, path)) != edited {
		t.Fatal("hand-edited file was overwritten")
	}
	r, err = Run(Options{Source: dir, Date: testDate.Add(time.Hour), Force: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, dir, "first-headline.md")
	if len(r.Written) != 1 || doc.Edited() || doc.Meta.Summary != "New lede." || !doc.Meta.Date.Equal(testDate) {
		t.Errorf("forced run: written %q, edited %v, summary %q, date %v", r.Written, doc.Edited(), doc.Meta.Summary, doc.Meta.Date)
	}
}

func TestDateAndSlugKept(t *testing.T) {
	dir := site(t, map[string]string{"a.txt": seedA})
	if _, err := Run(Options{Source: dir, Date: testDate}); err != nil {
		t.Fatal(err)
	}
	writeSeed(t, dir, "a.txt", strings.Replace(seedA, "First headline", "Second headline", 1))
	r, err := Run(Options{Source: dir, Date: testDate.Add(72 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, dir, "first-headline.md")
	if doc.Meta.Title != "Second headline" || doc.Meta.Slug != "first-headline" || !doc.Meta.Date.Equal(testDate) {
		t.Errorf("re-converted: title %q, slug %q, date %v; want new title, old slug and date", doc.Meta.Title, doc.Meta.Slug, doc.Meta.Date)
	}
	if len(snapshot(t, dir)) != 1 || len(r.Written) != 1 {
		t.Errorf("want one file rewritten in place; have %q", r.Written)
	}
}

func TestDateFromModTime(t *testing.T) {
	dir := site(t, map[string]string{"a.txt": seedA})
	mtime := time.Date(2024, 1, 2, 3, 4, 5, 678, time.FixedZone("X", 3600))
	if err := os.Chtimes(filepath.Join(dir, "seeds", "a.txt"), mtime, mtime); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	got := parse(t, dir, "first-headline.md").Meta.Date
	if want := time.Date(2024, 1, 2, 2, 4, 5, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("date = %v, want %v", got, want)
	}
}

func TestSlugCollision(t *testing.T) {
	dir := site(t, map[string]string{"c.txt": seedA, "a.txt": seedA, "b.txt": seedA})
	r, err := Run(Options{Source: dir, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	want := "seeds/b.txt: slug \"first-headline\" is taken by seeds/a.txt; using \"first-headline-2\"\n" +
		"seeds/c.txt: slug \"first-headline\" is taken by seeds/a.txt; using \"first-headline-3\"\n"
	if got := messages(dir, r); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
	for name, seed := range map[string]string{"first-headline.md": "a.txt", "first-headline-2.md": "b.txt", "first-headline-3.md": "c.txt"} {
		if doc := parse(t, dir, name); doc.Meta.Seed != seed || doc.Meta.Slug+".md" != name {
			t.Errorf("%s: seed %q, slug %q", name, doc.Meta.Seed, doc.Meta.Slug)
		}
	}
	if r, err = Run(Options{Source: dir, Date: testDate}); err != nil || len(r.Written) != 0 || len(r.Warnings) != 0 {
		t.Errorf("second run: err %v, written %q, warnings %q", err, r.Written, r.Warnings)
	}
}

// TestSeeds converts the seeds it is given and no other: a saved seed is
// converted alone. A path that is no seed, or a seed that is gone,
// converts nothing.
func TestSeeds(t *testing.T) {
	seedB := strings.Replace(seedA, "First headline", "Second headline", 1)
	dir := site(t, map[string]string{"a.txt": seedA, "b.txt": seedB})
	r, err := Run(Options{Source: dir, Date: testDate, Seeds: []string{"seeds/b.txt", "seeds/gone.txt", "content/x.md"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "content", "second-headline.md")}
	if !slices.Equal(r.Written, want) || len(r.Unchanged) != 0 {
		t.Errorf("written %q, unchanged %q; want written %q alone", r.Written, r.Unchanged, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "first-headline.md")); err == nil {
		t.Error("a seed not given was converted")
	}
	r, err = Run(Options{Source: dir, Date: testDate, Seeds: []string{"seeds/gone.txt"}})
	if err != nil || len(r.Written)+len(r.Unchanged)+len(r.Skipped) != 0 {
		t.Errorf("a gone seed: %v, %+v; want nothing done", err, r)
	}
}
