package convert

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// flush waits until the files written in dir are on disk, data and names.
// One syncfs(2) of the file system that holds dir does it for all of them,
// where an fsync of each file would wait for the disk once per file.
func flush(dir string, written []string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	defer d.Close()
	if err := unix.Syncfs(int(d.Fd())); err != nil {
		return fmt.Errorf("convert: syncing %s: %w", dir, err)
	}
	return nil
}
