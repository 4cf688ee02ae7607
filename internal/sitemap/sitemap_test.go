package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/golden"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

func testSite(t *testing.T) *site.Site {
	t.Helper()
	date := time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)
	docs := []*content.Document{
		{Path: "a.md", Meta: content.Meta{Title: "A & <b>", Slug: "a", Date: date, Lastmod: date.Add(time.Hour), Tags: []string{"Ukraine"}}},
		{Path: "b.md", Meta: content.Meta{Title: "B", Slug: "b", Date: date.Add(-time.Hour), Tags: []string{"Ukraine", "NATO"}}},
	}
	routes, err := route.New("https://example.github.io/digest/")
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Publish{Now: now}.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// now is the build's clock in the tests: an hour after a was published.
var now = time.Date(2025, 8, 20, 10, 30, 0, 0, time.UTC)

func writeAll(t *testing.T) map[string][]byte {
	t.Helper()
	return writeSite(t, testSite(t))
}

func writeSite(t *testing.T, s *site.Site) map[string][]byte {
	t.Helper()
	c := config.Default()
	c.Language = "en-GB"
	out := make(map[string][]byte)
	if err := Write(c, s, func(f string, data []byte) error { out[f] = data; return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSitemap(t *testing.T) {
	var set struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(writeAll(t)[File], &set); err != nil {
		t.Fatal(err)
	}
	// The stories, oldest first, then the pages of the newest stories.
	want := []string{
		"https://example.github.io/digest/news/b/ 2025-08-20T08:30:00Z",
		"https://example.github.io/digest/news/a/ 2025-08-20T10:30:00Z",
		"https://example.github.io/digest/ 2025-08-20T10:30:00Z",
		"https://example.github.io/digest/topics/ 2025-08-20T10:30:00Z",
		"https://example.github.io/digest/archive/ 2025-08-20T10:30:00Z",
		"https://example.github.io/digest/topics/nato/ 2025-08-20T08:30:00Z",
		"https://example.github.io/digest/topics/ukraine/ 2025-08-20T10:30:00Z",
		"https://example.github.io/digest/archive/2025/08/ 2025-08-20T10:30:00Z",
	}
	if len(set.URLs) != len(want) {
		t.Fatalf("%d URLs, want %d", len(set.URLs), len(want))
	}
	for i, u := range set.URLs {
		if got := u.Loc + " " + u.Lastmod; got != want[i] {
			t.Errorf("url %d: %s, want %s", i, got, want[i])
		}
	}
}

func TestNewsSitemap(t *testing.T) {
	var set struct {
		URLs []struct {
			Loc  string `xml:"loc"`
			News struct {
				Name     string `xml:"publication>name"`
				Language string `xml:"publication>language"`
				Date     string `xml:"publication_date"`
				Title    string `xml:"title"`
			} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(writeAll(t)[NewsFile], &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) != 2 {
		t.Fatalf("%d URLs", len(set.URLs))
	}
	n := set.URLs[0].News
	if set.URLs[0].Loc != "https://example.github.io/digest/news/a/" || n.Name != "T4K3.news" || n.Language != "en" || n.Date != "2025-08-20T09:30:00Z" || n.Title != "A & <b>" {
		t.Errorf("news entry: %+v", set.URLs[0])
	}
}

func TestGolden(t *testing.T) {
	out := writeAll(t)
	for _, file := range []string{File, NewsFile, RobotsTxt} {
		path := filepath.Join("testdata", file)
		golden.Check(t, path, out[file])
	}
}

// TestSitemapIndex checks that past maxURLs the pages are split into
// numbered sitemaps, in order, that sitemap.xml indexes.
func TestSitemapIndex(t *testing.T) {
	whole := writeAll(t)[File]
	defer func(n int) { maxURLs = n }(maxURLs)
	maxURLs = 2
	out := writeAll(t)
	var index struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(out[File], &index); err != nil {
		t.Fatalf("sitemap.xml is not a sitemap index: %v\n%s", err, out[File])
	}
	type urlsetDoc struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	var all urlsetDoc
	if err := xml.Unmarshal(whole, &all); err != nil {
		t.Fatal(err)
	}
	if len(all.URLs) < 5 || len(index.Sitemaps) < (len(all.URLs)+1)/2 {
		t.Errorf("%d sitemaps for %d pages at 2 a sitemap", len(index.Sitemaps), len(all.URLs))
	}
	var joined []string
	for i, sm := range index.Sitemaps {
		file := fmt.Sprintf("sitemap-%d.xml", i+1)
		if want := "https://example.github.io/digest/" + file; sm.Loc != want {
			t.Errorf("sitemap %d at %q, want %q", i+1, sm.Loc, want)
		}
		var part urlsetDoc
		if err := xml.Unmarshal(out[file], &part); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(part.URLs) == 0 || len(part.URLs) > maxURLs {
			t.Errorf("%s has %d URLs, want 1 to %d", file, len(part.URLs), maxURLs)
		}
		newest := ""
		for _, u := range part.URLs {
			joined = append(joined, u.Loc+" "+u.Lastmod)
			newest = max(newest, u.Lastmod)
		}
		if sm.Lastmod != newest {
			t.Errorf("%s: index lastmod %q, want its newest, %q", file, sm.Lastmod, newest)
		}
	}
	var want []string
	for _, u := range all.URLs {
		want = append(want, u.Loc+" "+u.Lastmod)
	}
	if !slices.Equal(joined, want) {
		t.Errorf("split sitemaps hold\n%v\nwant, in order,\n%v", joined, want)
	}
}

// TestNewsWindow checks that the news sitemap holds the stories of the two
// days before the build's clock, and none from after it.
func TestNewsWindow(t *testing.T) {
	routes, err := route.New("/")
	if err != nil {
		t.Fatal(err)
	}
	var docs []*content.Document
	for _, h := range []int{-1, 1, 47, 49, 100} { // hours before now
		slug := fmt.Sprintf("h%d", h)
		docs = append(docs, &content.Document{Path: slug + ".md", Meta: content.Meta{Title: slug, Slug: slug, Date: now.Add(-time.Duration(h) * time.Hour)}})
	}
	s, err := site.Publish{Now: now, Future: true}.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Locs []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal(writeSite(t, s)[NewsFile], &set); err != nil {
		t.Fatal(err)
	}
	if want := []string{"/news/h1/", "/news/h47/"}; !slices.Equal(set.Locs, want) {
		t.Errorf("news sitemap lists %v, want %v", set.Locs, want)
	}
}

// TestSitemapOneMore adds stories one at a time to a site whose sitemap is
// split: each new story changes the last sitemap (or starts one), and the
// index, but no earlier sitemap, so that a large site's sitemaps are not
// all rewritten for each story.
func TestSitemapOneMore(t *testing.T) {
	defer func(n int) { maxURLs = n }(maxURLs)
	maxURLs = 20
	routes, err := route.New("https://example.github.io/digest/")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 7, 20, 0, 0, 0, 0, time.UTC)
	var docs []*content.Document
	var before map[string][]byte
	for i := range 60 {
		tags := []string{"Ukraine"}
		if i%3 == 0 {
			tags = append(tags, "NATO")
		}
		slug := fmt.Sprintf("s%02d", i)
		docs = append(docs, &content.Document{Path: slug + ".md", Meta: content.Meta{Title: slug, Slug: slug, Date: start.Add(time.Duration(i) * 17 * time.Hour), Tags: tags}})
		s, err := site.Publish{Now: now}.New(docs, routes)
		if err != nil {
			t.Fatal(err)
		}
		s.SetPagerSize(3)
		out := writeSite(t, s)
		parts := len(Files(s)) - 3
		if len(out) != len(Files(s)) {
			t.Fatalf("story %d: Files lists %d files, Write made %d", i+1, len(Files(s)), len(out))
		}
		for p := 1; before != nil && p < parts; p++ {
			file := partFile(p - 1)
			if old, ok := before[file]; ok && !bytes.Equal(old, out[file]) && before[partFile(p)] != nil {
				t.Fatalf("story %d changed %s, not the last of %d sitemaps", i+1, file, parts)
			}
		}
		if i == 59 && parts < 5 {
			t.Errorf("%d stories in %d sitemaps of %d URLs: the test splits too little", i+1, parts, maxURLs)
		}
		before = out
	}
}

// TestMarshalPages checks that the sitemap written by hand is what
// encoding/xml makes of the same URLs, escapes included.
func TestMarshalPages(t *testing.T) {
	for _, urls := range [][]entry{
		nil,
		{{Loc: "https://example.com/"}},
		{{Loc: "https://example.com/a", Lastmod: "2024-01-02T03:04:05Z"}, {Loc: "https://example.com/b"}},
		{{Loc: "https://example.com/?a=1&b=<2>\"'", Lastmod: "x\ty\nz\r"}, {Loc: "https://example.com/é\x00\xff", Lastmod: "ü"}},
		{{Loc: "a&b", Lastmod: "a<b"}, {Loc: "a>b", Lastmod: "a\"b"}, {Loc: "a'b", Lastmod: "\x7f"}},
	} {
		want, err := marshal(urlset{NS: NS, URLs: urls})
		if err != nil {
			t.Fatal(err)
		}
		if got := marshalPages(urls); !bytes.Equal(got, want) {
			t.Errorf("marshalPages(%v) =\n%s\nwant\n%s", urls, got, want)
		}
	}
}

// BenchmarkWrite makes the sitemaps of a site of 10,000 stories in 200
// topics, as a build does; memo=true again with a memo of the last, as
// build --watch does after an edit that changed no page's entry.
//
//	go test ./internal/sitemap -run '^$' -bench Write
func BenchmarkWrite(b *testing.B) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*content.Document
	for i := range 10000 {
		date := start.Add(time.Duration(i) * 47 * time.Minute)
		docs = append(docs, &content.Document{Path: fmt.Sprintf("%d.md", i), Meta: content.Meta{
			Title: fmt.Sprintf("Story %d", i), Slug: fmt.Sprintf("story-%d", i), Date: date, Lastmod: date.Add(time.Duration(i%3) * time.Hour),
			Tags: []string{fmt.Sprintf("Topic %d", i%200), fmt.Sprintf("Topic %d", i*7%200)}}})
	}
	routes, err := route.New("https://example.github.io/digest/")
	if err != nil {
		b.Fatal(err)
	}
	s, err := site.Publish{Now: start.AddDate(2, 0, 0)}.New(docs, routes)
	if err != nil {
		b.Fatal(err)
	}
	c := config.Default()
	for _, memo := range []*Memo{nil, NewMemo()} {
		b.Run(fmt.Sprintf("memo=%v", memo != nil), func(b *testing.B) {
			for b.Loop() {
				if err := WriteMemo(c, s, memo, nil, func(string, []byte) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
