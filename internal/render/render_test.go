package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/golden"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

const base = "https://example.github.io/digest/"

// realTemplates parses the site's own templates/.
func realTemplates(t *testing.T) *Renderer {
	t.Helper()
	r, err := New(os.DirFS("../.."), "templates")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func testSite(t *testing.T) *site.Site {
	t.Helper()
	date := time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)
	docs := []*content.Document{
		{Path: "content/veto.md", Body: "Russia has said it will only back *guarantees*.\n\n<script>alert(1)</script>\n\n## Analysis\n\nThe move could centralize decisions.\n", Meta: content.Meta{
			Title: "Russia seeks veto in Ukraine security guarantees", Slug: "russia-seeks-veto", Date: date,
			Headline:    "Russia demands veto in Ukraine security guarantees",
			Description: "Lavrov says Moscow must be involved.", Summary: "Lavrov says any guarantee must include Moscow.",
			Author: "Rodney Mbua", Source: "T4K3.news", Seed: "003.txt",
			Categories: []string{"Defence"},
			Tags:       []string{"Russia", "Sergei Lavrov", "Ukraine"},
			Takeaways:  []content.Takeaway{{Quote: "This will not work", Context: "Lavrov dismissing Europe’s approach"}, {Quote: "No context here"}},
			Highlights: []string{"This will not work", "involving China is a WTF moment"},
			Risk:       &content.Risk{Title: "High stakes over security guarantees", Text: "The demand raises the risk of deadlock."},
			Closing:    "The next moves will reveal how far diplomacy can bend.",
			Related:    []string{"Russia demands veto on Ukraine security guarantees", "Ukraine security talks risk uncertain path", "Alaska summit updates"},
		}},
		{Path: "content/talks.md", Body: "NATO defence chiefs spoke.\n", Meta: content.Meta{
			Title: "Ukraine security talks risk uncertain path", Slug: "ukraine-security-talks", Date: date.Add(-time.Hour),
			Description: "NATO defence chiefs discuss guarantees.", Seed: "000.txt", Tags: []string{"Ukraine", "NATO"},
			Takeaways: []content.Takeaway{{Quote: "Peace needs teeth not talk"}},
		}},
		{Path: "content/evil.md", Body: "Body.\n", Meta: content.Meta{
			Title: `<script>alert("x")</script> & "quoted" title`, Slug: "evil", Date: date.Add(-2 * time.Hour),
			Description: `A dek with <b>tags</b> & "quotes"`, Seed: "009.txt", Categories: []string{"Defence"}, Tags: []string{`<i>Tag</i>`, "Ukraine"},
			Takeaways: []content.Takeaway{{Quote: `<img src=x onerror=alert(1)>`, Context: `"ctx" <em>`}},
			Related:   []string{`<a href="http://evil">x</a>`},
		}},
	}
	routes, err := route.New(base)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// renderAll renders every page of the site, as one rendering of a whole
// site, into a map from file to contents.
func renderAll(t *testing.T, r *Renderer, s *site.Site) map[string][]byte {
	t.Helper()
	r = r.ForSite()
	out := make(map[string][]byte)
	add := func(file string, data []byte, err error) {
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := out[file]; dup {
			t.Fatalf("%s rendered twice", file)
		}
		out[file] = bytes.Clone(data)
		r.Recycle(data)
	}
	data, err := r.Front(s)
	add("index.html", data, err)
	data, err = r.NotFound(s)
	add("404.html", data, err)
	data, err = r.Search(s)
	add(route.File(route.SearchPath), data, err)
	for _, tp := range s.Topics {
		data, err := r.Topic(s, tp)
		add(route.File(tp.Path), data, err)
	}
	for _, au := range s.Authors {
		data, err := r.Author(s, au)
		add(route.File(au.Path), data, err)
		for _, p := range au.Pages {
			data, err := r.AuthorPage(s, au, p)
			add(route.File(p.Path), data, err)
		}
	}
	for _, a := range s.Articles {
		data, err := r.Article(s, a)
		add(route.File(a.Path), data, err)
	}
	data, err = r.Topics(s)
	add(route.File(route.TopicsPath), data, err)
	data, err = r.Archive(s)
	add(route.File(route.ArchivePath), data, err)
	for _, tp := range s.Topics {
		for _, p := range tp.Pages {
			data, err := r.TopicPage(s, tp, p)
			add(route.File(p.Path), data, err)
		}
	}
	for _, m := range s.Months {
		for _, p := range append([]*site.ListPage{m.Home}, m.Pages...) {
			data, err := r.Month(s, m, p)
			add(route.File(p.Path), data, err)
		}
	}
	return out
}

func TestSiteFiles(t *testing.T) {
	out := renderAll(t, realTemplates(t), testSite(t))
	var files []string
	for f := range out {
		files = append(files, f)
	}
	slices.Sort(files)
	want := []string{
		"404.html", "authors/rodney-mbua/index.html", "index.html",
		"news/evil/index.html", "news/russia-seeks-veto/index.html", "news/ukraine-security-talks/index.html",
		"search/index.html", "topics/defence/index.html", "topics/i-tag-i/index.html", "topics/nato/index.html", "topics/russia/index.html",
		"topics/sergei-lavrov/index.html", "topics/ukraine/index.html",
	}
	want = append(want, "archive/2025/08/index.html", "archive/index.html", "topics/index.html")
	slices.Sort(want)
	if !slices.Equal(files, want) {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(files, "\n"), strings.Join(want, "\n"))
	}
}

