package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the directories a and b in one atomic step. It returns an
// error matching errors.ErrUnsupported if the file system cannot.
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch err {
	case nil:
		return nil
	case unix.EINVAL, unix.ENOTSUP:
		return errors.ErrUnsupported
	}
	return &os.LinkError{Op: "output: exchange", Old: a, New: b, Err: err}
}
