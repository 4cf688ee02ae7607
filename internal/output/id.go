package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
)

// A FileID tells a file of the destination from any other without reading
// it: its size, modification time and inode. The package never writes into
// an existing file, so a file that keeps its ID keeps its bytes; a build
// that recorded the IDs of its files can later keep them unread
// ([Writer.Keep], [Writer.Same]). A file changed by hand gets a new
// modification time, and so a new ID.
type FileID struct {
	Size, ModTime int64 // ModTime in nanoseconds since 1970
	Inode         uint64
}

// idOf returns the ID of the file fi describes, or false if it is not a
// regular file.
func idOf(fi fs.FileInfo) (FileID, bool) {
	if !fi.Mode().IsRegular() {
		return FileID{}, false
	}
	return FileID{Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Inode: inode(fi)}, true
}

// Keep adds the destination's files to the new site as they are, without
// reading them, if each still has the ID given: all of them, or none when
// one is missing or has changed, and then the caller makes them anew. It
// reports whether it kept them.
func (w *Writer) Keep(files map[string]FileID) (bool, error) {
	w.active.RLock()
	defer w.active.RUnlock()
	if w.closed {
		return false, errClosed
	}
	if !w.destExists {
		return false, nil
	}
	infos := make(map[string]fs.FileInfo, len(files))
	for rel, id := range files {
		if validPath(rel) != nil {
			return false, nil
		}
		fi, err := os.Lstat(w.l.inDest(rel))
		if got, ok := idOrNone(fi, err); !ok || got != id {
			return false, nil
		}
		infos[rel] = fi
	}
	for rel, fi := range infos {
		if err := w.keep(rel, fi); err != nil {
			w.fail(err)
			return false, err
		}
	}
	return true, nil
}

// keep links the destination's file rel, described by fi, into the staging tree.
func (w *Writer) keep(rel string, fi fs.FileInfo) error {
	if err := w.paths.add(rel); err != nil {
		return err
	}
	if err := w.mkdirs(path.Dir(rel)); err != nil {
		return err
	}
	if err := w.link(w.l.inDest(rel), fi, w.l.inStaging(rel)); err != nil {
		return fmt.Errorf("output: keeping %s of the site in %s: %w", rel, w.l.dest, err)
	}
	w.paths.setID(rel, fi)
	w.unchanged.Add(1)
	return nil
}

func idOrNone(fi fs.FileInfo, err error) (FileID, bool) {
	if err != nil {
		return FileID{}, false
	}
	return idOf(fi)
}

// Same reports whether the destination holds exactly files, each with its
// ID, and nothing else: then the site it would build is already there, and
// the caller can end the build with Abort, which leaves it as it is.
func (w *Writer) Same(files map[string]FileID) (bool, error) {
	if !w.destExists {
		return false, nil
	}
	n := 0
	err := filepath.WalkDir(w.l.dest, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(w.l.dest, name)
		if err != nil {
			return err
		}
		want, ok := files[filepath.ToSlash(rel)]
		fi, err := d.Info()
		if got, isFile := idOrNone(fi, err); !ok || !isFile || got != want {
			return errDiffers
		}
		n++
		return nil
	})
	if errors.Is(err, errDiffers) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("output: %w", err)
	}
	return n == len(files), nil
}

var errDiffers = errors.New("differs")

// Files returns the ID of every file of the new site, once Commit has
// swapped it in; a build records them to keep the files unread next time.
func (w *Writer) Files() map[string]FileID {
	w.paths.mu.Lock()
	defer w.paths.mu.Unlock()
	return maps.Clone(w.paths.ids)
}
