package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// budget is a disk that takes n more bytes, then fails every write with
// err: a full disk (ENOSPC) or a failing one (EIO), without root.
type budget struct {
	mu   sync.Mutex
	left int
	err  error
}

func (b *budget) create(name string) (io.WriteCloser, error) {
	f, err := createFile(name)
	if err != nil {
		return nil, err
	}
	return &limited{f, b}, nil
}

type limited struct {
	io.WriteCloser
	b *budget
}

func (l *limited) Write(p []byte) (int, error) {
	l.b.mu.Lock()
	n := min(len(p), l.b.left)
	l.b.left -= n
	l.b.mu.Unlock()
	if n < len(p) {
		m, _ := l.WriteCloser.Write(p[:n])
		return m, &os.PathError{Op: "write", Path: "file", Err: l.b.err}
	}
	return l.WriteCloser.Write(p)
}

// TestDiskFull: a write that fails part way through a build fails the
// build with the system's message and the destination's name, leaves the
// previous site whole, and removes the partial new one so that it does
// not go on filling the disk.
func TestDiskFull(t *testing.T) {
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EIO} {
		for _, after := range []int{0, 1, 5000} {
			t.Run(fmt.Sprintf("%v/%d", errno, after), func(t *testing.T) {
				dest := filepath.Join(t.TempDir(), "public")
				old := site{"index.html": "old front", "news/a/index.html": "a", "style.css": "body{}"}
				build(t, dest, old)
				build(t, dest, old) // the previous site is now the staging tree too

				next := site{"index.html": "new front", "news/a/index.html": "a"}
				for i := range 200 {
					next[fmt.Sprintf("news/n%d/index.html", i)] = strings.Repeat("x", 100)
				}
				w, err := Begin(dest)
				if err != nil {
					t.Fatal(err)
				}
				w.create = (&budget{left: after, err: errno}).create
				err = writeAll(w, next, 4)
				w.Abort()
				if err == nil || !errors.Is(err, errno) || !strings.Contains(err.Error(), errno.Error()) || !strings.Contains(err.Error(), dest) {
					t.Errorf("error %v: want %q naming %s", err, errno.Error(), dest)
				}
				checkTree(t, dest, old)
				if names := siblings(t, dest); !slices.Equal(names, []string{".public.lock", "public"}) {
					t.Errorf("beside the destination: %q, want the lock and the site only", names)
				}
				// The next build, with room on the disk, goes through.
				build(t, dest, next)
				checkTree(t, dest, next)
			})
		}
	}
}
