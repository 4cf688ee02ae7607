package plan

import (
	"runtime"
	"sync/atomic"

	"github.com/t4k3news/digest/internal/parallel"
)

// Build renders every entry of m, passing each file to emit: the kinds in
// order, one after another, and the entries of one kind on up to
// GOMAXPROCS goroutines, so emit may be called concurrently. Once no kind
// left reads the templates, the fragments shared by the pages are dropped
// (see [render.Renderer.Drop]): the feeds, made after the pages, need the
// memory. The error is the first in the order of [List].
func Build(m *Model, emit Emit) error {
	last := -1
	for i, k := range kinds {
		if k.Reads&Templates != 0 {
			last = i
		}
	}
	for i, k := range kinds {
		if err := Render(k.Entries(m), emit); err != nil {
			return err
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
func Render(entries []Entry, emit Emit) error {
	errs := make([]error, len(entries))
	var failed atomic.Bool
	parallel.For(len(entries), runtime.GOMAXPROCS(0), func(i int) {
		if failed.Load() {
			return
		}
		if errs[i] = entries[i].Render(emit); errs[i] != nil {
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
