package plan

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/t4k3news/digest/internal/parallel"
)

// Build renders every entry of m, passing each file to emit: the kinds in
// order, one after another, and the entries of one kind on up to
// GOMAXPROCS goroutines, so emit may be called concurrently. Once no kind
// left reads the templates, the fragments shared by the pages are dropped
// (see [render.Renderer.Drop]): the feeds, made after the pages, need the
// memory. The error is the first in the order of [List].
func Build(m *Model, emit Emit) error { return BuildKeep(m, emit, nil, nil) }

// A Keeper keeps the files that entries made in the last build, where it
// can prove them unchanged, and hears which files each entry it did not
// keep made, to know them in the next build. Its methods may be called
// concurrently.
type Keeper interface {
	// Keep keeps the files of e from the last build, if they are
	// unchanged, and reports whether it did.
	Keep(e Entry) (bool, error)
	// Made says that e, rendered, made files (its Paths, when it names them).
	Made(e Entry, files []string)
}

// BuildKeep is Build, except that an entry that keep keeps is not
// rendered, and done, unless nil, is called with each kind's name once
// its entries are made, to time them; a nil keep keeps none.
func BuildKeep(m *Model, emit Emit, keep Keeper, done func(kind string)) error {
	last := -1
	for i, k := range kinds {
		if k.Reads&Templates != 0 {
			last = i
		}
	}
	for i, k := range kinds {
		if err := renderKeep(k.Entries(m), emit, keep); err != nil {
			return err
		}
		if done != nil {
			done(k.Name)
		}
		if i == last {
			m.Pages.Drop()
		}
	}
	return nil
}

// Render renders the entries on up to GOMAXPROCS goroutines, passing each
// file to emit, which may be called concurrently and in any order. On
// failure no new entries are started and the error of the first failing
// entry in the order given is returned: entries are started in that order
// and every entry started is finished, so the error is the same from run
// to run.
func Render(entries []Entry, emit Emit) error { return renderKeep(entries, emit, nil) }

func renderKeep(entries []Entry, emit Emit, keep Keeper) error {
	errs := make([]error, len(entries))
	var failed atomic.Bool
	parallel.For(len(entries), runtime.GOMAXPROCS(0), func(i int) {
		if failed.Load() {
			return
		}
		if errs[i] = entries[i].make(emit, keep); errs[i] != nil {
			failed.Store(true)
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// make renders e, unless keep keeps its files.
func (e Entry) make(emit Emit, keep Keeper) error {
	if keep == nil {
		return e.Render(emit)
	}
	kept, err := keep.Keep(e)
	if err != nil || kept {
		if kept && e.Kept != nil {
			e.Kept()
		}
		return err
	}
	files := e.Paths
	if files == nil {
		var mu sync.Mutex
		inner := emit
		emit = func(file string, data []byte) error {
			mu.Lock()
			files = append(files, file)
			mu.Unlock()
			return inner(file, data)
		}
	}
	if err := e.Render(emit); err != nil {
		return err
	}
	keep.Made(e, files)
	return nil
}
