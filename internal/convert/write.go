package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/output"
)

// writeFile replaces the file at path with data atomically: readers, and a
// run after a killed one, see the old file or the new one, never a part.
// It does not wait for the disk; see flush.
func writeFile(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	f, err := createTemp(dir)
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
	return os.Rename(f.Name(), path)
}

// createTemp creates a new file in dir for writeFile, as os.CreateTemp
// does but with the content file's mode from the start, which saves a
// chmod for each of thousands of files.
func createTemp(dir string) (*os.File, error) {
	for range 10000 {
		name := filepath.Join(dir, ".convert-"+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("no free temporary name in %s", dir)
}

// checkContentDir refuses a content folder that is, holds or lies in
// another folder of the site in root, through a symbolic link: convert
// would write its files among the seeds, templates or static files.
func checkContentDir(root, dir string) error {
	var guarded []output.Guarded
	for _, other := range []string{"seeds", "templates", "static", config.File} {
		guarded = append(guarded, output.Guarded{Path: filepath.Join(root, other)})
	}
	return output.CheckDestination(dir, guarded...)
}
