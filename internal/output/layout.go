package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// layout names the destination and its hidden siblings, all in one parent
// directory so that they are on the same file system and renames between
// them are atomic.
type layout struct {
	dest    string // /x/public
	staging string // /x/.public.staging: the next site is built here
	swap    string // /x/.public.swap: the old site during a fallback swap
	lock    string // /x/.public.lock: flock'ed by the build in progress
	// manifest is what the last build recorded about its site (see
	// ReadManifest).
	manifest string // /x/.public.manifest
}

func newLayout(dest string) (layout, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return layout{}, fmt.Errorf("output: %w", err)
	}
	dir, base := filepath.Split(abs)
	if base == "" {
		return layout{}, fmt.Errorf("output: cannot write a site to %s", abs)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return layout{}, fmt.Errorf("output: %w", err)
	}
	hidden := func(suffix string) string { return filepath.Join(dir, "."+base+suffix) }
	return layout{dest: abs, staging: hidden(".staging"), swap: hidden(".swap"), lock: hidden(".lock"), manifest: hidden(".manifest")}, nil
}

// inDest and inStaging turn a slash path of the site into a path in a tree.
func (l layout) inDest(rel string) string {
	return filepath.Join(l.dest, filepath.FromSlash(rel))
}

func (l layout) inStaging(rel string) string {
	return filepath.Join(l.staging, filepath.FromSlash(rel))
}

// recover finishes or undoes a fallback swap (see swapByRenames) that was
// killed half way, so that dest and staging are in place again.
func (l layout) recover() error {
	if ok, err := exists(l.swap); err != nil || !ok {
		return err
	}
	destOK, err := exists(l.dest)
	if err != nil {
		return err
	}
	if !destOK { // killed after the first rename: put the old site back
		return rename(l.swap, l.dest)
	}
	stagingOK, err := exists(l.staging)
	if err != nil {
		return err
	}
	if !stagingOK { // killed after the second rename: the new site is live
		return rename(l.swap, l.staging)
	}
	// Not a state the swap leaves; the name is ours, so it is debris.
	return removeAll(l.swap)
}

// exists reports whether name exists, without following a final symlink.
func exists(name string) (bool, error) {
	_, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("output: %w", err)
	}
	return true, nil
}

// isDir reports whether name is a directory; it fails if name exists but is
// something else, a symlink included.
func isDir(name string) (bool, error) {
	fi, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("output: %w", err)
	case !fi.IsDir():
		return false, fmt.Errorf("output: %s is not a directory", name)
	}
	return true, nil
}

func rename(from, to string) error {
	if err := os.Rename(from, to); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func removeAll(name string) error {
	if err := os.RemoveAll(name); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}
