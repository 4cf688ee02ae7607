// Package output writes a built site into its destination folder
// transactionally and incrementally.
//
// A build fills a staging tree beside the destination (for /x/public it is
// /x/.public.staging) and Commit swaps the two trees with one atomic rename.
// Readers and later builds therefore only ever see a whole site, the previous
// one or the new one, even if the build fails or the process is killed at any
// moment; the next Begin takes whatever the staging tree holds and brings it
// in order. Files whose bytes did not change become hard links to the
// destination's files, so an unchanged rebuild writes no file and keeps every
// file's inode and modification time. After the swap the old site stays on
// disk as the next build's staging tree: nothing is deleted wholesale.
//
// Because the two trees share files through hard links, the package never
// writes into an existing file: new bytes always go to a fresh temporary file
// that is renamed into place.
//
// Nothing is fsynced: a site survives the build process dying at any
// moment, not the machine losing power in the middle of a build.
package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
)

// Stats counts what a committed build did to the destination.
type Stats struct {
	Written   int // files whose bytes are new
	Unchanged int // files kept as they were, same inode and mtime
	Removed   int // files of the previous site that are not in the new one
}

// A Writer is one build of a destination folder, from Begin to Commit or
// Abort. Its WriteFile method is safe for concurrent use.
type Writer struct {
	l        layout
	lock     *os.File
	exchange func(a, b string) error
	// create makes a new file to write; tests make one that fails.
	create     func(name string) (io.WriteCloser, error)
	destExists bool
	// freshStaging says that Begin made the staging tree, empty: it then
	// holds only what this build writes, and Commit has nothing to prune.
	freshStaging bool

	paths registry
	dirs  sync.Map // staging directories known to exist, by slash path
	seq   atomic.Uint64

	written, unchanged atomic.Int64

	active   sync.RWMutex // read-held by each write, write-held to close
	closed   bool
	failOnce sync.Once
	failed   error
}

var errClosed = errors.New("output: writer already committed or aborted")

// lockDest takes the lock beside dest that a whole build and a patch both
// take, so that no two writes of one site interleave, and recovers from a
// build that was killed mid-swap.
func lockDest(dest string) (layout, *os.File, error) {
	l, err := newLayout(dest)
	if err != nil {
		return layout{}, nil, err
	}
	lock, err := acquire(l.lock, l.dest)
	if err != nil {
		return layout{}, nil, err
	}
	if err := l.recover(); err != nil {
		lock.Close()
		return layout{}, nil, err
	}
	return l, lock, nil
}

// Begin starts a build of the site in dest. It takes a lock beside dest so
// that two builds cannot interleave, and recovers from a build that was
// killed. The caller must end the build with Commit or Abort.
func Begin(dest string) (*Writer, error) {
	l, lock, err := lockDest(dest)
	if err != nil {
		return nil, err
	}
	w := &Writer{l: l, lock: lock, exchange: exchange, create: createFile}
	w.paths.init()
	if err := w.prepare(); err != nil {
		lock.Close()
		return nil, err
	}
	return w, nil
}

// prepare makes sure the staging tree exists.
func (w *Writer) prepare() error {
	exists, err := isDir(w.l.dest)
	if err != nil {
		return err
	}
	w.destExists = exists
	err = os.Mkdir(w.l.staging, 0o755)
	if err == nil {
		w.freshStaging = true
		return nil
	}
	return mkdir(w.l.staging)
}

// WriteFile adds the file rel, a slash-separated path such as
// "news/x/index.html", with the given bytes to the new site. If the
// destination already holds exactly these bytes at rel, the file is kept
// as it is. A failed write makes the build fail: Commit will refuse.
func (w *Writer) WriteFile(rel string, data []byte) error {
	return w.put(rel, func() (source, error) { return bytesSource(data), nil })
}

func (w *Writer) put(rel string, open func() (source, error)) error {
	w.active.RLock()
	defer w.active.RUnlock()
	if w.closed {
		return errClosed
	}
	src, err := open()
	if err == nil {
		err = w.paths.add(rel)
	}
	if err == nil {
		if err = w.place(rel, src); err != nil {
			err = fmt.Errorf("output: writing %s of the site in %s: %w", rel, w.l.dest, err)
		}
	}
	if err != nil {
		w.fail(err)
	}
	return err
}

func (w *Writer) fail(err error) {
	w.failOnce.Do(func() { w.failed = err })
}

// Commit removes from the staging tree everything that is not in the new
// site and swaps it with the destination atomically. It must be called after
// every WriteFile has returned. It fails without touching the
// destination if any write failed.
func (w *Writer) Commit() (Stats, error) {
	if err := w.close(); err != nil {
		return Stats{}, err
	}
	defer w.lock.Close()
	if w.failed != nil {
		w.dropStaging()
		return Stats{}, fmt.Errorf("output: not committing a build with a failed write: %w", w.failed)
	}
	removed, err := w.countStale()
	if err != nil {
		return Stats{}, err
	}
	if err := w.prune(); err != nil {
		return Stats{}, err
	}
	if err := w.swap(); err != nil {
		return Stats{}, err
	}
	return Stats{
		Written:   int(w.written.Load()),
		Unchanged: int(w.unchanged.Load()),
		Removed:   removed,
	}, nil
}

// Abort ends the build and leaves the destination untouched. The staging
// tree is left for the next build to bring in order, unless a write
// failed: the disk may be full (ENOSPC) or failing (EIO), so the partial
// new site is removed at once rather than left to fill it. After Commit it
// does nothing, so "defer w.Abort()" is the usual pattern.
func (w *Writer) Abort() {
	if w.close() == nil {
		w.dropStaging()
		w.lock.Close()
	}
}

// dropStaging removes the staging tree after a failed write; the lock is
// held. Its files are new ones or hard links to the destination's, so the
// destination keeps every file. Removing needs no free space.
func (w *Writer) dropStaging() {
	if w.failed != nil {
		os.RemoveAll(w.l.staging)
	}
}

// close stops new writes after waiting for those in flight.
func (w *Writer) close() error {
	w.active.Lock()
	defer w.active.Unlock()
	if w.closed {
		return errClosed
	}
	w.closed = true
	return nil
}
