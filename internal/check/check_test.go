package check

import (
	"strings"
	"testing"
	"testing/fstest"
)

const base = "https://example.github.io/digest/"

// page is a good page at base+path with extra markup in its body.
func page(path, body string) string {
	return `<!doctype html>
<html lang="en">
<head>
<title>T · Site</title>
<meta name="description" content="D">
<link rel="canonical" href="` + base + path + `">
<link rel="stylesheet" href="/digest/style.css">
<script type="application/ld+json">{"@context":"https://schema.org","headline":"a \u003c/script\u003e"}</script>
</head>
<body id="top">
<a href="#top">top</a>
` + body + `
</body>
</html>
`
}

const rssOK = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>T</title><link>https://example.github.io/digest/</link><description>D</description>
<item><title>A</title><link>https://example.github.io/digest/news/a/</link><pubDate>Thu, 21 Aug 2025 00:00:00 +0000</pubDate></item>
</channel></rss>
`

const atomOK = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>T</title><updated>2025-08-21T00:00:00Z</updated><author><name>N</name></author>
<entry><id>tag:x,2025:a</id><title>A</title><updated>2025-08-21T00:00:00Z</updated><link rel="alternate" href="https://example.github.io/digest/news/a/"/></entry>
</feed>
`

const jsonOK = `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://example.github.io/digest/",
"items":[{"id":"a","url":"https://example.github.io/digest/news/a/","content_html":"<p>x</p>","date_published":"2025-08-21T00:00:00Z"}]}`

