package feed

import (
	"runtime"
	"sync/atomic"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/parallel"
	"github.com/t4k3news/digest/internal/site"
)

// writeChannels encodes the channels on a few goroutines; each then waits
// for its turn, in channel order, to pass its feeds to emit.
func writeChannels(c *config.Config, s *site.Site, chs []*channel, emit func(string, []byte) error) error {
	var (
		turns    = newTurns(len(chs))
		firstErr error       // read and written in turn only
		failed   atomic.Bool // firstErr is set: make no more feeds
	)
	parallel.For(len(chs), runtime.GOMAXPROCS(0), func(i int) {
		var (
			files []file
			err   error
		)
		if !failed.Load() {
			files, err = chs[i].encode(c, s)
		}
		turns.wait(i)
		defer turns.done(i)
		for _, f := range files {
			if firstErr == nil {
				firstErr = emit(f.name, f.data)
			}
		}
		if firstErr == nil {
			firstErr = err
		}
		failed.Store(firstErr != nil)
	})
	return firstErr
}

// turns lets the goroutines that make the channels emit their feeds one at
// a time, in channel order. It relies on parallel.For starting call i
// after call i-1.
type turns []chan struct{}

func newTurns(n int) turns {
	t := make(turns, n)
	for i := range t {
		t[i] = make(chan struct{})
	}
	return t
}

// wait returns when it is the turn of i: when i-1 is done.
func (t turns) wait(i int) {
	if i > 0 {
		<-t[i-1]
	}
}

// done ends the turn of i.
func (t turns) done(i int) { close(t[i]) }
