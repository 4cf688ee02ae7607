package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The tab's watch must see what it is there to catch: a request that
// leaves loopback and an error in the console.
func TestTabCatchesOutsideRequestAndConsoleError(t *testing.T) {
	tb := newTab(t)
	const page = `data:text/html,<title>t</title><script>fetch("http://example.invalid/x").catch(() => {}); console.error("boom")</script>`
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	var errors, outside []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		e, o := tb.take()
		errors, outside = append(errors, e...), append(outside, o...)
		if len(errors) > 0 && len(outside) > 0 {
			break
		}
	}
	if len(outside) == 0 || outside[0] != "http://example.invalid/x" {
		t.Errorf("outside requests seen: %q, want http://example.invalid/x", outside)
	}
	if len(errors) == 0 {
		t.Error("console.error went unseen")
	}
	// Leave the page so that the fetch logs nothing after this, then
	// forget what the test wanted to see.
	if err := chromedp.Do(tb.ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	tb.take()
}
