package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ReadManifest returns what a build of dest recorded with WriteManifest,
// or nil if there is nothing. The caller must check what it reads: a
// manifest is written after the site it describes is swapped in, so a
// build killed in between leaves the one before, and anyone may edit it.
// The file IDs in it make that safe (see [FileID]): a file whose ID is not
// the one recorded is made anew.
func ReadManifest(dest string) ([]byte, error) {
	l, err := newLayout(dest)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(l.manifest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, wrap(err)
}

// WriteManifest replaces what the builds of dest record beside it, in one
// rename: a reader sees the old manifest or the new one.
func WriteManifest(dest string, data []byte) error {
	l, err := newLayout(dest)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(l.manifest), filepath.Base(l.manifest)+".*")
	if err != nil {
		return wrap(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), l.manifest)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("output: manifest: %w", err)
	}
	return nil
}
