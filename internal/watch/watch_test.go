package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// watching starts a watcher on a temporary root with content/ and returns
// the root and the batches it reports.
func watching(t *testing.T) (string, <-chan []string) {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content", "public"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w, err := New(root, []string{"content", "templates"}, []string{"digest.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	batches := make(chan []string, 100)
	done := make(chan error)
	go func() { done <- w.Run(ctx, func(p []string) { batches <- p }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return root, batches
}

// await waits for a batch holding want, failing after a deadline.
func await(t *testing.T, batches <-chan []string, want string) []string {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case b := <-batches:
			if slices.Contains(b, want) {
				return b
			}
		case <-deadline:
			t.Fatalf("no change reported for %s", want)
		}
	}
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRenameSave(t *testing.T) {
	root, batches := watching(t)
	write(t, root, "content/.x.md.swp", "new")
	if err := os.Rename(filepath.Join(root, "content/.x.md.swp"), filepath.Join(root, "content/x.md")); err != nil {
		t.Fatal(err)
	}
	b := await(t, batches, "content/x.md")
	if len(b) > 2 {
		t.Errorf("one save reported as %q", b)
	}
}

func TestNewFolders(t *testing.T) {
	root, batches := watching(t)
	write(t, root, "content/a/b/new.md", "one")
	await(t, batches, "content/a")
	write(t, root, "content/a/b/new.md", "two") // watched by now
	await(t, batches, "content/a/b/new.md")
	write(t, root, "templates/layout.html", "x") // templates/ did not exist
	await(t, batches, "templates")
	write(t, root, "templates/layout.html", "y")
	await(t, batches, "templates/layout.html")
}

func TestIgnored(t *testing.T) {
	root, batches := watching(t)
	write(t, root, "public/index.html", "x")
	write(t, root, ".public.lock", "")
	write(t, root, "digest.yaml", "title: x\n")
	if b := await(t, batches, "digest.yaml"); !slices.Equal(b, []string{"digest.yaml"}) {
		t.Errorf("reported %q, want only digest.yaml", b)
	}
}
