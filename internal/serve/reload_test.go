package serve

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// scriptHarness runs the reload script in Node with a fake EventSource and
// prints what the page did after each step of a restart.
const scriptHarness = `
let reloads = 0;
const sources = [];
globalThis.location = { reload() { reloads++; } };
globalThis.setTimeout = (f) => f();
globalThis.document = { getElementById: () => null, querySelectorAll: () => [] };
globalThis.EventSource = class {
  static CLOSED = 2;
  constructor(url) { this.url = url; this.on = {}; this.readyState = 1; sources.push(this); }
  addEventListener(name, f) { (this.on[name] ??= []).push(f); }
  fire(name, data) { for (const f of this.on[name] ?? []) f({ data }); }
};
const step = (what) => console.log(what, reloads, sources.length);
const SCRIPT = 0;
step("loaded");
sources[0].fire("hello", "ONE-3");
step("same version");
sources[0].fire("style", "ONE-4");
sources[0].fire("hello", "ONE-4");
step("stylesheet swapped");
sources[0].readyState = EventSource.CLOSED;
sources[0].fire("error");
step("given up");
sources[1].fire("hello", "TWO-0");
step("restarted");
`

// TestScriptReloads runs the reload script: it reloads the page when the
// server says another version than the page was served with, as after a
// restart, and opens the stream again if the browser gives up on it.
func TestScriptReloads(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the script with")
	}
	page := string(inject(nil, "ONE-3"))
	js := strings.TrimSuffix(strings.TrimPrefix(page, "<script>"), "</script>\n")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, "-e", strings.Replace(scriptHarness, "const SCRIPT = 0;", js, 1)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	want := "loaded 0 1\nsame version 0 1\nstylesheet swapped 0 1\ngiven up 0 2\nrestarted 1 2\n"
	if string(out) != want {
		t.Errorf("script did (step, reloads, connections):\n%s\nwant:\n%s", out, want)
	}
}
