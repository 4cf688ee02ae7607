package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/build"
)

// TestWatchBuild edits a content file under build --watch and waits for
// public/ to show the change; a broken file is reported and leaves the
// last good page.
func TestWatchBuild(t *testing.T) {
	root := newSite(t)
	opts := build.Options{Source: os.DirFS(root), Destination: filepath.Join(root, "public"), BaseURL: "/"}
	if _, err := build.Build(opts); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs logBuffer
	done := make(chan error, 1)
	go func() { done <- WatchBuild(ctx, opts, root, &out, &errs, time.Now) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("WatchBuild: %v", err)
		}
	}()
	page := filepath.Join(root, "public/news/russia-seeks-veto-in-ukraine-security-guarantees/index.html")
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); !ok(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; stdout:\n%s\nstderr:\n%s", what, out.String(), errs.String())
			}
		}
	}
	waitFor("the watcher", func() bool { return strings.Contains(out.String(), "watching") })
	replaceIn(t, filepath.Join(root, veto), "Lavrov says Moscow must be involved", "A dek edited under watch")
	waitFor("the rebuilt page", func() bool {
		data, _ := os.ReadFile(page)
		return strings.Contains(string(data), "A dek edited under watch")
	})
	replaceIn(t, filepath.Join(root, veto), "title: ", "titel: ")
	waitFor("the failure", func() bool { return strings.Contains(errs.String(), "build failed, the last good site is kept") })
	if !strings.Contains(errs.String(), `unknown key "titel"`) {
		t.Errorf("stderr does not name the bad key:\n%s", errs.String())
	}
	if data, _ := os.ReadFile(page); !strings.Contains(string(data), "A dek edited under watch") {
		t.Errorf("the last good page is gone after a failed build")
	}
}
