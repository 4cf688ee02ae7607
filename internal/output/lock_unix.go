//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// acquire takes an exclusive flock on the file name, without waiting, so
// that two builds of dest cannot interleave. The kernel drops the lock when
// the file is closed or the process dies, even by kill -9. The lock file is
// never deleted: deleting it would let two builds lock different files.
func acquire(name, dest string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if err == nil {
		return f, nil
	}
	f.Close()
	if errors.Is(err, unix.EWOULDBLOCK) {
		return nil, fmt.Errorf("output: another build is writing %s", dest)
	}
	return nil, fmt.Errorf("output: lock %s: %w", name, err)
}
