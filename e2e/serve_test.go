package e2e

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The live-reload loop in a real browser: with a page of "digest serve"
// open, an edit of its content file makes the page reload by itself and
// show the new text.
func TestServeReloadsPageAfterContentEdit(t *testing.T) {
	needBrowser(t)
	root := copySite(t)
	bin := filepath.Join(t.TempDir(), "digest")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/digest").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if out, _ := exec.Command(bin, "serve", "-h").CombinedOutput(); strings.Contains(string(out), "unknown command") {
		t.Skip("digest has no serve command yet")
	}
	base := startServe(t, bin, root)
	tb := newTab(t) // after the server, so that it closes before the server stops

	const slug = "russia-seeks-veto-in-ukraine-security-guarantees"
	tb.openURL(base + "news/" + slug + "/")
	eval[bool](tb, `window.beforeEdit = true`)
	file := filepath.Join(root, "content", slug+".md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const old, edited = "Russia has said it will only back", "Edited while the page was open: Russia will only back"
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q to edit", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, edited, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// The page is reloading while this polls, so an evaluation may fail.
	js := `!window.beforeEdit && !!document.querySelector(".story-body")?.textContent.includes(` + quote(edited) + `)`
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not reload with the edit within 15s; it shows %.200q", text(tb, ".story-body"))
		}
	}
}

// copySite copies the repository's site sources into a temporary folder
// that the test may edit.
func copySite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"content", "templates", "static", "seeds"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join(repoRoot, dir))); err != nil {
			t.Fatal(err)
		}
	}
	if cfg, err := os.ReadFile(filepath.Join(repoRoot, "digest.yaml")); err == nil {
		if err := os.WriteFile(filepath.Join(root, "digest.yaml"), cfg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

var servingAt = regexp.MustCompile(`serving .* at (http://\S+)`)

// startServe runs "digest serve" on the site in root, on a free loopback
// port, until the test ends, and returns the site's URL.
func startServe(t *testing.T, bin, root string) string {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--source", root, "--bind", "127.0.0.1", "--port", "0", "--base-url", "http://127.0.0.1/")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingAt.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case url := <-found:
		return url
	case <-time.After(30 * time.Second):
		t.Fatal("digest serve did not say where it serves within 30s")
		return ""
	}
}

// quote is s as a JavaScript string literal (s holds no quote or
// backslash).
func quote(s string) string { return `"` + s + `"` }
