package convert

import (
	"io/fs"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

// A Memo keeps, from one run to the next, what convert read of each
// content file, by the file's identity (stat: size, mode, modification and
// change times, inode), so that converting a seed just saved parses only
// the content files that changed since the last run, not the whole
// folder: serve and build --watch keep one. A file's change time is set
// by the kernel on every write and cannot be set back, so a file that
// keeps its identity keeps its bytes; a file changed within memoSettle of
// its reading is not kept, as two writes within one tick of the kernel's
// clock may leave the same times. A Memo is used by one run at a time.
type Memo struct {
	files map[string]memoFile
}

type memoFile struct {
	id  fileID
	doc content.Document // as read returns it, before existing.add
}

// fileID tells a file from any other without reading it; the zero
// fileID is no identity (the system does not say), never kept.
type fileID struct {
	size         int64
	mode         fs.FileMode
	mtime, ctime int64 // nanoseconds since 1970
	ino, dev     uint64
}

// memoSettle is how long a file must have been left alone to be kept; a
// variable for tests.
var memoSettle = 2 * time.Second

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{} }

// lookup returns the document kept for path, if its file is still id.
func (m *Memo) lookup(path string, id fileID) (*content.Document, bool) {
	if m == nil || id == (fileID{}) {
		return nil, false
	}
	f, ok := m.files[path]
	if !ok || f.id != id {
		return nil, false
	}
	doc := f.doc
	return &doc, true
}

// keep replaces what m holds with the documents read by a scan at start:
// docs[i] of paths[i], whose file was ids[i]; nil for one that did not
// parse.
func (m *Memo) keep(start time.Time, paths []string, ids []fileID, docs []*content.Document) {
	if m == nil {
		return
	}
	files := make(map[string]memoFile, len(paths))
	for i, p := range paths {
		id := ids[i]
		if docs[i] == nil || id == (fileID{}) || start.Sub(time.Unix(0, max(id.mtime, id.ctime))) < memoSettle {
			continue
		}
		files[p] = memoFile{id, *docs[i]}
	}
	m.files = files
}
