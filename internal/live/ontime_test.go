package live

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// TestOnTime: tick runs only once the clock has reached the due time,
// with that time, never when nothing is due, and the loop ends with ctx.
func TestOnTime(t *testing.T) {
	due := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	var clock atomic.Int64 // nanoseconds after due, negative before
	clock.Store(-int64(time.Minute))
	now := func() time.Time { return due.Add(time.Duration(clock.Load())) }
	var scheduled atomic.Bool
	scheduled.Store(true)
	dueFn := func() time.Time {
		if !scheduled.Load() {
			return time.Time{}
		}
		return due
	}
	ticks := make(chan time.Time, 100)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		OnTime(ctx, time.Millisecond, dueFn, now, func(d time.Time) { ticks <- d })
		close(done)
	}()
	time.Sleep(20 * time.Millisecond) // many polls, all before the due time
	if len(ticks) != 0 {
		t.Fatalf("ticked %d times before the due time", len(ticks))
	}
	clock.Store(0)
	if got := <-ticks; !got.Equal(due) {
		t.Errorf("tick got %v, want %v", got, due)
	}
	scheduled.Store(false)
	time.Sleep(10 * time.Millisecond) // a poll under way when it was cleared ends
	for len(ticks) > 0 {              // polls between reaching the time and clearing it
		<-ticks
	}
	time.Sleep(20 * time.Millisecond)
	if len(ticks) != 0 {
		t.Errorf("ticked %d times with nothing due", len(ticks))
	}
	cancel()
	<-done
}
