package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/site"
)

// fakeClock is a clock the test moves on.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

// TestScheduledStoryGoesOut advances the preview's clock past a story's
// publishDate: the story appears, without a restart, and open pages are
// told to reload.
func TestScheduledStoryGoesOut(t *testing.T) {
	root := newSite(t)
	story := "---\ntitle: Scheduled story\nslug: scheduled-story\ndate: 2025-08-21T00:00:00Z\npublishDate: 2030-01-01T09:00:00Z\n---\n\nLater.\n"
	if err := os.WriteFile(filepath.Join(root, "content", "scheduled-story.md"), []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{now: time.Date(2030, 1, 1, 8, 0, 0, 0, time.UTC)}
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	log := &logBuffer{}
	go func() {
		done <- Run(ctx, Options{Root: root, Bind: "127.0.0.1", Log: log, Now: clock.Now, Poll: 5 * time.Millisecond,
			Publish: site.Publish{Drafts: true}, Ready: func(url string) { ready <- url }})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	url := strings.TrimSuffix(<-ready, "/")
	if code, _ := get(t, url+"/news/scheduled-story/"); code != 404 {
		t.Fatalf("before its time, the story's page: %d, want 404", code)
	}
	events := listen(t, url)
	clock.set(time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC))
	await(t, events, "reload")
	code, body := get(t, url+"/news/scheduled-story/")
	if code != 200 || !strings.Contains(body, "Scheduled story") {
		t.Errorf("at its time, the story's page: %d", code)
	}
	if _, front := get(t, url+"/"); !strings.Contains(front, "Scheduled story") {
		t.Error("at its time, the front page does not list the story")
	}
	if !strings.Contains(log.String(), "1 published or taken down on time") {
		t.Errorf("log:\n%s", log)
	}
}
