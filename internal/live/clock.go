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
	e.due = e.model.Publish().Schedule(docs).Change
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

// schedule sets when the site next changes by the clock; e.mu is held.
func (e *Engine) schedule() {
	var docs []*content.Document
	for _, d := range e.docs {
		docs = append(docs, d)
	}
	e.due = e.model.Publish().Schedule(docs).Change
}
