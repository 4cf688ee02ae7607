package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/live"
	"github.com/t4k3news/digest/internal/live/livetest"
)

// newSite copies the repository's templates, static files and content into
// a temporary site folder.
func newSite(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"templates", "static", "content"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// start runs the preview of root on a free port and returns its URL.
func start(t testing.TB, root string) string {
	url, _ := startAt(t, root, 0, io.Discard)
	return url
}

// startAt runs the preview of root on port (0 for a free one), printing to
// log, and returns its URL and a function that stops it, which the test's
// end also calls.
func startAt(t testing.TB, root string, port int, log io.Writer) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Root: root, Bind: "127.0.0.1", Port: port, Log: log, Now: time.Now,
			Ready: func(url string) { ready <- url }})
		close(done)
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	select {
	case url := <-ready:
		return strings.TrimSuffix(url, "/"), stop
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start")
	}
	return "", stop
}

// logBuffer is a terminal for a server running in a test.
type logBuffer = livetest.Log

// get fetches a URL and returns status and body.
func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// listen opens the event stream and returns its events as "name data".
func listen(t testing.TB, url string) <-chan string {
	t.Helper()
	events, _ := connect(t, url)
	return events
}

// connect opens the event stream, checks that its first event is "hello",
// and returns the events after it and the hello's data, the server's
// version.
func connect(t testing.TB, url string) (<-chan string, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	events := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			} else if d, ok := strings.CutPrefix(line, "data: "); ok {
				events <- name + " " + d
			}
		}
	}()
	select {
	case ev := <-events:
		name, data, _ := strings.Cut(ev, " ")
		if name != "hello" {
			t.Fatalf("first event %q, want hello", ev)
		}
		return events, data
	case <-time.After(10 * time.Second):
		t.Fatal("no hello event")
	}
	return nil, ""
}

// await waits for an event whose name is name and returns its data.
func await(t testing.TB, events <-chan string, name string) string {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev := <-events:
			if n, data, _ := strings.Cut(ev, " "); n == name {
				return data
			}
		case <-deadline:
			t.Fatalf("no %s event", name)
		}
	}
}

// renameSave and replaceIn save a file the way many editors do: to a
// temporary file that is then renamed over the old one.
var renameSave, replaceIn = livetest.RenameSave, livetest.ReplaceIn

const veto = "content/russia-seeks-veto-in-ukraine-security-guarantees.md"

func TestPreview(t *testing.T) {
	root := newSite(t)
	url := start(t, root)
	page := url + "/news/russia-seeks-veto-in-ukraine-security-guarantees/"
	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "Lavrov says Moscow must be involved") || !strings.Contains(body, eventsPath) {
		t.Fatalf("article page: %d\n%s", code, body)
	}
	events := listen(t, url)

	// Edit the dek with a rename-style save.
	replaceIn(t, filepath.Join(root, veto), "description: Lavrov says Moscow", "description: Edited dek <b>here</b>; Lavrov says Moscow")
	await(t, events, "reload")
	if _, body := get(t, page); !strings.Contains(body, "Edited dek &lt;b&gt;here&lt;/b&gt;; Lavrov") {
		t.Error("article page does not show the new dek")
	}
	if _, body := get(t, url+"/"); !strings.Contains(body, "Edited dek") {
		t.Error("front page does not show the new dek")
	}

	// A new article in a new sub-folder.
	data, _ := os.ReadFile(filepath.Join(root, veto))
	text := strings.Replace(string(data), "slug: russia-seeks-veto-in-ukraine-security-guarantees", "slug: brand-new", 1)
	text = strings.Replace(text, "title: Russia seeks veto", "title: Brand new story on veto", 1)
	renameSave(t, filepath.Join(root, "content/new/deeper/brand-new.md"), text)
	await(t, events, "reload")
	if code, body := get(t, url+"/news/brand-new/"); code != 200 || !strings.Contains(body, "Brand new story on veto") {
		t.Errorf("new article: %d", code)
	}

	// Break a template: the overlay names file and line; the last good
	// site is still served. Fix it: the pages reload.
	card := filepath.Join(root, "templates/partials/card.html")
	good, _ := os.ReadFile(card)
	renameSave(t, card, "{{define \"card\"}}\n<p>{{.Meta.Title}</p>\n{{end}}")
	failure := await(t, events, "failure")
	if !strings.Contains(failure, "templates/partials/card.html:2") {
		t.Errorf("failure %s does not name the template and line", failure)
	}
	if code, body := get(t, url+"/"); code != 200 || !strings.Contains(body, "Brand new story") {
		t.Errorf("front page while broken: %d", code)
	}
	late := listen(t, url) // a page opened now sees the error too
	await(t, late, "failure")
	renameSave(t, card, string(good))
	await(t, events, "reload")

	// Bad front matter, then the fix.
	replaceIn(t, filepath.Join(root, veto), "title:", "titel:")
	if failure := await(t, events, "failure"); !strings.Contains(failure, veto+":2: ") {
		t.Errorf("failure %s does not name the content file and line", failure)
	}
	replaceIn(t, filepath.Join(root, veto), "titel:", "title:")
	await(t, events, "reload")

	// A stylesheet change swaps the stylesheet.
	renameSave(t, filepath.Join(root, "static/style.css"), "body { color: red }\n")
	await(t, events, "style")
	if _, body := get(t, url+"/style.css"); body != "body { color: red }\n" {
		t.Errorf("style.css: %q", body)
	}
}

