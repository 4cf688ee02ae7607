package live

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/t4k3news/digest/internal/live/livetest"
)

// compare checks every file the engine serves against a fresh build, and
// that the engine serves every file of the build.
func compare(t *testing.T, e *Engine, ts *livetest.Site, step string) {
	t.Helper()
	want := ts.Built()
	got := make(map[string][]byte)
	if err := e.All(func(name string, data []byte) error { got[name] = data; return nil }); err != nil {
		t.Fatalf("%s: engine: %v", step, err)
	}
	for name, data := range got {
		if !bytes.Equal(data, want[name]) {
			t.Fatalf("%s: %s differs from a fresh build:\n%s", step, name, livetest.FirstDiff(data, want[name]))
		}
		served, err := e.File(name)
		if err != nil || !bytes.Equal(served, data) {
			t.Fatalf("%s: File(%q) differs from the whole render: %v", step, name, err)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Fatalf("%s: the engine has no %s", step, name)
		}
	}
}

// TestMatchesBuild applies random sequences of edits and checks after each
// one that the engine's site is byte for byte a fresh build's.
func TestMatchesBuild(t *testing.T) {
	steps := 60
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
