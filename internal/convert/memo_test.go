package convert

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

// TestMemo: a run with a Memo reads again only the content files changed
// since the last, and so converts a saved seed as a run without one does:
// a file edited by hand since is seen edited and left alone, a file gone
// is forgotten and written again.
func TestMemo(t *testing.T) {
	defer func(d time.Duration) { memoSettle = d }(memoSettle)
	memoSettle = 0 // keep the files this test has just written
	seedB := strings.Replace(seedA, "First headline", "Second headline", 1)
	dir := site(t, map[string]string{"a.txt": seedA, "b.txt": seedB})
	memo := NewMemo()
	for range 2 { // the files the first run writes are read by the second
		if _, err := Run(Options{Source: dir, Date: testDate, Memo: memo}); err != nil {
			t.Fatal(err)
		}
	}
	checkMemo(t, dir, memo, 2)

	path := filepath.Join(dir, "content", "first-headline.md")
	edited := strings.Replace(string(mustRead(t, path)), "Dek.", "Dek, edited.", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	writeSeed(t, dir, "a.txt", strings.Replace(seedA, "Lede.", "New lede.", 1))
	r, err := Run(Options{Source: dir, Date: testDate, Seeds: []string{"seeds/a.txt"}, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Skipped) != 1 || len(r.Written) != 0 || string(mustRead(t, path)) != edited {
		t.Fatalf("a seed saved after its content file was edited by hand: skipped %q, written %q; want the edit kept", r.Skipped, r.Written)
	}
	checkMemo(t, dir, memo, 2)

	second := filepath.Join(dir, "content", "second-headline.md")
	if err := os.Remove(second); err != nil {
		t.Fatal(err)
	}
	r, err = Run(Options{Source: dir, Date: testDate, Seeds: []string{"seeds/b.txt"}, Memo: memo})
	if err != nil || len(r.Written) != 1 || r.Written[0] != second {
		t.Fatalf("a seed saved after its content file was removed: %v, written %q; want %s", err, r.Written, second)
	}
	checkMemo(t, dir, memo, 1) // the file just written is read again next time, as it is new
}

// checkMemo checks that memo holds n of the content files, each as
// reading it gives it now.
func checkMemo(t *testing.T, dir string, memo *Memo, n int) {
	t.Helper()
	if len(memo.files) != n {
		t.Errorf("the memo holds %d files, want %d", len(memo.files), n)
	}
	for path, f := range memo.files {
		doc, err := read(path, os.ReadFile)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&f.doc, doc) {
			t.Errorf("the memo holds %s as %+v; it reads %+v", path, f.doc.Meta, doc.Meta)
		}
	}
}

// TestMemoSettle: a file changed within memoSettle of its reading is not
// kept (two writes in one tick of the kernel's clock may leave the same
// times), nor one without an identity; one kept is found only by its
// identity.
func TestMemoSettle(t *testing.T) {
	now := time.Now()
	at := func(d time.Duration) fileID {
		return fileID{size: 10, mtime: now.Add(-time.Hour).UnixNano(), ctime: now.Add(-d).UnixNano(), ino: 7}
	}
	doc := &content.Document{Path: "x.md"}
	m := NewMemo()
	m.keep(now, []string{"fresh.md", "old.md", "none.md"}, []fileID{at(time.Second), at(time.Minute), {}}, []*content.Document{doc, doc, doc})
	if _, ok := m.lookup("fresh.md", at(time.Second)); ok {
		t.Error("a file changed a second before it was read was kept")
	}
	if _, ok := m.lookup("none.md", fileID{}); ok {
		t.Error("a file without an identity was kept")
	}
	if _, ok := m.lookup("old.md", at(time.Minute)); !ok {
		t.Error("a file left alone for a minute was not kept")
	}
	if _, ok := m.lookup("old.md", at(time.Second)); ok {
		t.Error("a file was found under another identity")
	}
}
