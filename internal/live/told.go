package live

import (
	"path/filepath"
	"strings"

	"github.com/t4k3news/digest/internal/diag"
)

// Told is the warnings already printed while a driver watches a site
// (serve, build --watch), so that a warning about a file is printed once,
// not after every change to any file, until its file changes: converting
// the seeds again warns again about every seed.
type Told struct {
	root  string                     // the site's folder
	files map[string]map[string]bool // file, relative to root → warnings printed
}

// NewTold returns a record of warnings for the site in the folder root.
func NewTold(root string) *Told {
	return &Told{root: root, files: make(map[string]map[string]bool)}
}

// Changed forgets the warnings about the files at paths, slash paths
// relative to the site's root, so that they are printed again.
func (t *Told) Changed(paths []string) {
	for _, p := range paths {
		delete(t.files, p)
	}
}

// Fresh returns the warnings of err not printed before, and remembers them.
func (t *Told) Fresh(err error) diag.List {
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
func (t *Told) rel(file string) string {
	if r, err := filepath.Rel(t.root, file); err == nil && filepath.IsAbs(file) && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(file)
}
