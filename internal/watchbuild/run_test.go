package watchbuild

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/live/livetest"
)

// TestRun edits a content file under build --watch and waits for public/
// to show the change; a broken file is reported with its file and line
// and leaves the last good page, and the next good save recovers.
func TestRun(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"templates", "static", "content"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Root: root, Destination: filepath.Join(root, "public"), BaseURL: "/", Now: time.Now}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs logBuffer
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts, time.Second, &out, &errs) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	page := filepath.Join(root, "public/news/russia-seeks-veto-in-ukraine-security-guarantees/index.html")
	story := filepath.Join(root, "content/russia-seeks-veto-in-ukraine-security-guarantees.md")
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); !ok(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; stdout:\n%s\nstderr:\n%s", what, out.String(), errs.String())
			}
		}
	}
	waitFor("the watcher", func() bool { return strings.Contains(out.String(), "watching") })
	replaceIn(t, story, "Lavrov says Moscow must be involved", "A dek edited under watch")
	waitFor("the rebuilt page", func() bool {
		data, _ := os.ReadFile(page)
		return strings.Contains(string(data), "A dek edited under watch")
	})
	replaceIn(t, story, "title: ", "titel: ")
	waitFor("the failure", func() bool { return strings.Contains(errs.String(), "build failed, the last good site is kept") })
	if want := `content/russia-seeks-veto-in-ukraine-security-guarantees.md:2: front matter: unknown key "titel"`; !strings.Contains(errs.String(), want) {
		t.Errorf("stderr does not name the bad key with its file and line, %s:\n%s", want, errs.String())
	}
	if data, _ := os.ReadFile(page); !strings.Contains(string(data), "A dek edited under watch") {
		t.Errorf("the last good page is gone after a failed build")
	}
	replaceIn(t, story, "titel: ", "title: Recovered ")
	waitFor("the recovered page", func() bool {
		data, _ := os.ReadFile(page)
		return strings.Contains(string(data), "Recovered")
	})
}

var replaceIn = livetest.ReplaceIn

type logBuffer = livetest.Log
