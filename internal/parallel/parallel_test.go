package parallel

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	for _, tt := range []struct{ n, workers int }{{0, 4}, {1, 4}, {100, 1}, {100, 3}, {5, 0}} {
		var calls [100]atomic.Int32
		var running, most atomic.Int32
		var mu sync.Mutex
		For(tt.n, tt.workers, func(i int) {
			r := running.Add(1)
			mu.Lock()
			most.Store(max(most.Load(), r))
			mu.Unlock()
			calls[i].Add(1)
			running.Add(-1)
		})
		for i := range tt.n {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: f(%d) called %d times", tt.n, tt.workers, i, c)
			}
		}
		if m := int(most.Load()); m > max(1, tt.workers) {
			t.Errorf("n=%d workers=%d: %d calls at once", tt.n, tt.workers, m)
		}
	}
}

// TestForStartsInOrder makes each call wait for the one before it, which
// only finishes if calls start in index order.
func TestForStartsInOrder(t *testing.T) {
	const n = 200
	var done [n]chan struct{}
	for i := range done {
		done[i] = make(chan struct{})
	}
	For(n, 4, func(i int) {
		if i > 0 {
			<-done[i-1]
		}
		close(done[i])
	})
}