// TestEveryPage checks what every page must have.
func TestEveryPage(t *testing.T) {
	href := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	for file, data := range renderAll(t, realTemplates(t), testSite(t)) {
		page := string(data)
		for _, want := range []string{
			"<!doctype html>\n<html lang=\"en\">", "<title>", `<meta name="description" content="`,
			`<link rel="stylesheet" href="/digest/style.css">`, `<a class="skip-link" href="#main">`,
			"<header", "<nav", `<main id="main"`, "<footer",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %q", file, want)
			}
		}
		canonical := base + strings.TrimSuffix(strings.TrimSuffix(file, "index.html"), "/")
		if file != "index.html" && file != "404.html" {
			canonical += "/"
		}
		if !strings.Contains(page, `<link rel="canonical" href="`+canonical+`">`) {
			t.Errorf("%s: canonical is not %s", file, canonical)
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", file, n)
		}
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			u := m[1]
			if !strings.HasPrefix(u, "/digest/") && !strings.HasPrefix(u, base) && u != "#main" {
				t.Errorf("%s: URL %q is outside the base URL", file, u)
			}
		}
	}
}

func TestArticlePage(t *testing.T) {
	s := testSite(t)
	data, err := realTemplates(t).Article(s, s.Article("russia-seeks-veto"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		`<h1 class="headline">Russia seeks veto in Ukraine security guarantees</h1>`,
		`<p class="dek">Lavrov says Moscow must be involved.</p>`,
		`<p class="lede">Lavrov says any guarantee must include Moscow.</p>`,
		"<p>Russia has said it will only back <em>guarantees</em>.</p>",
		"<figure class=\"takeaway\">\n<blockquote><p>This will not work</p></blockquote>\n<figcaption><span class=\"takeaway-by\">Lavrov dismissing Europe’s approach</span>" +
			`<a class="share-quote" href="/digest/news/russia-seeks-veto/quote-1.png" type="image/png">Share this quote<span class="visually-hidden">, an image of “This will not work”</span></a></figcaption>` + "\n</figure>",
		"<figure class=\"takeaway\">\n<blockquote><p>No context here</p></blockquote>\n<figcaption><a class=\"share-quote\" href=\"/digest/news/russia-seeks-veto/quote-2.png\"",
		"<ul class=\"highlights\">\n<li>This will not work</li>\n<li>involving China is a WTF moment</li>\n</ul>",
		"<h2>Analysis</h2>\n<p>The move could centralize decisions.</p>",
		`<aside class="risk" aria-label="Risk">`, "<h2>High stakes over security guarantees</h2>",
		`<p class="closing">The next moves will reveal how far diplomacy can bend.</p>`,
		`<span class="author">By <a href="/digest/authors/rodney-mbua/" rel="author">Rodney Mbua</a></span>`, `<span class="source">T4K3.news</span>`,
		`<time datetime="2025-08-20T09:30:00Z">20 August 2025, 09:30 UTC</time>`,
		`<li><a href="/digest/topics/sergei-lavrov/">Sergei Lavrov</a></li>`,
		`<aside class="related" aria-label="Related news">`,
		`<li><a href="/digest/news/ukraine-security-talks/">Ukraine security talks risk uncertain path</a></li>`,
		`<li><a class="search-link" href="/digest/search/?q=Alaska%20summit%20updates" title="Search the digest">Alaska summit updates</a></li>`,
		`<h2 id="more-title">More on this</h2>`,
		`<li><a href="/digest/news/evil/">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article page: no %q", want)
		}
	}
	for _, bad := range []string{"Russia demands veto on", "<script>", `href="/digest/news/russia-seeks-veto/"`} {
		if strings.Contains(page, bad) {
			t.Errorf("article page has %q", bad)
		}
	}
	// Order: body, takeaways, highlights, analysis, risk, closing, sidebar.
	last := 0
	for _, mark := range []string{`class="story-body"`, `class="takeaway"`, `class="highlights"`, "<h2>Analysis", `class="risk"`, `class="closing"`, `class="related"`} {
		i := strings.Index(page, mark)
		if i < last {
			t.Errorf("%s is out of order", mark)
		}
		last = i
	}
}

func TestFrontPage(t *testing.T) {
	s := testSite(t)
	data, err := realTemplates(t).Front(s)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	lead := strings.Index(page, `<h2 class="lead-title" id="lead-title"><a href="/digest/news/russia-seeks-veto/">`)
	card := strings.Index(page, `<h3 class="card-title"><a href="/digest/news/ukraine-security-talks/">Ukraine security talks risk uncertain path</a></h3>`)
	evil := strings.Index(page, `<h3 class="card-title"><a href="/digest/news/evil/">`)
	if lead < 0 || card < lead || evil < card {
		t.Errorf("front page: lead at %d, cards at %d, %d; want lead, then cards newest first", lead, card, evil)
	}
	for _, want := range []string{
		`<p class="dek">NATO defence chiefs discuss guarantees.</p>`,
		`<blockquote class="card-quote"><p>Peace needs teeth not talk</p></blockquote>`,
		"<title>T4K3.news</title>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("front page: no %q", want)
		}
	}
}

func TestEscaping(t *testing.T) {
	out := renderAll(t, realTemplates(t), testSite(t))
	for file, data := range out {
		page := string(data)
		for _, bad := range []string{"<script>", "<b>", "<i>", "<img", "<em>ctx", `<a href="http://evil"`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: unescaped %q", file, bad)
			}
		}
		// The only scripts are the JSON-LD data, each closed once, and
		// the search page's own script.
		scripts := strings.Count(page, `<script type="application/ld+json">`)
		if file == "search/index.html" {
			scripts += strings.Count(page, `<script src="/digest/search.js" defer></script>`)
		}
		if open, closed := strings.Count(page, "<script"), strings.Count(page, "</script"); open != closed || open != scripts {
			t.Errorf("%s: %d <script, %d </script", file, open, closed)
		}
	}
	evil := string(out["news/evil/index.html"])
	for _, want := range []string{
		`<title>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quoted&#34; title · T4K3.news</title>`,
		`<h1 class="headline">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quoted&#34; title</h1>`,
		`<meta name="description" content="A dek with &lt;b&gt;tags&lt;/b&gt; &amp; &#34;quotes&#34;">`,
		`<blockquote><p>&lt;img src=x onerror=alert(1)&gt;</p></blockquote>`,
		`<figcaption><span class="takeaway-by">&#34;ctx&#34; &lt;em&gt;</span>`,
		`<a class="search-link" href="/digest/search/?q=%3Ca%20href%3D%22http%3A%2F%2Fevil%22%3Ex%3C%2Fa%3E" title="Search the digest">&lt;a href=&#34;http://evil&#34;&gt;x&lt;/a&gt;</a>`,
		`<a href="/digest/topics/i-tag-i/">&lt;i&gt;Tag&lt;/i&gt;</a>`,
	} {
		if !strings.Contains(evil, want) {
			t.Errorf("evil page: no %q", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	r := realTemplates(t)
	first := renderAll(t, r, testSite(t))
	for range 3 {
		again := renderAll(t, realTemplates(t), testSite(t))
		for f, data := range first {
			if !bytes.Equal(data, again[f]) {
				t.Errorf("%s differs between runs", f)
			}
		}
	}
}

func TestGolden(t *testing.T) {
	out := renderAll(t, realTemplates(t), testSite(t))
	for file, name := range map[string]string{
		"index.html":                        "front.html",
		"news/russia-seeks-veto/index.html": "article.html",
		"topics/ukraine/index.html":         "topic.html",
		"404.html":                          "404.html",
		"search/index.html":                 "search.html",
	} {
		path := filepath.Join("testdata", name)
		golden.Check(t, path, out[file])
	}
}

// TestGoldenListings renders the listing pages of a site paged by two
// stories: Ukraine's three make its page (the newest two) and page 1 (the
// oldest two), and so do August 2025's.
func TestGoldenListings(t *testing.T) {
	s := testSite(t)
	s.SetPagerSize(2)
	out := renderAll(t, realTemplates(t), s)
	for file, name := range map[string]string{
		"topics/ukraine/index.html":         "listing-topic.html",
		"topics/ukraine/page/1/index.html":  "listing-topic-page.html",
		"archive/index.html":                "listing-archive.html",
		"archive/2025/08/index.html":        "listing-month.html",
		"archive/2025/08/page/1/index.html": "listing-month-page.html",
		"topics/index.html":                 "listing-topics.html",
	} {
		golden.Check(t, filepath.Join("testdata", name), out[file])
	}
	if _, ok := out["topics/ukraine/page/2/index.html"]; ok {
		t.Error("page 2 of Ukraine made before it is full")
	}
}

// TestGoldenAuthorPages renders an author's pages in a site paged by one
// story: Rodney Mbua's page shows his one story, and so does his page 1.
func TestGoldenAuthorPages(t *testing.T) {
	s := testSite(t)
	s.SetPagerSize(1)
	out := renderAll(t, realTemplates(t), s)
	for file, name := range map[string]string{
		"authors/rodney-mbua/index.html":        "listing-author.html",
		"authors/rodney-mbua/page/1/index.html": "listing-author-page.html",
	} {
		golden.Check(t, filepath.Join("testdata", name), out[file])
	}
}

func TestTemplateErrors(t *testing.T) {
	layout := `{{define "layout"}}<!doctype html>{{template "main" .}}{{end}}`
	ok := func(files map[string]string) fstest.MapFS {
		fsys := fstest.MapFS{"t/layout.html": {Data: []byte(layout)}}
		for _, p := range pageTemplates {
			fsys["t/"+p] = &fstest.MapFile{Data: []byte(`{{template "layout" .}}{{define "main"}}<h1>{{.Title}}</h1>{{end}}`)}
		}
		for name, text := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		return fsys
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // error from New, or from rendering the front page
	}{
		{"parse error in page", map[string]string{"t/article.html": "<p>\n{{.Title}\n"},
			`template: t/article.html:2: bad character U+007D '}'`},
		{"parse error in partial", map[string]string{"t/partials/card.html": "{{define \"card\"}}\n\n{{if}}{{end}}"},
			`template: t/partials/card.html:3: missing value for if`},
		{"missing page", map[string]string{"t/404.html": ""}, ""},
		{"execute error", map[string]string{"t/index.html": "{{template \"layout\" .}}{{define \"main\"}}\n<h1>{{.Nope}}</h1>{{end}}"},
			`rendering index.html: template: t/index.html:2:6: executing "main" at <.Nope>: can't evaluate field Nope in type *render.Page`},
		{"bad html context", map[string]string{"t/index.html": "{{template \"layout\" .}}{{define \"main\"}}<a href=\"{{.Title}}{{end}}"},
			`rendering index.html: html/template:t/index.html: ends in a non-text context: {stateURL delimDoubleQuote urlPartNone jsCtxRegexp [] attrURL elementNone <nil>}`},
	}
	s := testSite(t)
	for _, tt := range tests {
		fsys := ok(tt.files)
		if tt.name == "missing page" {
			delete(fsys, "t/404.html")
			tt.want = "templates: open t/404.html: file does not exist"
		}
		r, err := New(fsys, "t")
		if err == nil {
			_, err = r.Front(s)
		}
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s:\n got %v\nwant %s", tt.name, err, tt.want)
		}
	}
}
