package sourcefs

import (
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree makes a source folder with one good file of each kind.
func tree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"content/a.md", "static/style.css", "templates/layout.html", "seeds/1.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("ok "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readSoon reads name, failing the test if that takes more than a few
// seconds: a FIFO opened for reading would wait for a writer forever.
func readSoon(t *testing.T, f *FS, name string) ([]byte, error) {
	t.Helper()
	type res struct {
		data []byte
		err  error
	}
	done := make(chan res, 1)
	go func() {
		data, err := f.ReadFile(name)
		done <- res{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("reading %s hangs", name)
		return nil, nil
	}
}

func TestRefused(t *testing.T) {
	dir := tree(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", filepath.Join(dir, "static", "sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	link("/etc/passwd", "static/passwd")
	link("/dev/zero", "static/zero")
	link("../../../../../../../../etc/hostname", "static/up")
	link("..", "static/loop")
	link("self", "static/self")
	link("../seeds", "static/seeds")
	if err := os.WriteFile(filepath.Join(dir, "templates", "big.html"), make([]byte, 101), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := New(dir, Limits{Template: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, want string }{
		{"content/pipe.md", "content/pipe.md: a named pipe (FIFO), not a regular file"},
		{"static/sock", "static/sock: a socket, not a regular file"},
		{"static/passwd", "static/passwd: symbolic link to /etc/passwd leads out of the site's folder"},
		{"static/zero", "static/zero: symbolic link to /dev/zero leads out of the site's folder"},
		{"static/up", "static/up: symbolic link to ../../../../../../../../etc/hostname leads out"},
		{"static/loop", "static/loop: symbolic link loop"},
		{"static/self", "static/self: symbolic link loop"},
		{"templates/big.html", "templates/big.html: template of 101 bytes is over the limit of 100 bytes"},
	} {
		_, err := readSoon(t, f, tc.name)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadFile(%s) = %v, want an error with %q", tc.name, err, tc.want)
		}
	}
	// A walk of static/ sees the links as links and does not enter them.
	err = fs.WalkDir(f, "static", func(p string, d fs.DirEntry, err error) error { return err })
	if err != nil {
		t.Errorf("walking static/: %v", err)
	}
	// A link within the folder is followed.
	if data, err := readSoon(t, f, "static/seeds/1.txt"); err != nil || string(data) != "ok seeds/1.txt" {
		t.Errorf("static/seeds/1.txt = %q, %v", data, err)
	}
}

func TestGood(t *testing.T) {
	dir := tree(t)
	if err := os.Symlink("../content/a.md", filepath.Join(dir, "static", "a.md")); err != nil {
		t.Fatal(err)
	}
	f, err := New(dir, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"content/a.md": "ok content/a.md", "static/a.md": "ok content/a.md"} {
		if data, err := fs.ReadFile(f, name); err != nil || string(data) != want {
			t.Errorf("%s = %q, %v; want %q", name, data, err, want)
		}
	}
	if _, err := fs.ReadFile(f, "content/missing.md"); !os.IsNotExist(err) {
		t.Errorf("missing file: %v, want not exist", err)
	}
	if _, err := fs.Stat(f, "nothing"); !os.IsNotExist(err) {
		t.Errorf("missing folder: %v, want not exist", err)
	}
	matches, err := fs.Glob(f, "templates/*.html")
	if err != nil || len(matches) != 1 {
		t.Errorf("glob = %v, %v", matches, err)
	}
}

// A file that grows past its cap after it was looked at is cut off.
func TestGrows(t *testing.T) {
	dir := tree(t)
	f, err := New(dir, Limits{Content: 20})
	if err != nil {
		t.Fatal(err)
	}
	file, err := f.Open("content/a.md")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 200)
	var total int
	for {
		n, err := file.Read(buf)
		total += n
		if err != nil {
			if !strings.Contains(err.Error(), "grew past the limit of 20 bytes") {
				t.Errorf("read: %v", err)
			}
			break
		}
	}
}
