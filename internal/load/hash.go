package load

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"

	"github.com/t4k3news/digest/internal/parallel"
)

// Sums hash the folders of a source tree, each over the path and bytes of
// every file in it.
type Sums struct {
	Content, Templates, Static Sum
}

// Hash hashes every file of the content, templates and static folders of
// fsys, reading each but parsing none: a driver that recorded the sums of
// the sources it built can tell whether anything changed for a fraction
// of the cost of [Load]. It hashes every file, those that Load passes over
// too, so a change it misses is a change to nothing Load reads.
func Hash(fsys fs.FS) (Sums, error) {
	var s Sums
	for _, f := range []struct {
		dir string
		sum *Sum
	}{{ContentDir, &s.Content}, {TemplatesDir, &s.Templates}, {StaticDir, &s.Static}} {
		var err error
		if *f.sum, err = hashDir(fsys, f.dir); err != nil {
			return Sums{}, err
		}
	}
	return s, nil
}

// hashDir hashes the files under dir, in the order of their paths; a
// missing dir has the sum of no files.
func hashDir(fsys fs.FS, dir string) (Sum, error) {
	var names []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if p == dir && errors.Is(err, fs.ErrNotExist) {
			return fs.SkipDir
		}
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return Sum{}, err
	}
	sums := make([]Sum, len(names))
	errs := make([]error, len(names))
	// As many readers as content.Load, for the same reason: a read that
	// waits on the disk leaves its CPU idle.
	parallel.For(len(names), 4*runtime.GOMAXPROCS(0), func(i int) {
		sums[i], errs[i] = hashFile(fsys, names[i])
	})
	if err := errors.Join(errs...); err != nil {
		return Sum{}, err
	}
	h := sha256.New()
	for i, name := range names { // WalkDir walks in lexical order
		fmt.Fprintf(h, "%s\x00%x\n", name, sums[i])
	}
	return Sum(h.Sum(nil)), nil
}

var buffers = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// hashFile hashes the file name of fsys through a buffer of the pool: a
// build that finds nothing changed spends much of its time here.
func hashFile(fsys fs.FS, name string) (Sum, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return Sum{}, err
	}
	defer f.Close()
	buf := buffers.Get().(*[32 << 10]byte)
	defer buffers.Put(buf)
	h := sha256.New()
	if _, err := io.CopyBuffer(struct{ io.Writer }{h}, struct{ io.Reader }{f}, buf[:]); err != nil {
		return Sum{}, err
	}
	return Sum(h.Sum(nil)), nil
}
