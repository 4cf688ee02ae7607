package e2e

import (
	"fmt"
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/site"
)

// xpathString quotes s for an XPath expression (titles hold no double
// quotes; the test says so if one ever does).
func xpathString(t *testing.T, s string) string {
	t.Helper()
	for _, r := range s {
		if r == '"' {
			t.Fatalf("title %q has a double quote; quote it with concat()", s)
		}
	}
	return `"` + s + `"`
}

// linkTo is an XPath selector for the link with text title inside the
// element scope (an XPath step such as `main` or `aside[@aria-label="Related news"]`).
func linkTo(t *testing.T, scope, title string) string {
	return fmt.Sprintf(`//%s//a[normalize-space()=%s]`, scope, xpathString(t, title))
}

func TestFrontPageListsEveryArticle(t *testing.T) {
	tb := newTab(t)
	tb.open("/")
	links := eval[[]string](tb, `[...document.querySelectorAll("main a")].map(a => new URL(a.href).pathname)`)
	for _, a := range model.Articles {
		if !slices.Contains(links, a.URL) {
			t.Errorf("front page has no link to %s (%q); links: %q", a.URL, a.Meta.Title, links)
		}
	}
	if lead := text(tb, ".lead h2"); lead != model.Articles[0].Meta.Title {
		t.Errorf("lead story is %q, want the newest, %q", lead, model.Articles[0].Meta.Title)
	}
}

func TestCardOpensArticle(t *testing.T) {
	tb := newTab(t)
	for _, a := range model.Articles {
		tb.open("/")
		if got := tb.click(linkTo(t, "main", a.Meta.Title)); got != a.URL {
			t.Errorf("card %q opened %s, want %s", a.Meta.Title, got, a.URL)
			continue
		}
		if h1 := text(tb, "h1"); h1 != a.Meta.Title {
			t.Errorf("%s: h1 is %q, want %q", a.URL, h1, a.Meta.Title)
		}
	}
}

// The seed of "Russia seeks veto in Ukraine security guarantees" names
// related stories; those the digest has are links in its sidebar.
func TestSidebarLinkOpensArticle(t *testing.T) {
	from := articleTitled(t, "Russia seeks veto in Ukraine security guarantees")
	tb := newTab(t)
	linked := 0
	for _, r := range from.Related {
		if r.Article == nil {
			continue
		}
		linked++
		tb.open(from.URL)
		got := tb.click(linkTo(t, `aside[@aria-label="Related news"]`, r.Title))
		if got != r.Article.URL {
			t.Errorf("sidebar link %q opened %s, want %s", r.Title, got, r.Article.URL)
		}
		if h1 := text(tb, "h1"); h1 != r.Article.Meta.Title {
			t.Errorf("%s: h1 is %q, want %q", got, h1, r.Article.Meta.Title)
		}
	}
	if linked == 0 {
		t.Fatalf("%q links no related article; the test has nothing to follow", from.Meta.Title)
	}
}

func TestTopicLinksOpenTopicPages(t *testing.T) {
	tb := newTab(t)
	for _, topic := range model.Featured {
		tb.open("/")
		checkTopic(t, tb, linkTo(t, `nav[@aria-label="Topics"]`, topic.Name), topic)
	}
	a := model.Articles[0]
	for _, topic := range a.Topics {
		tb.open(a.URL)
		checkTopic(t, tb, linkTo(t, `nav[@aria-label="Topics of this story"]`, topic.Name), topic)
		if !slices.Contains(eval[[]string](tb, `[...document.querySelectorAll("main a")].map(a => new URL(a.href).pathname)`), a.URL) {
			t.Errorf("topic page %s does not list %s, which has the topic", topic.URL, a.URL)
		}
	}
}

// checkTopic follows the link sel and checks that it leads to topic's page.
func checkTopic(t *testing.T, tb *tab, sel string, topic *site.Topic) {
	t.Helper()
	if got := tb.click(sel); got != topic.URL {
		t.Errorf("topic link %q opened %s, want %s", topic.Name, got, topic.URL)
		return
	}
	if h1 := text(tb, "h1"); h1 != topic.Name {
		t.Errorf("%s: h1 is %q, want %q", topic.URL, h1, topic.Name)
	}
}

func articleTitled(t *testing.T, title string) *site.Article {
	t.Helper()
	for _, a := range model.Articles {
		if a.Meta.Title == title {
			return a
		}
	}
	t.Fatalf("no article titled %q in content/", title)
	return nil
}
