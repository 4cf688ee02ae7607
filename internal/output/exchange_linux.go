package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the directories a and b in one atomic step. It returns an
// error matching errors.ErrUnsupported if the kernel or file system cannot.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch err {
	case nil:
		return nil
	case unix.EINVAL, unix.ENOSYS:
		return errors.ErrUnsupported
	}
	return &os.LinkError{Op: "output: exchange", Old: a, New: b, Err: err}
}