// TestRequests checks what the server answers, request by request.
func TestRequests(t *testing.T) {
	root := newSite(t)
	if err := os.WriteFile(filepath.Join(t.TempDir(), "secret"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	if err := os.Symlink(outside, filepath.Join(root, "static/link.txt")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "static/logo.svg"), []byte("<svg/>"), 0o644)
	e := live.New(live.Options{Root: root})
	// A link out of the site's folder stops the site loading, as it stops
	// a build; once it is gone, the site loads.
	if err := e.Load(); err == nil || !strings.Contains(err.Error(), "static/link.txt: symbolic link") {
		t.Fatalf("Load with a link out of the site: %v", err)
	}
	os.Remove(filepath.Join(root, "static/link.txt"))
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	s := New(e, "/", "127.0.0.1")
	tests := []struct {
		target, host string
		code         int
		typ          string
	}{
		{"/", "127.0.0.1:1313", 200, "text/html; charset=utf-8"},
		{"/", "localhost:1313", 200, "text/html; charset=utf-8"},
		{"/", "[::1]:1313", 200, "text/html; charset=utf-8"},
		{"/", "evil.example:1313", 403, "text/plain; charset=utf-8"},
		{"/", "127.0.0.1.evil.example", 403, "text/plain; charset=utf-8"},
		{"/style.css", "localhost", 200, "text/css; charset=utf-8"},
		{"/logo.svg", "localhost", 200, "image/svg+xml"},
		{"/news/russia-seeks-veto-in-ukraine-security-guarantees/", "localhost", 200, "text/html; charset=utf-8"},
		{"/news/russia-seeks-veto-in-ukraine-security-guarantees", "localhost", 301, ""},
		{"/no/such/page/", "localhost", 404, "text/html; charset=utf-8"},
		{"/../go.mod", "localhost", 404, "text/html; charset=utf-8"},
		{"/%2e%2e/go.mod", "localhost", 404, "text/html; charset=utf-8"},
		{"/news/%2e%2e/%2e%2e/go.mod", "localhost", 404, "text/html; charset=utf-8"},
		{"/..%5cgo.mod", "localhost", 404, "text/html; charset=utf-8"},
		{"/static\\style.css", "localhost", 404, "text/html; charset=utf-8"},
		{"//etc/passwd", "localhost", 404, "text/html; charset=utf-8"},
		{"/link.txt", "localhost", 404, "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", "http://localhost"+tt.target, nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != tt.code || tt.typ != "" && rec.Header().Get("Content-Type") != tt.typ {
			t.Errorf("%s (Host %s): %d %q, want %d %q", tt.target, tt.host, rec.Code, rec.Header().Get("Content-Type"), tt.code, tt.typ)
		}
		if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "module ") {
			t.Errorf("%s: served a file outside the site", tt.target)
		}
		if rec.Code == 404 && !strings.Contains(rec.Body.String(), "Page not found") {
			t.Errorf("%s: 404 is not the site's 404.html", tt.target)
		}
	}
}

// TestBuildHasNoScript checks that the reload script is only served.
func TestBuildHasNoScript(t *testing.T) {
	root := newSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: os.DirFS(root), Destination: dest}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "_digest") || strings.Contains(string(data), "EventSource") {
		t.Error("the build's index.html has the reload script")
	}
}
