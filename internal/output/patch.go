package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
)

// A Patch changes a few files of a built site in place, for a driver that
// knows which files changed (build --watch): a whole build's staging tree
// would cost a link per file of the site. Each new file is written under a
// temporary name beside its place; only when every one is written does
// Commit rename them into place and remove the files that are gone. A
// failed write (a full disk) or an Abort leaves every file of the
// destination as it was.
//
// Unlike a Writer's swap, Commit is not one atomic step: a reader may see
// some files of the change and not yet others, for the time of as many
// renames. Every file is always whole, old or new, and never written into,
// so a file the destination shares with the staging tree through a hard
// link stays as it was there. A patch killed half way leaves temporary
// files, named as a Writer's, which the next whole build removes.
type Patch struct {
	l    layout
	lock *os.File
	seq  atomic.Uint64

	mu     sync.Mutex
	placed []placed // files written, to be renamed into place
	remove []string // slash paths of the files that are gone
	made   []string // directories made for new files, in order
	failed error
	done   bool
}

type placed struct{ tmp, target string }

// BeginPatch starts a patch of the site in dest, taking the lock that a
// whole build takes, so that the two never interleave. The caller must end
// it with Commit or Abort.
func BeginPatch(dest string) (*Patch, error) {
	l, lock, err := lockDest(dest)
	if err != nil {
		return nil, err
	}
	if err := mkdir(l.dest); err != nil {
		lock.Close()
		return nil, err
	}
	return &Patch{l: l, lock: lock}, nil
}

// WriteFile writes the file rel, a slash path such as "news/x/index.html",
// with the given bytes, to be put in place by Commit. It is safe for
// concurrent use.
func (p *Patch) WriteFile(rel string, data []byte) error {
	target := p.l.inDest(rel)
	p.mu.Lock()
	err := p.mkdirs(path.Dir(rel))
	p.mu.Unlock()
	var tmp string
	if err == nil {
		tmp, err = p.temp(filepath.Dir(target), data)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		err = fmt.Errorf("output: writing %s of the site in %s: %w", rel, p.l.dest, err)
		p.failed = cmpOr(p.failed, err)
		return err
	}
	p.placed = append(p.placed, placed{tmp, target})
	return nil
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// Remove removes the file rel from the site when the patch commits.
func (p *Patch) Remove(rel string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.remove = append(p.remove, rel)
}

// mkdirs makes the destination's directory for the slash path dir and its
// parents, remembering those it made; p.mu is held.
func (p *Patch) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	if fi, err := os.Lstat(p.l.inDest(dir)); err == nil && fi.IsDir() {
		return nil
	}
	if err := p.mkdirs(path.Dir(dir)); err != nil {
		return err
	}
	name := p.l.inDest(dir)
	if err := os.Mkdir(name, 0o755); err != nil {
		return err // a file in the way is replaced only by a whole build
	}
	p.made = append(p.made, name)
	return nil
}

// temp writes data to a new temporary file in dir and returns its name.
func (p *Patch) temp(dir string, data []byte) (string, error) {
	for range 100 {
		tmp := filepath.Join(dir, fmt.Sprintf("%s%d-p%d", tempPrefix, os.Getpid(), p.seq.Add(1)))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(tmp)
			return "", err
		}
		return tmp, nil
	}
	return "", fmt.Errorf("no free temporary name in %s", dir)
}

// Commit puts every file written in place and removes the files that are
// gone, with the folders they leave empty. It fails without changing a
// file of the destination if any write failed.
func (p *Patch) Commit() (Stats, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return Stats{}, errClosed
	}
	if p.failed != nil {
		p.undo()
		return Stats{}, fmt.Errorf("output: not committing a change with a failed write: %w", p.failed)
	}
	p.done = true
	defer p.lock.Close()
	for i, f := range p.placed {
		if err := os.Rename(f.tmp, f.target); err != nil {
			for _, rest := range p.placed[i:] {
				os.Remove(rest.tmp)
			}
			return Stats{Written: i}, fmt.Errorf("output: %w", err)
		}
	}
	removed := 0
	for _, rel := range p.remove {
		name := p.l.inDest(rel)
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Stats{Written: len(p.placed), Removed: removed}, fmt.Errorf("output: %w", err)
		}
		removed++
		p.removeEmpty(filepath.Dir(name))
	}
	return Stats{Written: len(p.placed), Removed: removed}, nil
}

// removeEmpty removes dir and its parents up to the destination while they
// are empty: a whole build leaves no empty folder.
func (p *Patch) removeEmpty(dir string) {
	for dir != p.l.dest && len(dir) > len(p.l.dest) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

// Abort ends the patch and leaves the destination as it was. After Commit
// it does nothing, so "defer p.Abort()" is the usual pattern.
func (p *Patch) Abort() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.done {
		p.undo()
	}
}

// undo removes the temporary files and the folders made for them; p.mu is
// held.
func (p *Patch) undo() {
	p.done = true
	for _, f := range p.placed {
		os.Remove(f.tmp)
	}
	for _, dir := range slices.Backward(p.made) {
		os.Remove(dir)
	}
	p.lock.Close()
}
