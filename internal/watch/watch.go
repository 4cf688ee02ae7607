// Package watch reports changes to a site's source folders, batched: one
// save in an editor (write in place, write to a temporary file and rename,
// delete and create) makes a burst of events that is reported once, after
// the folders have been quiet for a moment. It watches the folders
// recursively, folders created later included. fsnotify is used here and
// nowhere else.
package watch

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Quiet is how long the folders must be still before a batch of changes
// is reported: long enough for an editor's burst of events, short enough
// not to be noticed.
const Quiet = 20 * time.Millisecond

// Watcher watches some folders and files of a root folder.
type Watcher struct {
	root  string
	dirs  []string
	files []string
	quiet time.Duration
	fsw   *fsnotify.Watcher
}

// New watches the folders dirs (names relative to root, such as "content")
// recursively, and the files named files directly in root (such as the
// site config); either may be created later. Nothing else below root is
// reported: not the output folder, nor a build's lock files beside it.
func New(root string, dirs, files []string) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{root: root, dirs: dirs, files: files, quiet: Quiet, fsw: fsw}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("watch: %w", err)
	}
	for _, d := range dirs {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

// addTree watches dir and every folder below it, leaving out hidden ones.
// A folder that cannot be watched is skipped: it may be gone already.
func (w *Watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		w.fsw.Add(p)
		return nil
	})
}

// Run reports batches of changed paths to changed until ctx is done. Paths
// are slash paths relative to the root, sorted, such as "content/x.md" or
// "content/sub" for a folder. changed runs on Run's goroutine, so batches
// never overlap; events during a call are kept for the next batch.
func (w *Watcher) Run(ctx context.Context, changed func(paths []string)) error {
	defer w.fsw.Close()
	batch := make(map[string]bool)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return nil
			}
			if rel, ok := w.relevant(ev); ok {
				batch[rel] = true
				timer.Reset(w.quiet)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return nil
			}
			return fmt.Errorf("watch: %w", err)
		case <-timer.C:
			paths := slices.Sorted(func(yield func(string) bool) {
				for p := range batch {
					if !yield(p) {
						return
					}
				}
			})
			clear(batch)
			changed(paths)
		}
	}
}

// relevant returns the event's path relative to the root if it is one of
// the watched files or in a watched folder, and watches a new folder.
func (w *Watcher) relevant(ev fsnotify.Event) (string, bool) {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, nested := strings.Cut(rel, "/")
	if !slices.Contains(w.dirs, top) {
		return rel, !nested && slices.Contains(w.files, rel) && ev.Op != fsnotify.Chmod
	}
	if ev.Has(fsnotify.Create) && isDir(ev.Name) {
		w.addTree(ev.Name)
	}
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	return rel, true
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
