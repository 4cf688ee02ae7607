//go:build !linux

package convert

import (
	"fmt"
	"os"
)

// flush waits until the files written in dir are on disk, data and names:
// each file, then dir. Not every system can sync a directory, so an error
// there is ignored.
func flush(dir string, written []string) error {
	for _, path := range written {
		if err := syncFile(path); err != nil {
			return fmt.Errorf("convert: syncing %s: %w", path, err)
		}
	}
	syncFile(dir)
	return nil
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
