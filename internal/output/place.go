package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"syscall"
)

// tempPrefix starts the names of files being written in the staging tree.
// Commit removes any left by a killed build, as it removes everything that
// is not in the new site.
const tempPrefix = ".digest-tmp-"

// place makes the staging tree's entry for rel hold the bytes of src: the
// destination's own file if its bytes are the same, else a new file.
func (w *Writer) place(rel string, src source) error {
	if err := w.mkdirs(path.Dir(rel)); err != nil {
		return err
	}
	stage := w.l.inStaging(rel)
	old, fi, err := w.unchangedFile(rel, src)
	if err != nil {
		return err
	}
	if fi != nil {
		w.unchanged.Add(1)
		w.paths.setID(rel, fi)
		return w.link(old, fi, stage)
	}
	w.written.Add(1)
	// Most entries are new to the staging tree, and then the file can be
	// made in place: no reader ever sees the staging tree, and a file left
	// half written by a killed build is replaced or pruned by the next one.
	// An entry that exists may be shared with the destination through a
	// hard link, so it is replaced by a new file, never written into.
	err = w.writeNew(stage, src)
	if errors.Is(err, fs.ErrExist) {
		err = w.replace(stage, func(tmp string) error { return w.writeNew(tmp, src) })
	} else {
		err = wrap(err)
	}
	if err != nil {
		return err
	}
	fi, err = os.Lstat(stage)
	if err != nil {
		return wrap(err)
	}
	w.paths.setID(rel, fi)
	return nil
}

// unchangedFile returns the destination's file for rel and its info if it
// holds the bytes of src, else a nil info.
func (w *Writer) unchangedFile(rel string, src source) (string, fs.FileInfo, error) {
	if !w.destExists {
		return "", nil, nil
	}
	old := w.l.inDest(rel)
	fi, err := os.Lstat(old)
	if err != nil { // missing, or in a stale tree shape: write afresh
		return "", nil, nil
	}
	same, err := sameContent(old, fi, src)
	if !same || err != nil {
		return "", nil, err
	}
	return old, fi, nil
}

// link makes stage a hard link to the destination's file old.
func (w *Writer) link(old string, fi fs.FileInfo, stage string) error {
	if cur, err := os.Lstat(stage); err == nil && os.SameFile(cur, fi) {
		return nil
	}
	return w.replace(stage, func(tmp string) error { return os.Link(old, tmp) })
}

// replace creates a file under a fresh temporary name beside target with
// create, then renames it over target, so target is never seen half written
// and a file it shares with the destination is never modified.
func (w *Writer) replace(target string, create func(tmp string) error) error {
	tmp, err := w.createTemp(filepath.Dir(target), create)
	if err != nil {
		return err
	}
	err = os.Rename(tmp, target)
	if isDirInTheWay(err) {
		if err = os.RemoveAll(target); err == nil {
			err = os.Rename(tmp, target)
		}
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// isDirInTheWay reports whether a rename of a file failed because its
// target is a directory, as a stale one from an older site can be. Which
// error that is depends on the system and on whether it is empty.
func isDirInTheWay(err error) bool {
	return errors.Is(err, syscall.EISDIR) || errors.Is(err, syscall.EEXIST) || errors.Is(err, syscall.ENOTEMPTY)
}

// createTemp calls create with unused temporary names in dir until one
// does not exist yet.
func (w *Writer) createTemp(dir string, create func(tmp string) error) (string, error) {
	for range 100 {
		tmp := filepath.Join(dir, fmt.Sprintf("%s%d-%d", tempPrefix, os.Getpid(), w.seq.Add(1)))
		err := create(tmp)
		if err == nil {
			return tmp, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("output: %w", err)
		}
	}
	return "", fmt.Errorf("output: no free temporary name in %s", dir)
}

// writeNew creates the file name, which must not exist, with the bytes of src.
func (w *Writer) writeNew(name string, src source) error {
	r, err := src.open()
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := w.create(name)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// createFile creates the new file name for writing.
func createFile(name string) (io.WriteCloser, error) {
	return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// mkdirs makes the staging directory for the slash path dir and its parents.
func (w *Writer) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := w.mkdirs(path.Dir(dir)); err != nil {
		return err
	}
	if err := mkdir(w.l.inStaging(dir)); err != nil {
		return err
	}
	w.dirs.Store(dir, true)
	return nil
}

// mkdir makes dir, first removing a file or symlink of that name left by an
// older site. It uses unlink, which never removes a directory, so a
// directory that another goroutine has just made is safe.
func mkdir(dir string) error {
	for range 10 {
		err := os.Mkdir(dir, 0o755)
		if err == nil || !errors.Is(err, fs.ErrExist) {
			return wrap(err)
		}
		fi, err := os.Lstat(dir)
		if err == nil && fi.IsDir() {
			return nil
		}
		if err == nil {
			syscall.Unlink(dir) // a failure shows in the next round
		}
	}
	return fmt.Errorf("output: cannot make directory %s", dir)
}

func wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("output: %w", err)
}
