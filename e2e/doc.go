// Package e2e tests the built digest in a real browser: Debian's Chromium,
// driven headless over the Chrome DevTools Protocol with chromedp, against a
// fresh build of the repository's content/, templates/ and static/ served
// on loopback.
//
// The tests follow links the way a reader does, measure the layout at phone
// and desktop widths, run axe-core (from this folder's node_modules) in the
// page, and fail on any console error or any request that leaves loopback.
// With -update they rewrite the screenshots in docs/screenshots/.
//
// Chromium must be at /usr/bin/chromium and axe-core installed with
// "npm ci" in this folder. Without them the tests skip, unless the
// environment variable CI is set, as in .ci/run: then they fail.
package e2e
