// Package parallel runs the iterations of a loop on a few goroutines, for
// the stages of the pipeline that do the same work for many files.
package parallel

import "sync"

// For calls f(0), f(1), ... f(n-1) on at most workers goroutines, starting
// the calls in index order (callers that make call i wait for call i-1 rely
// on that), and returns when all have returned.
func For(n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(n, workers)) {
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
