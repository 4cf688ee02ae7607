package live

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/race"
)

// compare checks that the engine serves exactly the files of a fresh
// build, rendered whole or one by one.
func compare(t *testing.T, e *Engine, ts *livetest.Site, step string) {
	t.Helper()
	want := ts.Built()
	got := make(map[string][]byte)
	if err := e.All(func(name string, data []byte) error { got[name] = data; return nil }); err != nil {
		t.Fatalf("%s: engine: %v", step, err)
	}
	if d := livetest.Diff(got, want); d != "" {
		t.Fatalf("%s: %s", step, d)
	}
	for name, data := range got {
		served, err := e.File(name)
		if err != nil || !bytes.Equal(served, data) {
			t.Fatalf("%s: File(%q) differs from the whole render: %v", step, name, err)
		}
	}
}

// TestMatchesBuild applies random sequences of edits and checks after each
// one that the engine's site is byte for byte a fresh build's.
func TestMatchesBuild(t *testing.T) {
	steps := race.Size(60, 15)
	if testing.Short() {
		steps = 15
	}
	ts := livetest.New(t, "../..", 40)
	e := New(Options{Root: ts.Root})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	compare(t, e, ts, "load")
	for i := range steps {
		ed := livetest.Edits[ts.Rng.IntN(len(livetest.Edits))]
		paths, broken := ed.Do(ts)
		step := fmt.Sprintf("step %d (%s)", i, ed.Name)
		_, err := e.Apply(paths)
		if broken != (err != nil) {
			t.Fatalf("%s: Apply error %v, want broken=%v", step, err, broken)
		}
		if broken {
			if _, err := e.Apply(ts.Fix()); err != nil {
				t.Fatalf("%s: after the fix: %v", step, err)
			}
		}
		compare(t, e, ts, step)
	}
}
