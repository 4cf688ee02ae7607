package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/t4k3news/digest/internal/build"
)

// bodyOnly is the story searchSite names Lavrov in, in its body alone.
const bodyOnly = "ukraine-security-guarantees-discussed-in-washington"

// searchSite builds the five-seed site under the sub-path /digest/, with
// one sentence added to the body of bodyOnly (which does not name Lavrov
// anywhere else), serves it on loopback and returns its URL.
func searchSite(t *testing.T) string {
	t.Helper()
	needBrowser(t)
	root := copySite(t)
	file := filepath.Join(root, "content", bodyOnly+".md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Lavrov") {
		t.Fatalf("%s names Lavrov already", file)
	}
	data = append(data, "\nSergei Lavrov did not comment on the talks.\n"...)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: os.DirFS(root), Destination: public, BaseURL: "/digest/"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/digest", http.FileServer(http.Dir(public))))
	t.Cleanup(srv.Close)
	return srv.URL + "/digest/"
}

// result is a search result as the page shows it.
type result struct {
	Path, Title, Marked string
}

// search types q into the search page's box as a reader would and returns
// the status line and the results once the status says how many.
func search(tb *tab, q string) (string, []result) {
	tb.t.Helper()
	eval[bool](tb, `document.getElementById("search-status").textContent = ""; document.getElementById("search-q").value = ""; document.getElementById("search-results").removeAttribute("data-query"); true`)
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys("#search-q", q)); err != nil {
		tb.t.Fatalf("typing %q: %v", q, err)
	}
	// The script marks the results with the query they are for, so that
	// results for the first letters typed are not taken for the last.
	status := eval[string](tb, `new Promise((ok, fail) => {
		const end = Date.now() + 5000;
		(function poll() {
			const s = document.getElementById("search-status").textContent;
			const shown = document.getElementById("search-results").getAttribute("data-query");
			if (s && shown === `+strconv.Quote(q)+`) ok(s); else if (Date.now() > end) fail("no status"); else setTimeout(poll, 20);
		})();
	})`)
	rs := eval[[]result](tb, `Array.from(document.querySelectorAll("#search-results li")).map(li => ({
		Path: new URL(li.querySelector("h2 a").href).pathname,
		Title: li.querySelector("h2").textContent,
		Marked: Array.from(li.querySelectorAll("mark")).map(m => m.textContent).join("|"),
	}))`)
	return status, rs
}

func TestSearchRanksFieldsAndFindsTakeaways(t *testing.T) {
	base := searchSite(t)
	tb := newTab(t)
	tb.openURL(base + "search/")

	status, rs := search(tb, "Lavrov")
	var paths []string
	for _, r := range rs {
		paths = append(paths, r.Path)
	}
	// Four stories name him in a headline, dek or takeaway; bodyOnly last.
	if status != "5 stories match" || len(rs) != 5 || paths[4] != "/digest/news/"+bodyOnly+"/" {
		t.Fatalf("Lavrov: %q, %q; want 5 results, %s last", status, paths, bodyOnly)
	}
	for _, r := range rs {
		if !strings.Contains(strings.ToLower(r.Marked), "lavrov") {
			t.Errorf("%s: no marked Lavrov (marked %q)", r.Path, r.Marked)
		}
	}
	if u := eval[string](tb, `location.search`); u != "?q=Lavrov" {
		t.Errorf("the page's URL says %q, want ?q=Lavrov", u)
	}

	// The last word is a prefix; case and diacritics do not matter.
	if _, rs := search(tb, "lavr"); len(rs) != 5 {
		t.Errorf("lavr: %d results, want 5", len(rs))
	}
	if _, rs := search(tb, "KYÏV"); len(rs) == 0 {
		t.Error("KYÏV finds nothing; the stories say Kyiv")
	}

	// A word of a takeaway finds its story.
	a := articleTitled(t, "NATO backs Ukraine with new security guarantees")
	word := "grandchildren"
	if !strings.Contains(a.Meta.Takeaways[1].Quote, word) {
		t.Fatalf("the takeaway %q has no %q", a.Meta.Takeaways[1].Quote, word)
	}
	_, rs = search(tb, word)
	if !slices.ContainsFunc(rs, func(r result) bool { return r.Path == "/digest/"+a.Path }) {
		t.Errorf("%s: %v, want %s among them", word, rs, a.Path)
	}

	// A quoted phrase needs its words in order.
	if _, rs := search(tb, `"security guarantees"`); len(rs) < 3 {
		t.Errorf(`"security guarantees": %d results`, len(rs))
	}
	if _, rs := search(tb, `"guarantees nato"`); len(rs) != 0 {
		t.Errorf(`"guarantees nato": %v, want none`, rs)
	}

	// Nonsense finds nothing, and says where to look instead.
	status, rs = search(tb, "qxzvvk")
	if !strings.HasPrefix(status, "No stories match") || len(rs) != 0 {
		t.Errorf("nonsense: %q, %d results", status, len(rs))
	}
	if href := eval[string](tb, `document.querySelector("#search-status a")?.getAttribute("href") ?? ""`); href != "/digest/archive/" {
		t.Errorf("no stories: link to %q, want the archive /digest/archive/", href)
	}
}

