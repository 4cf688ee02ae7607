package live

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/site"
)

// TestPreviewShowsDrafts checks that the preview, with drafts on as
// digest serve has them, shows a draft with its banner and still leaves
// out a story scheduled after its clock.
func TestPreviewShowsDrafts(t *testing.T) {
	ts := livetest.New(t, "../..", 3)
	draft := ts.Pick()
	draft.Meta.Draft = true
	ts.Save(draft)
	future := ts.Pick()
	for future.Path == draft.Path {
		future = ts.Pick()
	}
	future.Meta.PublishDate = time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC)
	ts.Save(future)
	now := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

	e := New(Options{Root: ts.Root, Publish: site.Publish{Drafts: true}, Now: now})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	page, err := e.File("news/" + draft.Meta.Slug + "/index.html")
	if err != nil {
		t.Fatalf("draft page: %v", err)
	}
	if !strings.Contains(string(page), `class="draft-banner"`) {
		t.Error("the draft's page has no Draft banner")
	}
	front, _ := e.File("index.html")
	if !strings.Contains(string(front), `class="draft-label"`) {
		t.Error("the draft's card has no Draft label")
	}
	if _, err := e.File("news/" + future.Meta.Slug + "/index.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("scheduled story's page: err = %v, want not found", err)
	}

	e = New(Options{Root: ts.Root, Now: now})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	if _, err := e.File("news/" + draft.Meta.Slug + "/index.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("without drafts, the draft's page: err = %v, want not found", err)
	}
}

// TestPreviewWithdrawnAndAliases follows a story through the preview as
// an editor withdraws it, then renames it instead: its address answers
// with the withdrawn page, then the story; the old address redirects.
func TestPreviewWithdrawnAndAliases(t *testing.T) {
	ts := livetest.New(t, "../..", 3)
	story := ts.Pick()
	page := "news/" + story.Meta.Slug + "/index.html"
	e := New(Options{Root: ts.Root})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	story.Meta.Withdrawn = "Withdrawn for a test."
	if _, err := e.Apply([]string{ts.Save(story)}); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.File(page); !strings.Contains(string(got), "<h1>This story was withdrawn</h1>") {
		t.Errorf("withdrawn story's page:\n%s", got)
	}
	if front, _ := e.File("index.html"); strings.Contains(string(front), story.Meta.Title) {
		t.Error("the front page lists the withdrawn story")
	}
	old := story.Meta.Slug
	story.Meta.Withdrawn, story.Meta.Slug, story.Meta.Aliases = "", "renamed-story", []string{"news/" + old + "/"}
	if _, err := e.Apply([]string{ts.Save(story)}); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.File(page); !strings.Contains(string(got), `content="0; url=`) || !strings.Contains(string(got), "/news/renamed-story/") {
		t.Errorf("old address of the renamed story:\n%s", got)
	}
	if _, err := e.File("news/renamed-story/index.html"); err != nil {
		t.Errorf("renamed story's page: %v", err)
	}
	compare(t, e, ts, "after withdrawing and renaming")
}

// TestTickPublishesOnTime moves the engine's clock past a story's
// publishDate: Tick puts it in, and the site is then the one a build
// (which, without a clock, includes every story) writes.
func TestTickPublishesOnTime(t *testing.T) {
	ts := livetest.New(t, "../..", 3)
	story := ts.Pick()
	story.Meta.PublishDate = time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	ts.Save(story)
	now := time.Date(2030, 1, 1, 8, 0, 0, 0, time.UTC)
	e := New(Options{Root: ts.Root, Now: func() time.Time { return now }})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	if got := e.Due(); !got.Equal(story.Meta.PublishDate) {
		t.Errorf("Due = %v, want the publishDate", got)
	}
	if n, err := e.Tick(); n != 0 || err != nil {
		t.Errorf("Tick before its time = %d, %v; want nothing", n, err)
	}
	now = story.Meta.PublishDate
	if n, err := e.Tick(); n != 1 || err != nil {
		t.Fatalf("Tick at its time = %d, %v; want 1 story", n, err)
	}
	if !e.Due().IsZero() {
		t.Errorf("Due after = %v, want none", e.Due())
	}
	compare(t, e, ts, "after the story went out")
}

// TestDueFollowsEdits: the time the site next changes by the clock follows
// edits, one story at a time: a story given a later publishDate, another
// an expiry, the first published again now, the second deleted.
func TestDueFollowsEdits(t *testing.T) {
	ts := livetest.New(t, "../..", 5)
	now := time.Date(2030, 1, 1, 8, 0, 0, 0, time.UTC)
	e := New(Options{Root: ts.Root, Now: func() time.Time { return now }})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	if !e.Due().IsZero() {
		t.Fatalf("Due = %v before any story is timed, want none", e.Due())
	}
	out, expires := ts.Pick(), ts.Pick()
	for expires.Path == out.Path {
		expires = ts.Pick()
	}
	later, expiry := now.Add(3*time.Hour), now.Add(2*time.Hour)
	steps := []struct {
		name string
		edit func() string
		want time.Time
	}{
		{"publishDate later", func() string { out.Meta.PublishDate = later; return ts.Save(out) }, later},
		{"an expiry sooner", func() string { expires.Meta.ExpiryDate = expiry; return ts.Save(expires) }, expiry},
		{"published now", func() string { out.Meta.PublishDate = time.Time{}; return ts.Save(out) }, expiry},
		{"expiring story deleted", func() string { return ts.Remove(expires.Path) }, time.Time{}},
	}
	for _, s := range steps {
		if _, err := e.Apply([]string{s.edit()}); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := e.Due(); !got.Equal(s.want) {
			t.Errorf("%s: Due = %v, want %v", s.name, got, s.want)
		}
	}
}
