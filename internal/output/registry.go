package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// ErrDuplicate is the error of a file placed at a path that another file of
// the new site already has.
var ErrDuplicate = errors.New("duplicate path")

// registry is the set of files of the new site and of the directories that
// hold them. It rejects bad, duplicate and conflicting paths.
type registry struct {
	mu    sync.Mutex
	files map[string]bool
	dirs  map[string]bool
	ids   map[string]FileID // of the files placed so far
}

func (r *registry) init() {
	r.files = make(map[string]bool)
	r.dirs = make(map[string]bool)
	r.ids = make(map[string]FileID)
}

// setID records the ID of the file rel, placed in the staging tree as fi
// describes it.
func (r *registry) setID(rel string, fi fs.FileInfo) {
	id, ok := idOf(fi)
	if !ok {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ids[rel] = id
}

// add records the file rel and its parent directories.
func (r *registry) add(rel string) error {
	if err := validPath(rel); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.files[rel] {
		return fmt.Errorf("output: %w %q", ErrDuplicate, rel)
	}
	if r.dirs[rel] {
		return fmt.Errorf("output: path %q is already a directory", rel)
	}
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		if r.files[d] {
			return fmt.Errorf("output: path %q is inside file %q", rel, d)
		}
	}
	for d := path.Dir(rel); d != "." && !r.dirs[d]; d = path.Dir(d) {
		r.dirs[d] = true
	}
	r.files[rel] = true
	return nil
}

// validPath accepts clean, relative, slash-separated paths that stay inside
// the site.
func validPath(rel string) error {
	switch {
	case rel == "":
		return errors.New("output: empty path")
	case strings.HasPrefix(rel, "/"):
		return fmt.Errorf("output: path %q is absolute", rel)
	case slices.Contains(strings.Split(rel, "/"), ".."):
		return fmt.Errorf("output: path %q contains \"..\"", rel)
	case strings.ContainsAny(rel, "\\\x00"):
		return fmt.Errorf("output: path %q contains a backslash or NUL", rel)
	case rel == "." || !fs.ValidPath(rel):
		return fmt.Errorf("output: path %q is not clean", rel)
	}
	return nil
}
