// Package parallel runs the iterations of a loop on a few goroutines, for
// the stages of the pipeline that do the same work for many files.
package parallel

import (
	"sync"
	"sync/atomic"
)

// For calls f(0), f(1), ... f(n-1) on at most workers goroutines, starting
// the calls in index order (callers that make call i wait for call i-1 rely
// on that), and returns when all have returned. Each goroutine takes the
// next index from a shared counter: no goroutine hands them out, so none
// has to be woken for every call.
func For(n, workers int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(n, workers)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
