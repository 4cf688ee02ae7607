package output

import (
	"errors"
)

// swap makes the staging tree the destination and, if there was one, the
// old destination the staging tree for the next build.
func (w *Writer) swap() error {
	if !w.destExists {
		return rename(w.l.staging, w.l.dest)
	}
	err := w.exchange(w.l.staging, w.l.dest)
	if errors.Is(err, errors.ErrUnsupported) {
		return w.l.swapByRenames()
	}
	return err
}

// swapByRenames swaps the trees with three renames, for systems or file
// systems without an atomic exchange. Between the first two renames, a
// window of two system calls, the destination does not exist; a reader sees
// it missing, and a build killed there leaves the old site under the swap
// name, where the next Begin (layout.recover) puts it back.
func (l layout) swapByRenames() error {
	if err := rename(l.dest, l.swap); err != nil {
		return err
	}
	if err := rename(l.staging, l.dest); err != nil {
		if undo := rename(l.swap, l.dest); undo != nil {
			return errors.Join(err, undo)
		}
		return err
	}
	return rename(l.swap, l.staging)
}
