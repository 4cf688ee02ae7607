package live

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

// Due returns the time at which the site next changes by the clock alone
// (a scheduled story goes out or one expires), or zero for none.
func (e *Engine) Due() time.Time {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.due
}

// OnTime calls tick each time a poll finds that the clock (now) has
// reached due() (zero: nothing due), until ctx ends: the loop with which
// serve and build --watch put scheduled stories out, and take expired ones
// down, without a restart. tick gets the due time it was called for.
func OnTime(ctx context.Context, poll time.Duration, due, now func() time.Time, tick func(due time.Time)) {
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if d := due(); !d.IsZero() && !now().Before(d) {
			tick(d)
		}
	}
}

// Tick brings the site up to the engine's clock: the stories whose time
// has come go out or come down. It reports how many changed; like Apply,
// it must not overlap another Apply or Tick.
func (e *Engine) Tick() (int, error) {
	if !e.loaded() || e.opts.Now == nil {
		return 0, nil
	}
	docs := e.committed()
	e.mu.Lock()
	defer e.mu.Unlock()
	n, err := e.model.Reclock(e.opts.Now(), docs)
	if n > 0 {
		e.bump(e.storyParts())
	}
	e.retime(docs)
	return n, err
}

// committed returns the documents in the model's site, by path: those
// read and not waiting for a broken change to be fixed.
func (e *Engine) committed() []*content.Document {
	var docs []*content.Document
	for _, p := range slices.Sorted(maps.Keys(e.docs)) {
		if !e.pending[p] {
			docs = append(docs, e.docs[p])
		}
	}
	return docs
}

// retime keeps, of docs, those that change the site by the model's clock
// (e.timed), and sets when the site next changes; e.mu is held. It reads
// every document: Load and Tick, which move the clock, call it.
func (e *Engine) retime(docs []*content.Document) {
	e.timed = make(map[string]*content.Document)
	for _, d := range docs {
		e.time(d.Path, d)
	}
	e.schedule()
}

// time keeps the document at p, or forgets it (d nil), in e.timed; e.mu
// is held.
func (e *Engine) time(p string, d *content.Document) {
	if d != nil && !e.model.Publish().Schedule([]*content.Document{d}).Change.IsZero() {
		e.timed[p] = d
		return
	}
	delete(e.timed, p)
}

// schedule sets when the site next changes by the clock, from the
// documents timed: until the model's clock moves, no other document can
// change the site by it. e.mu is held.
func (e *Engine) schedule() {
	e.due = e.model.Publish().Schedule(slices.Collect(maps.Values(e.timed))).Change
}