const sitemapOK = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://example.github.io/digest/news/a/</loc><lastmod>2025-08-21T00:00:00Z</lastmod>
<news:news><news:publication><news:name>T</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-08-21T00:00:00Z</news:publication_date><news:title>A</news:title></news:news></url>
</urlset>
`

// goodSite is a small site with no problems.
func goodSite() fstest.MapFS {
	return fstest.MapFS{
		"index.html":        {Data: []byte(page("", `<a href="/digest/news/a/">A</a> <a href="news/a">A</a> <a href="https://example.github.io/digest/feed.xml">feed</a> <a href="https://other.example/x">x</a> <a href="mailto:x@example.com">m</a>`))},
		"news/a/index.html": {Data: []byte(page("news/a/", `<a href="../../">home</a> <img src="/digest/img/a.png" alt=""> <a href="/digest/news/a/#top">here</a>`))},
		"style.css":         {Data: []byte("body{}")},
		"img/a.png":         {Data: []byte("png")},
		"feed.xml":          {Data: []byte(rssOK)},
		"atom.xml":          {Data: []byte(atomOK)},
		"feed.json":         {Data: []byte(jsonOK)},
		"sitemap.xml":       {Data: []byte(sitemapOK)},
	}
}

func TestGoodSite(t *testing.T) {
	for _, b := range []string{"", base, "https://example.github.io/digest"} {
		problems, err := FS(goodSite(), Options{BaseURL: b})
		if err != nil || len(problems) > 0 {
			t.Errorf("base %q: %v\n%s", b, err, problems.Full())
		}
	}
}

func TestBrokenSites(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // replaced files; "" removes one
		base  string
		want  string
	}{
		{"dead link", map[string]string{"news/a/index.html": page("news/a/", `<a href="/digest/news/b/">B</a>`)}, "",
			"news/a/index.html:12: link /digest/news/b/ does not resolve: no news/b/index.html in the site\n"},
		{"missing asset", map[string]string{"style.css": ""}, "",
			"index.html:7: link /digest/style.css does not resolve: no style.css in the site\n" +
				"news/a/index.html:7: link /digest/style.css does not resolve: no style.css in the site\n"},
		{"root link on a sub-path site", map[string]string{"news/a/index.html": page("news/a/", `<a href="/news/a/">A</a>`)}, "",
			"news/a/index.html:12: link /news/a/ is outside the base URL https://example.github.io/digest/\n"},
		{"relative link", map[string]string{"news/a/index.html": page("news/a/", `<a href="../b/">B</a>`)}, "",
			"news/a/index.html:12: link ../b/ does not resolve: no news/b/index.html in the site\n"},
		{"absolute link", map[string]string{"index.html": page("", `<a href="https://example.github.io/digest/gone.html">x</a>`)}, "",
			"index.html:12: link https://example.github.io/digest/gone.html does not resolve: no gone.html in the site\n"},
		{"missing fragment", map[string]string{"index.html": page("", `<a href="#nope">x</a>`)}, "",
			"index.html:12: link #nope: no element with id \"nope\"\n"},
		{"no head", map[string]string{"news/a/index.html": "<!doctype html><title> </title><p>x</p>"}, "",
			"news/a/index.html: no <title>\nnews/a/index.html: no canonical link\nnews/a/index.html: no meta description\n"},
		{"relative canonical", map[string]string{"news/a/index.html": strings.Replace(page("news/a/", ""), base, "/digest/", 1)}, "",
			"news/a/index.html: canonical link \"/digest/news/a/\" is not an absolute URL\n"},
		{"duplicate id", map[string]string{"index.html": page("", "<h2 id=top>x</h2>\n<p id='top'>y</p>")}, "",
			"index.html:12: duplicate id \"top\" (first on line 10)\nindex.html:13: duplicate id \"top\" (first on line 10)\n"},
		{"bad JSON-LD", map[string]string{"index.html": strings.Replace(page("", ""), `"headline"`, `headline`, 1)}, "",
			"index.html:8: JSON-LD does not parse: invalid character 'h' looking for beginning of object key string\n"},
		{"XML", map[string]string{"sitemap.xml": "<urlset><url></urlset>"}, "",
			"sitemap.xml: XML does not parse: XML syntax error on line 1: element <url> closed by </urlset>\n"},
		{"RSS", map[string]string{"feed.xml": `<rss version="0.91"><channel><title>T</title><description></description><item><pubDate>2025-08-21</pubDate></item></channel></rss>`}, "",
			"feed.xml:1: <pubDate> \"2025-08-21\" is not an RFC 822 date\n" +
				"feed.xml:1: RSS channel has no <description>\n" +
				"feed.xml:1: RSS channel has no <link>\n" +
				"feed.xml:1: RSS item has neither <title> nor <description>\n" +
				"feed.xml:1: RSS version is \"0.91\", want \"2.0\"\n"},
		{"RSS channel", map[string]string{"feed.xml": `<rss version="2.0"></rss>`}, "", "feed.xml:1: RSS feed has no <channel>\n"},
		{"Atom", map[string]string{"atom.xml": "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>T</title><updated>yesterday</updated>\n<entry><id>a</id></entry></feed>"}, "",
			"atom.xml:1: Atom feed has no <id>\n" +
				"atom.xml:2: <updated> \"yesterday\" is not an RFC 3339 date\n" +
				"atom.xml:3: Atom entry has neither <content> nor <link rel=\"alternate\">\n" +
				"atom.xml:3: Atom entry has no <author>, and neither has the feed\n" +
				"atom.xml:3: Atom entry has no <title>\n" +
				"atom.xml:3: Atom entry has no <updated>\n"},
		{"Atom dead link", map[string]string{"atom.xml": strings.Replace(atomOK, "news/a/", "news/z/", 1)}, "",
			"atom.xml:3: link https://example.github.io/digest/news/z/ does not resolve: no news/z/index.html in the site\n"},
		{"JSON Feed", map[string]string{"feed.json": `{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"https://example.github.io/digest/news/q/","date_published":"21 Aug 2025"}]}`}, "",
			"feed.json: JSON Feed has no title\n" +
				"feed.json: JSON Feed item 1 has neither content_html nor content_text\n" +
				"feed.json: JSON Feed item 1 has no id\n" +
				"feed.json: JSON Feed item 1: date \"21 Aug 2025\" is not RFC 3339\n" +
				"feed.json: link https://example.github.io/digest/news/q/ does not resolve: no news/q/index.html in the site\n"},
		{"JSON", map[string]string{"feed.json": `{"version":`}, "", "feed.json: JSON does not parse: unexpected end of JSON input\n"},
		{"sitemap index", map[string]string{"sitemap.xml": "<sitemapindex>\n<sitemap><loc>https://example.github.io/digest/sitemap-1.xml</loc><lastmod>2025-08-20T10:30:00Z</lastmod></sitemap>\n<sitemap><lastmod>soon</lastmod></sitemap></sitemapindex>"}, "",
			"sitemap.xml:2: link https://example.github.io/digest/sitemap-1.xml does not resolve: no sitemap-1.xml in the site\n" +
				"sitemap.xml:3: <lastmod> \"soon\" is not a W3C datetime\n" +
				"sitemap.xml:3: sitemap index <sitemap> has no <loc>\n"},
		{"sitemap", map[string]string{"sitemap.xml": "<urlset>\n<url><lastmod>now</lastmod></url>\n<url><loc>/digest/news/a/</loc><news:news xmlns:news=\"n\"><news:title>A</news:title><news:publication><news:name>T</news:name></news:publication></news:news></url></urlset>"}, "",
			"sitemap.xml:2: <lastmod> \"now\" is not a W3C datetime\n" +
				"sitemap.xml:2: sitemap <url> has no <loc>\n" +
				"sitemap.xml:3: <loc> \"/digest/news/a/\" is not an absolute URL\n" +
				"sitemap.xml:3: news:news has no <publication_date>\n" +
				"sitemap.xml:3: news:publication has no <language>\n"},
		{"no front page, base URL from the flag", map[string]string{"index.html": ""}, base,
			"feed.json: link https://example.github.io/digest/ does not resolve: no index.html in the site\n" +
				"feed.xml:2: link https://example.github.io/digest/ does not resolve: no index.html in the site\n" +
				"index.html: missing: the site has no front page\n" +
				"news/a/index.html:12: link ../../ does not resolve: no index.html in the site\n"},
		{"base URL from the flag", nil, "https://example.github.io/",
			"atom.xml:3: link https://example.github.io/digest/news/a/ does not resolve: no digest/news/a/index.html in the site\n" +
				"feed.json: link https://example.github.io/digest/ does not resolve: no digest/index.html in the site\n" +
				"feed.json: link https://example.github.io/digest/news/a/ does not resolve: no digest/news/a/index.html in the site\n" +
				"feed.xml:2: link https://example.github.io/digest/ does not resolve: no digest/index.html in the site\n" +
				"feed.xml:3: link https://example.github.io/digest/news/a/ does not resolve: no digest/news/a/index.html in the site\n" +
				"index.html:6: link https://example.github.io/digest/ does not resolve: no digest/index.html in the site\n" +
				"index.html:7: link /digest/style.css does not resolve: no digest/style.css in the site\n" +
				"index.html:12: link /digest/news/a/ does not resolve: no digest/news/a/index.html in the site\n" +
				"index.html:12: link https://example.github.io/digest/feed.xml does not resolve: no digest/feed.xml in the site\n" +
				"news/a/index.html:6: link https://example.github.io/digest/news/a/ does not resolve: no digest/news/a/index.html in the site\n" +
				"news/a/index.html:7: link /digest/style.css does not resolve: no digest/style.css in the site\n" +
				"news/a/index.html:12: link /digest/img/a.png does not resolve: no digest/img/a.png in the site\n" +
				"news/a/index.html:12: link /digest/news/a/#top does not resolve: no digest/news/a/index.html in the site\n" +
				"sitemap.xml:3: link https://example.github.io/digest/news/a/ does not resolve: no digest/news/a/index.html in the site\n"},
	}
	for _, tt := range tests {
		fsys := goodSite()
		for name, data := range tt.files {
			if data == "" {
				delete(fsys, name)
				continue
			}
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		problems, err := FS(fsys, Options{BaseURL: tt.base})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := problems.Full(); got != tt.want {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}

func TestBadBase(t *testing.T) {
	_, err := FS(goodSite(), Options{BaseURL: "ftp://x/"})
	if err == nil || err.Error() != `check: base URL "ftp://x/": want http(s)://host/path/ or /path/` {
		t.Errorf("bad base URL: %v", err)
	}
}

