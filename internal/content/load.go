package content

import (
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/t4k3news/digest/internal/diag"
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
	parallel(len(names), func(i int) {
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

// parallel calls f(0) … f(n-1) on as many goroutines as there are CPUs.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
