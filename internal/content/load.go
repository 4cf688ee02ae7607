package content

import (
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/parallel"
)

// Load reads every Markdown file (*.md) below dir in fsys, sorted by path.
// Files are named in errors as dir/name; every bad file is reported, and the
// documents that did parse are returned alongside the error.
func Load(fsys fs.FS, dir string) ([]*Document, error) {
	var names []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !d.IsDir() && path.Ext(p) == ".md" && !strings.HasPrefix(d.Name(), ".") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	docs := make([]*Document, len(names))
	errs := make([]error, len(names))
	parallel.For(len(names), runtime.GOMAXPROCS(0), func(i int) {
		data, err := fs.ReadFile(fsys, names[i])
		if err == nil {
			docs[i], err = Parse(names[i], data)
		}
		errs[i] = err
	})
	var list diag.List
	for i, err := range errs {
		list.Append(names[i], err)
	}
	return slices.DeleteFunc(docs, func(d *Document) bool { return d == nil }), list.Err()
}
