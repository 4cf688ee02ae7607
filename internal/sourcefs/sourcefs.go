// Package sourcefs reads a site's source folder (content/, seeds/,
// templates/, static/, digest.yaml) as an fs.FS that a careless or hostile
// tree cannot turn against the build: it reads regular files only, so a
// named pipe or a device cannot hang it or feed it without end; it refuses
// a file larger than the cap for its kind; and it follows a symbolic link
// only while the link stays inside the folder, so that a link cannot copy
// /etc/passwd into the site, and a link back to a folder above it is
// reported as a loop.
//
// Every refusal is a *diag.Error naming the file, relative to the folder,
// so the callers' usual reporting (file: problem, every bad file, non-zero
// exit) applies to it unchanged.
package sourcefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/t4k3news/digest/internal/diag"
)

// Limits caps the size in bytes of a source file by the folder it is in.
// A zero field takes its default.
type Limits struct {
	Content  int64 // content/*.md
	Seed     int64 // seeds/*.txt
	Template int64 // templates/
	Static   int64 // static/
	Other    int64 // anything else, such as digest.yaml
}

// DefaultLimits are generous for what editors write by hand and small
// enough that a build of thousands of files stays within memory.
var DefaultLimits = Limits{
	Content:  4 << 20,
	Seed:     4 << 20,
	Template: 1 << 20,
	Static:   32 << 20,
	Other:    1 << 20,
}

// orDefault fills the zero fields of l from DefaultLimits.
func (l Limits) orDefault() Limits {
	d := DefaultLimits
	pick := func(v, def int64) int64 {
		if v > 0 {
			return v
		}
		return def
	}
	return Limits{pick(l.Content, d.Content), pick(l.Seed, d.Seed), pick(l.Template, d.Template), pick(l.Static, d.Static), pick(l.Other, d.Other)}
}

// of is the cap for the file at the slash path name, and the kind of file
// it is for the message.
func (l Limits) of(name string) (int64, string) {
	top, _, _ := strings.Cut(name, "/")
	switch top {
	case "content":
		return l.Content, "content file"
	case "seeds":
		return l.Seed, "seed"
	case "templates":
		return l.Template, "template"
	case "static":
		return l.Static, "static file"
	}
	return l.Other, "file"
}

// FS is a source folder on disk. It implements fs.FS, fs.ReadFileFS,
// fs.ReadDirFS and fs.StatFS.
type FS struct {
	dir    string
	root   *os.Root
	limits Limits
}

// New opens the folder dir with the given caps. The FS keeps the folder
// open for its life; it is meant to live as long as the process.
func New(dir string, l Limits) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{dir: dir, root: root, limits: l.orDefault()}, nil
}

// WithLimits returns the same folder with other caps, for a site whose
// config file sets them.
func (f *FS) WithLimits(l Limits) *FS {
	return &FS{dir: f.dir, root: f.root, limits: l.orDefault()}
}

// Open opens a regular file or a folder, after looking at what it is:
// anything else is refused without being opened.
func (f *FS) Open(name string) (fs.File, error) {
	fi, err := f.check(name)
	if err != nil {
		return nil, err
	}
	if err := f.readable(name, fi); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should a pipe replace the file between the look and the
	// open, the open returns at once rather than waiting for a writer,
	// and the check of the opened file below refuses it.
	file, err := f.root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	got, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if got.Mode().Type() != fi.Mode().Type() {
		file.Close()
		return nil, refused(name, "%s", kind(got.Mode()))
	}
	if got.IsDir() {
		return file, nil
	}
	limit, _ := f.limits.of(name)
	return &capped{File: file, r: io.LimitReader(file, limit+1), name: name, limit: limit}, nil
}

// ReadFile reads a whole regular file within its cap.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if st, err := file.Stat(); err == nil && st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	return io.ReadAll(file)
}

// ReadDir lists a folder, as os.ReadDir does: entries keep their own type,
// so a walk does not enter a linked folder.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := f.check(name); err != nil {
		return nil, err
	}
	return fs.ReadDir(f.root.FS(), name)
}

// Stat describes a file, following a link that stays inside the folder.
// It describes a pipe or an oversized file too: only reading one fails,
// so that a caller that sees the file reports it when it reads it.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	return f.check(name)
}

// check looks at name without opening it: what it is and where a link
// leads.
func (f *FS) check(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	lfi, err := f.root.Lstat(name)
	if err != nil {
		return nil, f.linkError(name, err)
	}
	fi := lfi
	if lfi.Mode()&fs.ModeSymlink != 0 {
		if fi, err = f.root.Stat(name); err != nil {
			return nil, f.linkError(name, err)
		}
		if fi.IsDir() {
			if err := f.loop(name); err != nil {
				return nil, err
			}
		}
	}
	return fi, nil
}

// readable refuses a file that is neither a folder nor a regular file
// within its cap.
func (f *FS) readable(name string, fi fs.FileInfo) error {
	switch {
	case fi.IsDir():
		return nil
	case !fi.Mode().IsRegular():
		return refused(name, "%s", kind(fi.Mode()))
	}
	if limit, what := f.limits.of(name); fi.Size() > limit {
		return refused(name, "%s of %d bytes is over the limit of %d bytes for a %s (limits in digest.yaml)", what, fi.Size(), limit, what)
	}
	return nil
}

// linkError explains why name, or a link on its way, could not be
// followed: it leads out of the folder, or round in a loop.
func (f *FS) linkError(name string, err error) error {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return refused(name, "symbolic link loop")
	case strings.Contains(err.Error(), "escapes from parent"):
		target, _ := os.Readlink(filepath.Join(f.dir, filepath.FromSlash(name)))
		if target != "" {
			return refused(name, "symbolic link to %s leads out of the site's folder; only links within it are followed", target)
		}
		return refused(name, "a symbolic link on this path leads out of the site's folder; only links within it are followed")
	}
	return err
}

// loop reports a link to a folder that holds the link: walking into it
// would never end.
func (f *FS) loop(name string) error {
	target, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(name)))
	if err != nil {
		return err
	}
	parent, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(path.Dir(name))))
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(target, parent); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return refused(name, "symbolic link loop: it leads back to a folder that holds it")
	}
	return nil
}

// kind says what a file that is not regular is, for a message.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file; only regular files are read"
	case m&fs.ModeSocket != 0:
		return "a socket, not a regular file; only regular files are read"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device, not a regular file; only regular files are read"
	case m.IsDir():
		return "a folder, not a regular file"
	}
	return fmt.Sprintf("not a regular file (%v); only regular files are read", m.Type())
}

func refused(name, format string, args ...any) error {
	return diag.Errorf(name, 0, format, args...)
}

// capped reads an open regular file and fails past its cap, for a file
// that grew after it was looked at.
type capped struct {
	*os.File
	r     io.Reader
	name  string
	limit int64
	n     int64
}

func (c *capped) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.limit {
		return n, refused(c.name, "grew past the limit of %d bytes while it was read", c.limit)
	}
	return n, err
}
