package render

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/config"
)

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD returns the decoded JSON-LD of a page, which must have exactly one.
func jsonLD(t *testing.T, file string, page []byte) map[string]any {
	t.Helper()
	m := ldScript.FindAllSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("%s: %d JSON-LD scripts, want 1", file, len(m))
	}
	var v map[string]any
	if err := json.Unmarshal(m[0][1], &v); err != nil {
		t.Fatalf("%s: JSON-LD: %v", file, err)
	}
	return v
}

// TestJSONLDEscaping checks that a headline holding "</script>" cannot end
// the script element, and still decodes to the headline.
func TestJSONLDEscaping(t *testing.T) {
	out := renderAll(t, realTemplates(t), testSite(t))
	page := out["news/evil/index.html"]
	ld := jsonLD(t, "evil", page)
	if got, want := ld["headline"], `<script>alert("x")</script> & "quoted" title`; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
	if !strings.Contains(string(page), `"headline":"\u003cscript\u003ealert(\"x\")\u003c/script\u003e \u0026 \"quoted\" title"`) {
		t.Errorf("headline is not escaped for a script element:\n%s", ldScript.Find(page))
	}
}

func TestArticleMetadata(t *testing.T) {
	r := realTemplates(t)
	r.Config = config.Default()
	r.Config.Author = "The newsroom"
	r.Config.Publisher.URL = "https://t4k3.news/"
	s := testSite(t)
	data, err := r.Article(s, s.Article("russia-seeks-veto"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	// Feeds are found from the front page and topic pages; an article
	// page names none, nor its tags but in its JSON-LD keywords.
	for _, unwanted := range []string{`rel="alternate"`, `article:tag`, `article:modified_time`} {
		if strings.Contains(page, unwanted) {
			t.Errorf("article page has %s", unwanted)
		}
	}
	for _, want := range []string{
		`<meta property="og:type" content="article">`,
		`<meta property="og:site_name" content="T4K3.news">`,
		`<meta property="og:title" content="Russia seeks veto in Ukraine security guarantees">`,
		`<meta property="og:description" content="Lavrov says Moscow must be involved.">`,
		`<meta property="og:url" content="https://example.github.io/digest/news/russia-seeks-veto/">`,
		`<meta property="article:published_time" content="2025-08-20T09:30:00Z">`,
		`<meta property="og:image" content="https://example.github.io/digest/news/russia-seeks-veto/card.png">`,
		`<meta property="og:image:width" content="1200">`,
		`<meta property="og:image:height" content="630">`,
		`<meta property="og:image:alt" content="Russia seeks veto in Ukraine security guarantees">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`<meta name="twitter:image" content="https://example.github.io/digest/news/russia-seeks-veto/card.png">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article page: no %s", want)
		}
	}
	ld := jsonLD(t, "article", data)
	got, _ := json.Marshal(ld)
	want := `{"@context":"https://schema.org","@type":"NewsArticle","alternativeHeadline":"Russia demands veto in Ukraine security guarantees","author":[{"@type":"Person","name":"Rodney Mbua","url":"https://example.github.io/digest/authors/rodney-mbua/"}],"dateModified":"2025-08-20T09:30:00Z","datePublished":"2025-08-20T09:30:00Z","headline":"Russia seeks veto in Ukraine security guarantees","image":["https://example.github.io/digest/news/russia-seeks-veto/card.png"],"publisher":{"@type":"Organization","logo":{"@type":"ImageObject","height":256,"url":"https://example.github.io/digest/logo.png","width":256},"name":"T4K3.news","url":"https://t4k3.news/"}}`
	if string(got) != want {
		t.Errorf("JSON-LD:\n got %s\nwant %s", got, want)
	}
}

func TestFrontMetadata(t *testing.T) {
	data, err := realTemplates(t).Front(testSite(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<meta property="og:type" content="website">`,
		`<meta property="og:image" content="https://example.github.io/digest/card.png">`,
		`<meta name="twitter:image" content="https://example.github.io/digest/card.png">`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("front page: no %s", want)
		}
	}
	graph := jsonLD(t, "front", data)["@graph"].([]any)
	site, list := graph[0].(map[string]any), graph[1].(map[string]any)
	if site["@type"] != "WebSite" || site["url"] != base || list["@type"] != "ItemList" || list["numberOfItems"] != 3.0 {
		t.Errorf("front page JSON-LD: %v", graph)
	}
	first := list["itemListElement"].([]any)[0].(map[string]any)
	if first["position"] != 1.0 || first["url"] != base+"news/russia-seeks-veto/" {
		t.Errorf("first item: %v", first)
	}
}

func TestTopicFeeds(t *testing.T) {
	s := testSite(t)
	data, err := realTemplates(t).Topic(s, s.Topics[len(s.Topics)-1])
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	topic := strings.Index(page, `<link rel="alternate" type="application/rss+xml" title="Ukraine · T4K3.news (RSS)" href="https://example.github.io/digest/topics/ukraine/feed.xml">`)
	all := strings.Index(page, `title="T4K3.news (RSS)"`)
	if topic < 0 || all < topic {
		t.Errorf("topic page: feed links at %d and %d, want the topic's, then the site's", topic, all)
	}
	if strings.Contains(page, "ld+json") {
		t.Error("topic page has JSON-LD")
	}
	if !strings.Contains(page, `<meta property="og:image" content="https://example.github.io/digest/card.png">`) {
		t.Error("topic page: og:image is not the site's card")
	}
}

// TestOldArticleImage checks that an article past the config's Cards
// newest shows the site's card and no links to quote cards.
func TestOldArticleImage(t *testing.T) {
	r := realTemplates(t)
	r.Config = config.Default()
	r.Config.Cards = 1
	s := testSite(t)
	data, err := r.Article(s, s.Article("ukraine-security-talks"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	if !strings.Contains(page, `<meta property="og:image" content="https://example.github.io/digest/card.png">`) || strings.Contains(page, "quote-1.png") {
		t.Errorf("second article with cards: 1 does not show the site card alone")
	}
	if ld := jsonLD(t, "old", data); ld["image"].([]any)[0] != "https://example.github.io/digest/card.png" {
		t.Errorf("JSON-LD image %v, want the site card", ld["image"])
	}
}

// TestDefaultAuthor checks that an article without a byline names the
// config's author, the publisher's newsroom, with the publisher's URL.
func TestDefaultAuthor(t *testing.T) {
	r := realTemplates(t)
	r.Config = config.Default()
	r.Config.Author = "The newsroom"
	r.Config.Publisher.URL = "https://t4k3.news/"
	s := testSite(t)
	for _, a := range s.Articles {
		if a.Meta.Author != "" {
			continue
		}
		data, err := r.Article(s, a)
		if err != nil {
			t.Fatal(err)
		}
		got := jsonLD(t, a.Meta.Slug, data)["author"].([]any)[0].(map[string]any)
		if got["@type"] != "Organization" || got["name"] != "The newsroom" || got["url"] != "https://t4k3.news/" {
			t.Errorf("%s: author %v", a.Meta.Slug, got)
		}
		return
	}
	t.Fatal("no article without a byline in the test site")
}
