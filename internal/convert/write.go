package convert

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeFile replaces the file at path with data atomically: readers, and a
// run after a killed one, see the old file or the new one, never a part.
// It does not wait for the disk; see flush.
func writeFile(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	f, err := os.CreateTemp(dir, ".convert-*.tmp")
	if err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
			err = fmt.Errorf("convert: writing %s: %w", path, err)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
