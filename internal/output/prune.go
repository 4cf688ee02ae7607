package output

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// prune removes from the staging tree every entry that is not part of the
// new site: pages deleted since, directories left empty, and the temporary
// files of a killed build. A staging tree that Begin made holds nothing
// else than the new site: every write succeeded, or Commit would not
// prune, and a successful write leaves no temporary file.
func (w *Writer) prune() error {
	if w.freshStaging {
		return nil
	}
	return walkStale(w.l.staging, ".", &w.paths, func(rel string, _ fs.DirEntry) error {
		return removeAll(w.l.inStaging(rel))
	})
}

// countStale counts the destination's files that are not in the new site.
func (w *Writer) countStale() (int, error) {
	if !w.destExists {
		return 0, nil
	}
	n := 0
	err := walkStale(w.l.dest, ".", &w.paths, func(rel string, e fs.DirEntry) error {
		if !e.IsDir() {
			n++
			return nil
		}
		return filepath.WalkDir(w.l.inDest(rel), func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return err
		})
	})
	return n, wrap(err)
}

// walkStale calls stale for each entry under root/dir that is not in the
// site recorded in r, without descending into it. The caller holds no lock
// on r: writes have ended.
func walkStale(root, dir string, r *registry, stale func(rel string, e fs.DirEntry) error) error {
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if err != nil {
		return wrap(err)
	}
	for _, e := range entries {
		rel := path.Join(dir, e.Name())
		switch {
		case e.IsDir() && r.dirs[rel]:
			err = walkStale(root, rel, r, stale)
		case !e.IsDir() && r.files[rel]:
		default:
			err = stale(rel, e)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
