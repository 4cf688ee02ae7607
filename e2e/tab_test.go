package e2e

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A tab is one browser tab of a test. It records every console error and
// every request that leaves loopback, and fails the test on either when the
// test ends.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu      sync.Mutex
	errors  []string // console errors and uncaught exceptions
	outside []string // URLs requested outside loopback
}

// newTab opens a tab in the suite's browser, or skips the test when there
// is no browser (see needBrowser).
func newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(needBrowser(t))
	tb := &tab{t: t, ctx: ctx}
	if err := chromedp.Listen(ctx, tb.observe); err != nil {
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(func() {
		tb.checkClean()
		cancel()
	})
	return tb
}

// observe runs in chromedp's event loop, so it only records.
func (tb *tab) observe(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if !local(ev.Request.URL) {
			tb.outside = append(tb.outside, ev.Request.URL)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			tb.errors = append(tb.errors, fmt.Sprintf("console.%s: %s", ev.Type, args(ev.Args)))
		}
	case *runtime.EventExceptionThrown:
		tb.errors = append(tb.errors, "uncaught: "+exception(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			tb.errors = append(tb.errors, fmt.Sprintf("%s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

// local reports whether a request stays on this machine: loopback, or a
// URL that needs no network at all.
func local(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	}
	host := u.Hostname()
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

func args(objs []*runtime.RemoteObject) string {
	var parts []string
	for _, o := range objs {
		if len(o.Value) > 0 {
			parts = append(parts, string(o.Value))
		} else {
			parts = append(parts, o.Description)
		}
	}
	return strings.Join(parts, " ")
}

func exception(d *runtime.ExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}

// checkClean fails the test on any console error or outside request seen.
func (tb *tab) checkClean() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, e := range tb.errors {
		tb.t.Errorf("console error: %s", e)
	}
	for _, u := range tb.outside {
		tb.t.Errorf("request left loopback: %s", u)
	}
}

// open loads the site path p (such as "/news/x/") and waits for its load
// event.
func (tb *tab) open(p string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(siteURL+p)); err != nil {
		tb.t.Fatalf("opening %s: %v", p, err)
	}
}

// click clicks the element sel finds (a chromedp selector) as a reader
// would, waits for the page it leads to, and returns that page's path.
func (tb *tab) click(sel string) string {
	tb.t.Helper()
	wait := chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(sel, chromedp.NodeVisible))
	if _, err := chromedp.Run(tb.ctx, wait); err != nil {
		tb.t.Fatalf("clicking %s: %v", sel, err)
	}
	return tb.path()
}

// path is the path of the page in the tab.
func (tb *tab) path() string {
	tb.t.Helper()
	loc, err := chromedp.Run(tb.ctx, chromedp.Location())
	if err != nil {
		tb.t.Fatalf("reading the location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		tb.t.Fatalf("location %q: %v", loc, err)
	}
	return u.Path
}

// eval evaluates a JavaScript expression in the page of tb.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %.60q: %v", js, err)
	}
	return v
}

// text is the text content of the first element sel (CSS) matches.
func text(tb *tab, css string) string {
	tb.t.Helper()
	return eval[string](tb, fmt.Sprintf(`(document.querySelector(%q)?.textContent ?? "").trim()`, css))
}

// colorScheme makes the tab prefer the scheme "light" or "dark".
func (tb *tab) colorScheme(scheme string) {
	tb.t.Helper()
	tb.media("", scheme)
}

// media emulates the CSS media type (such as "print"; "" for screen) and
// the preferred color scheme.
func (tb *tab) media(typ, scheme string) {
	tb.t.Helper()
	params := emulation.SetEmulatedMediaParams{
		Media:    typ,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, params); err != nil {
		tb.t.Fatalf("emulating media %q %q: %v", typ, scheme, err)
	}
}

// viewport sets the width of the tab's window in CSS pixels.
func (tb *tab) viewport(width, height int64) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(width, height)); err != nil {
		tb.t.Fatalf("setting the viewport to %dx%d: %v", width, height, err)
	}
}

// take returns and forgets what tb has recorded so far.
func (tb *tab) take() (errors, outside []string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	errors, outside = tb.errors, tb.outside
	tb.errors, tb.outside = nil, nil
	return errors, outside
}

// openURL loads a full URL, for servers other than the suite's.
func (tb *tab) openURL(u string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		tb.t.Fatalf("opening %s: %v", u, err)
	}
}
