package convert

import (
	"runtime"
	"sync"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/parallel"
)

// all converts the seeds, recording each one's result at its index. Each
// seed is read, parsed and made a document in parallel; then, in seed
// order, it takes its turn to get its slug and date, which depend on the
// seeds before it; then its file is written in parallel again. A few
// goroutines do the work, one seed at a time each, so that no more than a
// few documents are in memory at once.
func (c *converter) all(seeds []string, results []result) {
	var t turns
	t.cond.L = &t.mu
	parallel.For(len(seeds), workers, func(i int) { c.one(seeds[i], &results[i], &t, i) })
}

// workers is how many seeds are converted at once: twice as many as there
// are CPUs, so that one waiting for the disk leaves its CPU to another.
var workers = 2 * runtime.GOMAXPROCS(0)

// one converts the seed at path, the i-th, into r.
func (c *converter) one(path string, r *result, t *turns, i int) {
	doc := c.prepare(path, r)
	t.wait(i)
	old, ok := c.turn(path, doc, r)
	t.done()
	if ok {
		c.write(doc, old, r)
	}
}

// turn is the part of converting a seed that must follow the seeds before
// it. It reports whether doc is to be written.
func (c *converter) turn(path string, doc *content.Document, r *result) (old *content.Document, ok bool) {
	if c.stop.Load() {
		*r = result{} // the run stopped at an earlier seed
		return nil, false
	}
	if doc != nil && r.fatal == nil {
		old = c.place(path, doc, r)
	}
	if r.fatal != nil {
		c.stop.Store(true)
	}
	return old, doc != nil && r.fatal == nil
}

// turns lets goroutines take turns in index order: 0, 1, 2, ...
type turns struct {
	mu   sync.Mutex
	cond sync.Cond
	next int
}

// wait returns when it is the turn of i.
func (t *turns) wait(i int) {
	t.mu.Lock()
	for t.next != i {
		t.cond.Wait()
	}
	t.mu.Unlock()
}

// done ends the current turn.
func (t *turns) done() {
	t.mu.Lock()
	t.next++
	t.mu.Unlock()
	t.cond.Broadcast()
}
