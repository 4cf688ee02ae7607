package serve

import (
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const nato = "content/nato-backs-ukraine-with-new-security-guarantees.md"

// TestBrokenAtStart starts the preview of a site that does not load: every
// path shows its problems, escaped, until a fix makes it load, and then
// the open pages reload into the site.
func TestBrokenAtStart(t *testing.T) {
	root := newSite(t)
	replaceIn(t, filepath.Join(root, veto), "title:", "titel:")
	replaceIn(t, filepath.Join(root, nato), "date: 2025", "date: <b>&2025")
	log := new(logBuffer)
	url, _ := startAt(t, root, 0, log)

	vetoProblem := veto + `:2: front matter: unknown key "titel"`
	natoProblem := nato + `:7: front matter: date: want a date such as 2025-08-21T10:00:00Z, got "<b>&2025`
	for _, want := range []string{vetoProblem, natoProblem} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("terminal does not show %s:\n%s", want, log)
		}
	}
	for _, path := range []string{"/", "/news/russia-seeks-veto-in-ukraine-security-guarantees/", "/style.css", "/no/such/page"} {
		code, body := get(t, url+path)
		if code != 500 || !strings.Contains(body, eventsPath) {
			t.Errorf("%s: %d, want 500 and the reload script:\n%s", path, code, body)
		}
		for _, want := range []string{vetoProblem, natoProblem} {
			if escaped := escape(want); !strings.Contains(body, escaped) {
				t.Errorf("%s does not show %s", path, escaped)
			}
		}
		if strings.Contains(body, "<b>") {
			t.Errorf("%s: problem not escaped", path)
		}
	}

	// A fix of one problem reloads the page to show the other.
	events := listen(t, url)
	replaceIn(t, filepath.Join(root, nato), "date: <b>&2025", "date: 2025")
	await(t, events, "reload")
	if code, body := get(t, url+"/"); code != 500 || !strings.Contains(body, escape(vetoProblem)) || strings.Contains(body, "nato-backs") {
		t.Errorf("after one fix: %d\n%s", code, body)
	}
	if last := lastLine(log.String()); last != vetoProblem {
		t.Errorf("terminal after one fix ends %q", last)
	}

	// Fixing the other loads the site.
	replaceIn(t, filepath.Join(root, veto), "titel:", "title:")
	await(t, events, "reload")
	if code, body := get(t, url+"/"); code != 200 || !strings.Contains(body, "Lavrov says Moscow must be involved") {
		t.Errorf("after the fix: %d\n%s", code, body)
	}
	if code, _ := get(t, url+"/no/such/page/"); code != 404 {
		t.Errorf("missing page after the fix: %d", code)
	}
	want := " " + veto + ": site of 5 articles loaded in "
	if last := lastLine(log.String()); !strings.Contains(last, want) {
		t.Errorf("terminal after the fix ends %q, want %q", last, want)
	}
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestRestart checks that the event stream names the server's instance
// first, so that a page left open when the preview restarts hears another
// version when its browser reconnects, and reloads.
func TestRestart(t *testing.T) {
	root := newSite(t)
	url, stop := startAt(t, root, 0, new(logBuffer))
	_, before := connect(t, url)
	_, body := get(t, url+"/")
	if !strings.Contains(body, `let version = "`+before+`"`) {
		t.Errorf("page is not stamped with version %s", before)
	}
	for _, want := range []string{`if (e.data !== version) location.reload()`, `setTimeout(connect, 1000)`} {
		if !strings.Contains(script, want) {
			t.Errorf("reload script lacks %s", want)
		}
	}

	stop()
	_, portText, _ := net.SplitHostPort(strings.TrimPrefix(url, "http://"))
	port, _ := strconv.Atoi(portText)
	again, _ := startAt(t, root, port, new(logBuffer))
	if again != url {
		t.Fatalf("restarted at %s, want %s", again, url)
	}
	_, after := connect(t, url)
	if after == before {
		t.Errorf("restarted server says version %s again", after)
	}
	if _, body := get(t, url+"/"); !strings.Contains(body, `let version = "`+after+`"`) {
		t.Errorf("page after restart is not stamped with version %s", after)
	}
}
