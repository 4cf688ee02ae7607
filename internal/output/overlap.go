package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// Guarded is a path that a destination must keep clear of: a source the
// build reads, which a build that replaces its destination whole would
// delete, move or copy into itself without end.
type Guarded struct {
	Path string
	// Parent allows a destination inside Path (a site's root holds its
	// public/), though not Path itself nor a folder that holds it.
	Parent bool
}

// CheckDestination refuses dest if it is, holds or lies inside a guarded
// path, comparing both after resolving "..", symbolic links and the
// working folder, so that no spelling of a source slips through. It looks
// and writes nothing, and is meant to run before anything is written. The
// error names both paths as given and as resolved.
func CheckDestination(dest string, guarded ...Guarded) error {
	d, err := resolve(dest)
	if err != nil {
		return fmt.Errorf("destination %s: %w", dest, err)
	}
	for _, g := range guarded {
		s, err := resolve(g.Path)
		if err != nil {
			return fmt.Errorf("source %s: %w", g.Path, err)
		}
		var how string
		switch {
		case d == s:
			how = "is the source"
		case within(s, d):
			how = "holds the source"
		case within(d, s) && !g.Parent:
			how = "is inside the source"
		default:
			continue
		}
		return fmt.Errorf("destination %s (%s) %s %s (%s): a build replaces its destination whole, so it must not overlap the sources; choose a folder outside them, such as the default public/",
			dest, d, how, g.Path, s)
	}
	return nil
}

// within reports whether p lies strictly inside dir; both are clean and
// absolute.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve makes p absolute and resolves the symbolic links of the longest
// part of it that exists; a destination need not exist yet.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(dir) == dir {
			return "", err
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}
