package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Widths the layout is checked at: a small phone and a laptop.
var widths = []int64{375, 1280}

// sitePages lists the path of every HTML page of the built site.
func sitePages() []string {
	pages := []string{"/", "/404.html", "/archive/", "/topics/", "/search/"}
	for _, m := range model.Months {
		pages = append(pages, m.Home.URL)
	}
	for _, a := range model.Articles {
		pages = append(pages, a.URL)
	}
	for _, topic := range model.Topics {
		pages = append(pages, topic.URL)
	}
	return pages
}

func TestNoHorizontalScroll(t *testing.T) {
	tb := newTab(t)
	for _, w := range widths {
		tb.viewport(w, 800)
		for _, p := range sitePages() {
			tb.open(p)
			// The widest element, not only the document, so that an element
			// overflowing a box with overflow:hidden is caught too.
			over := eval[string](tb, `(() => {
				const vw = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth > vw) return "document is " + document.documentElement.scrollWidth + "px wide";
				for (const el of document.body.querySelectorAll("*")) {
					const r = el.getBoundingClientRect();
					if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5) && !el.closest(".visually-hidden, .skip-link"))
						return el.tagName.toLowerCase() + "." + el.className + " spans " + r.left + "px to " + r.right + "px";
				}
				return "";
			})()`)
			if over != "" {
				t.Errorf("%s at %dpx: %s", p, w, over)
			}
		}
	}
}

func TestEveryPageHasOneH1AndLandmarks(t *testing.T) {
	tb := newTab(t)
	for _, p := range sitePages() {
		tb.open(p)
		if n := eval[int](tb, `document.querySelectorAll("h1").length`); n != 1 {
			t.Errorf("%s has %d h1 elements, want 1", p, n)
		}
		for _, sel := range []string{"html[lang]", "header.masthead", "main#main", "footer", "a.skip-link[href='#main']"} {
			if !eval[bool](tb, `!!document.querySelector("`+sel+`")`) {
				t.Errorf("%s has no %s", p, sel)
			}
		}
	}
}

// The sidebar sits beside the story on a wide screen and below it on a
// phone.
func TestSidebarPlacement(t *testing.T) {
	a := articleTitled(t, "Russia seeks veto in Ukraine security guarantees")
	tb := newTab(t)
	const js = `(() => {
		const s = document.querySelector("article.story").getBoundingClientRect();
		const r = document.querySelector("aside.related").getBoundingClientRect();
		return r.left >= s.right ? "beside" : r.top >= s.bottom ? "below" : "overlapping";
	})()`
	for _, c := range []struct {
		width int64
		want  string
	}{{375, "below"}, {1280, "beside"}} {
		tb.viewport(c.width, 800)
		tb.open(a.URL)
		if got := eval[string](tb, js); got != c.want {
			t.Errorf("at %dpx the sidebar is %s the story, want %s", c.width, got, c.want)
		}
	}
}

// A keyboard user's first Tab reaches the skip link, shown on screen, and
// following it moves focus to the main content.
func TestSkipLink(t *testing.T) {
	tb := newTab(t)
	tb.open("/")
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](tb, `document.activeElement.className`); got != "skip-link" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	if !eval[bool](tb, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
		t.Error("the focused skip link is off screen")
	}
	if outline := eval[string](tb, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Error("the focused skip link has no visible outline")
	}
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](tb, `document.activeElement.id`); got != "main" {
		t.Errorf("after the skip link, focus is on #%s, want #main", got)
	}
}

// Printed, an article is the story alone: no navigation, no sidebar.
func TestPrintShowsOnlyTheStory(t *testing.T) {
	a := articleTitled(t, "Russia seeks veto in Ukraine security guarantees")
	tb := newTab(t)
	tb.open(a.URL)
	tb.media("print", "light")
	for _, sel := range []string{".topics-nav", "aside.related", ".skip-link", ".site-footer"} {
		if d := eval[string](tb, `getComputedStyle(document.querySelector("`+sel+`")).display`); d != "none" {
			t.Errorf("printed, %s has display %q, want none", sel, d)
		}
	}
	if d := eval[string](tb, `getComputedStyle(document.querySelector("article.story")).display`); d == "none" {
		t.Error("printed, the story is hidden")
	}
}

// Screenshots of the front page and an article at both widths, and two in
// dark mode. With -update they replace the ones in docs/screenshots/ that
// the README shows.
func TestScreenshots(t *testing.T) {
	article := articleTitled(t, "Russia seeks veto in Ukraine security guarantees").URL
	dir := t.TempDir()
	if *update {
		dir = filepath.Join(repoRoot, "docs", "screenshots")
	}
	tb := newTab(t)
	for _, s := range []struct {
		file, path, scheme string
		width              int64
	}{
		{"front-375.png", "/", "light", 375},
		{"front-1280.png", "/", "light", 1280},
		{"article-375.png", article, "light", 375},
		{"article-1280.png", article, "light", 1280},
		{"front-1280-dark.png", "/", "dark", 1280},
		{"article-375-dark.png", article, "dark", 375},
	} {
		tb.viewport(s.width, 900)
		tb.colorScheme(s.scheme)
		tb.open(s.path)
		png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot of %s: %v", s.path, err)
		}
		if !strings.HasPrefix(string(png), "\x89PNG") {
			t.Fatalf("screenshot of %s is not a PNG", s.path)
		}
		if err := os.WriteFile(filepath.Join(dir, s.file), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