// A site built for a base URL without a host has relative URLs where
// search engines and feed readers need absolute ones: each is a problem,
// unless the site is checked as one for this machine.
func TestRelativeBase(t *testing.T) {
	fsys := goodSite()
	for name, f := range fsys {
		fsys[name] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(string(f.Data), "https://example.github.io/digest/", "/digest/"))}
	}
	fsys["news/a/index.html"].Data = []byte(strings.Replace(string(fsys["news/a/index.html"].Data), "</head>", `<meta property="og:url" content="/digest/news/a/">`+"\n</head>", 1))
	problems, err := FS(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	hint := " (build with --base-url https://host/path/, or check with --local a site built for this machine)"
	want := []string{
		`atom.xml:3: <link> href "/digest/news/a/" is not an absolute URL` + hint,
		`feed.json: JSON Feed URL "/digest/" is not an absolute URL` + hint,
		`feed.json: JSON Feed item 1 url "/digest/news/a/" is not an absolute URL` + hint,
		`feed.xml:2: <link> "/digest/" is not an absolute URL` + hint,
		`feed.xml:3: <link> "/digest/news/a/" is not an absolute URL` + hint,
		`index.html: canonical link "/digest/" is not an absolute URL` + hint,
		`news/a/index.html: canonical link "/digest/news/a/" is not an absolute URL` + hint,
		`news/a/index.html:9: og:url "/digest/news/a/" is not an absolute URL` + hint,
		`sitemap.xml:3: <loc> "/digest/news/a/" is not an absolute URL` + hint,
	}
	if got := problems.Full(); got != strings.Join(want, "\n")+"\n" {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if problems, err := FS(fsys, Options{Local: true}); err != nil || len(problems) > 0 {
		t.Errorf("local: %v\n%s", err, problems.Full())
	}
}