func TestSearchQueryIsText(t *testing.T) {
	base := searchSite(t)
	tb := newTab(t)
	tb.openURL(base + "search/")
	const q = `<img src=x onerror=alert(1)>`
	status, _ := search(tb, q)
	if !strings.HasPrefix(status, "No stories match") {
		t.Errorf("status %q", status)
	}
	if n := eval[int](tb, `document.querySelectorAll("main img, main [onerror]").length`); n != 0 {
		t.Errorf("the query made %d elements", n)
	}
	// Linked, the query comes back as typed.
	tb.openURL(base + "search/?q=" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "+", "=", "%3D").Replace(q))
	status = eval[string](tb, `new Promise(ok => (function poll() {
		const s = document.getElementById("search-status").textContent;
		s ? ok(s) : setTimeout(poll, 20);
	})())`)
	if v := eval[string](tb, `document.getElementById("search-q").value`); v != q || !strings.HasPrefix(status, "No stories match") {
		t.Errorf("from the URL: box holds %q, status %q", v, status)
	}
	if n := eval[int](tb, `document.querySelectorAll("main img").length`); n != 0 {
		t.Errorf("the query from the URL made %d images", n)
	}
}

func TestSearchKeyboard(t *testing.T) {
	base := searchSite(t)
	tb := newTab(t)
	tb.openURL(base + "search/")
	_, rs := search(tb, "Lavrov")
	focused := func() string {
		return eval[string](tb, `(a => a.id || new URL(a.href).pathname)(document.activeElement)`)
	}
	key := func(k string) {
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	key(kb.ArrowDown)
	key(kb.ArrowDown)
	if f := focused(); f != rs[1].Path {
		t.Errorf("two arrows down: focus on %q, want the second result %s", f, rs[1].Path)
	}
	key(kb.ArrowUp)
	key(kb.ArrowUp)
	if f := focused(); f != "search-q" {
		t.Errorf("back up: focus on %q, want the box", f)
	}
	key(kb.Escape)
	if v, n := eval[string](tb, `document.getElementById("search-q").value`), eval[int](tb, `document.querySelectorAll("#search-results li").length`); v != "" || n != 0 {
		t.Errorf("Escape: box %q, %d results", v, n)
	}
	search(tb, "Lavrov")
	key(kb.ArrowDown)
	wait := chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))
	if _, err := chromedp.Run(tb.ctx, wait); err != nil {
		t.Fatal(err)
	}
	if p := tb.path(); p != rs[0].Path {
		t.Errorf("Enter opened %s, want %s", p, rs[0].Path)
	}
}

// TestSearchFromFrontPage is the new reader's way: a name typed into the
// masthead's box on the front page, Enter, and the story one click on.
func TestSearchFromFrontPage(t *testing.T) {
	base := searchSite(t)
	tb := newTab(t)
	tb.openURL(base)
	start := time.Now()
	wait := chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.SendKeys("#masthead-q", "Rutte\n"))
	if _, err := chromedp.Run(tb.ctx, wait); err != nil {
		t.Fatal(err)
	}
	status := eval[string](tb, `new Promise(ok => (function poll() {
		const s = document.getElementById("search-status").textContent;
		s ? ok(s) : setTimeout(poll, 10);
	})())`)
	took := time.Since(start)
	if !strings.HasSuffix(status, "match") && !strings.HasSuffix(status, "matches") {
		t.Fatalf("Rutte: %q", status)
	}
	// The time is reported, not asserted: on a shared machine a wall-clock
	// bound fails for reasons of its own. What a query reads is bounded by
	// internal/search's tests and BenchmarkIndex.
	t.Logf("front page to results: %v", took)
	a := articleTitled(t, "NATO backs Ukraine with new security guarantees")
	if p := tb.click("#search-results li:first-child h2 a"); p != "/digest/"+a.Path {
		t.Errorf("first result opened %s, want %s", p, a.Path)
	}
}

func TestSearchPageAxe(t *testing.T) {
	script, err := os.ReadFile(axePath)
	if err != nil {
		missing(t, fmt.Errorf("axe-core not installed (run npm ci in e2e/): %w", err))
	}
	base := searchSite(t)
	tb := newTab(t)
	for _, scheme := range []string{"light", "dark"} {
		tb.colorScheme(scheme)
		tb.openURL(base + "search/")
		if _, rs := search(tb, "Lavrov"); len(rs) == 0 {
			t.Fatal("no results to check")
		}
		eval[bool](tb, string(script)+";true")
		res := eval[axeResult](tb, strings.Replace(axeRun, `v.impact === "serious" || v.impact === "critical"`, "true", 1))
		if res.Passes == 0 {
			t.Error("axe checked nothing")
		}
		for _, v := range res.Violations {
			data, _ := json.Marshal(v.Nodes)
			t.Errorf("search page (%s): %s %s: %s\n\t%s", scheme, v.Impact, v.ID, v.Help, data)
		}
	}
}
