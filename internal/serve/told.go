package serve

import (
	"path/filepath"
	"strings"

	"github.com/t4k3news/digest/internal/diag"
)

// told is the warnings already printed while watching a site, so that a
// warning about a file is printed once, not after every change to any
// file, until its file changes: converting the seeds again, as each seed
// change does, warns again about every seed.
type told struct {
	root  string                     // the site's folder
	files map[string]map[string]bool // file, relative to root → warnings printed
}

func newTold(root string) *told {
	return &told{root: root, files: make(map[string]map[string]bool)}
}

// changed forgets the warnings about the files at paths, slash paths
// relative to the site's root, so that they are printed again.
func (t *told) changed(paths []string) {
	for _, p := range paths {
		delete(t.files, p)
	}
}

// fresh returns the warnings of err not printed before, and remembers them.
func (t *told) fresh(err error) diag.List {
	var all, out diag.List
	all.Append("", err)
	for _, w := range all {
		file := t.rel(w.File)
		if t.files[file][w.Error()] {
			continue
		}
		if t.files[file] == nil {
			t.files[file] = make(map[string]bool)
		}
		t.files[file][w.Error()] = true
		out = append(out, w)
	}
	return out
}

// rel is file as a slash path relative to the site's root, as the watcher
// names changed files.
func (t *told) rel(file string) string {
	if r, err := filepath.Rel(t.root, file); err == nil && filepath.IsAbs(file) && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(file)
}
