package e2e

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

var update = flag.Bool("update", false, "rewrite the screenshots in docs/screenshots/")

// Where the tests find the browser, the repository and axe-core.
const (
	chromiumPath = "/usr/bin/chromium"
	repoRoot     = ".."
	axePath      = "node_modules/axe-core/axe.min.js"
)

// The suite's shared state, set up once by TestMain.
var (
	siteURL  string     // the built site, served on loopback, without a trailing slash
	model    *site.Site // the site model of the same content, for expectations
	browser  context.Context
	noBrowse error    // why there is no browser, if there is none
	tmpDir   string   // removed when the suite ends
	cleanups []func() // run when the suite ends
)

func TestMain(m *testing.M) {
	flag.Parse()
	code, err := runMain(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func runMain(m *testing.M) (int, error) {
	tmp, err := os.MkdirTemp("", "digest-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	tmpDir = tmp
	defer func() {
		for _, f := range cleanups {
			f()
		}
	}()
	public := filepath.Join(tmp, "public")
	if model, err = buildSite(public); err != nil {
		return 0, err
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	defer srv.Close()
	siteURL = srv.URL

	ctx, cancel, err := startBrowser(filepath.Join(tmp, "profile"))
	if err != nil {
		noBrowse = err
	} else {
		defer cancel()
		browser = ctx
	}
	return m.Run(), nil
}

// buildSite builds the repository's site into dir and returns its model.
func buildSite(dir string) (*site.Site, error) {
	src := os.DirFS(repoRoot)
	if _, err := build.Build(build.Options{Source: src, Destination: dir, BaseURL: "/"}); err != nil {
		return nil, fmt.Errorf("building the site: %w", err)
	}
	docs, err := content.Load(src, load.ContentDir)
	if err != nil {
		return nil, err
	}
	routes, err := route.New("/")
	if err != nil {
		return nil, err
	}
	return site.New(docs, routes)
}

// startBrowser starts one headless Chromium for the whole suite, with a
// fresh profile in dir. Each test opens its own tab in it.
func startBrowser(dir string) (context.Context, context.CancelFunc, error) {
	if _, err := os.Stat(chromiumPath); err != nil {
		return nil, nil, fmt.Errorf("no Chromium at %s (apt-get install chromium): %w", chromiumPath, err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(dir),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		cancelCtx()
		cancelAlloc()
		return nil, nil, fmt.Errorf("starting %s: %w", chromiumPath, err)
	}
	return ctx, func() { cancelCtx(); cancelAlloc() }, nil
}

// needBrowser returns the suite's browser, or skips the test when there is
// none, except under CI, where a missing browser is a failure.
func needBrowser(t *testing.T) context.Context {
	t.Helper()
	if noBrowse != nil {
		missing(t, noBrowse)
	}
	return browser
}

// missing skips a test that lacks a tool, or fails it under CI.
func missing(t *testing.T, err error) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%v (CI is set, so this fails instead of skipping)", err)
	}
	t.Skipf("skipping browser test: %v (set CI=true to make this a failure)", err)
}
