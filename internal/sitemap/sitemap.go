// Package sitemap makes what tells search engines about the site's pages:
// sitemap.xml (every page and when it last changed; past 50,000 pages, an
// index of sitemap-1.xml, sitemap-2.xml, ...), news-sitemap.xml (the
// articles of the last two days, for Google News) and robots.txt, which
// points to both. XML is
// made with encoding/xml.
package sitemap

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/jsonld"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// Files written in the site's root.
const (
	File      = "sitemap.xml"
	NewsFile  = "news-sitemap.xml"
	RobotsTxt = "robots.txt"
)

// Namespaces of the sitemap protocol and of its Google News extension.
const (
	NS     = "http://www.sitemaps.org/schemas/sitemap/0.9"
	NewsNS = "http://www.google.com/schemas/sitemap-news/0.9"
)

// MaxNews is the most articles Google reads from a news sitemap, and
// NewsAge the oldest it wants there: "articles published in the last two
// days".
const (
	MaxNews = 1000
	NewsAge = 48 * time.Hour
)

// maxURLs is the most URLs the protocol allows in one sitemap file. A site
// with more has sitemap.xml list sitemap-1.xml, sitemap-2.xml, ... (a
// sitemap index), each with at most that many.
var maxURLs = 50000

// Write makes the sitemaps and robots.txt of s and passes each to emit.
// The news sitemap lists the articles published in the NewsAge before the
// clock the site was made at (s.Now).
func Write(c *config.Config, s *site.Site, emit func(file string, data []byte) error) error {
	now := s.Now()
	if err := writePages(s, emit); err != nil {
		return err
	}
	for _, f := range []struct {
		file string
		make func(*config.Config, *site.Site, time.Time) ([]byte, error)
	}{{NewsFile, news}, {RobotsTxt, robots}} {
		data, err := f.make(c, s, now)
		if err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
		if err := emit(f.file, data); err != nil {
			return err
		}
	}
	return nil
}

// Files lists the files of s that Write makes, in the order it makes them.
func Files(s *site.Site) []string {
	var files []string
	if n := 1 + len(s.Articles) + len(s.Topics); n > maxURLs {
		for i := range (n + maxURLs - 1) / maxURLs {
			files = append(files, fmt.Sprintf("sitemap-%d.xml", i+1))
		}
	}
	return append(files, File, NewsFile, RobotsTxt)
}

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	NewsNS  string   `xml:"xmlns:news,attr,omitempty"`
	URLs    []entry  `xml:"url"`
}

type entry struct {
	Loc     string    `xml:"loc"`
	Lastmod string    `xml:"lastmod,omitempty"`
	News    *newsNews `xml:"news:news,omitempty"`
}

type newsNews struct {
	Publication     publication `xml:"news:publication"`
	PublicationDate string      `xml:"news:publication_date"`
	Title           string      `xml:"news:title"`
}

type publication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// date is the W3C datetime form that sitemaps use.
func date(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// writePages lists the front page, every article and every topic, each
// with the last change of what it shows: in sitemap.xml, or, past maxURLs,
// in numbered sitemaps that sitemap.xml indexes.
func writePages(s *site.Site, emit func(file string, data []byte) error) error {
	urls := []entry{{Loc: s.Routes.Abs(""), Lastmod: newest(s.Articles)}}
	for _, a := range s.Articles {
		urls = append(urls, entry{Loc: a.Permalink, Lastmod: date(jsonld.Modified(a))})
	}
	for _, t := range s.Topics {
		urls = append(urls, entry{Loc: t.Permalink, Lastmod: newest(t.Articles)})
	}
	urls = append(urls, listings(s)...)
	if len(urls) <= maxURLs {
		return emitSet(File, urlset{NS: NS, URLs: urls}, emit)
	}
	index := sitemapindex{NS: NS}
	for i := 0; len(urls) > 0; i++ {
		part := urls[:min(len(urls), maxURLs)]
		urls = urls[len(part):]
		file := fmt.Sprintf("sitemap-%d.xml", i+1)
		if err := emitSet(file, urlset{NS: NS, URLs: part}, emit); err != nil {
			return err
		}
		index.Sitemaps = append(index.Sitemaps, entry{Loc: s.Routes.Abs(file), Lastmod: latest(part)})
	}
	data, err := xml.MarshalIndent(index, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", File, err)
	}
	return emit(File, append([]byte(xml.Header), append(data, '\n')...))
}

// listings lists the listing pages but topics' own: their numbered pages,
// the index of topics, the archive and its months' pages.
func listings(s *site.Site) []entry {
	var urls []entry
	page := func(p *site.ListPage) { urls = append(urls, entry{Loc: p.Permalink, Lastmod: newest(p.Articles)}) }
	for _, t := range s.Topics {
		for _, p := range t.Pages {
			page(p)
		}
	}
	last := newest(s.Articles)
	urls = append(urls, entry{Loc: s.Routes.Abs(route.TopicsPath), Lastmod: last}, entry{Loc: s.Routes.Abs(route.ArchivePath), Lastmod: last})
	for _, m := range s.Months {
		page(m.Home)
		for _, p := range m.Pages {
			page(p)
		}
	}
	return urls
}

type sitemapindex struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	NS       string   `xml:"xmlns,attr"`
	Sitemaps []entry  `xml:"sitemap"`
}

func emitSet(file string, set urlset, emit func(string, []byte) error) error {
	data, err := marshal(set)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return emit(file, data)
}

// latest is the latest lastmod of urls, all in one format, or "".
func latest(urls []entry) string {
	last := ""
	for _, u := range urls {
		last = max(last, u.Lastmod)
	}
	return last
}

// newest is the last change among articles, or "" for none.
func newest(articles []*site.Article) string {
	var last time.Time
	for _, a := range articles {
		if m := jsonld.Modified(a); m.After(last) {
			last = m
		}
	}
	if last.IsZero() {
		return ""
	}
	return date(last)
}

// News returns the articles of s that the news sitemap lists at the
// clock now: the newest, at most MaxNews, none published more than NewsAge
// before now nor after it.
func News(s *site.Site, now time.Time) []*site.Article {
	var list []*site.Article
	for _, a := range s.Articles {
		if len(list) == MaxNews || a.Meta.Date.Before(now.Add(-NewsAge)) {
			break // newest first: the rest are older
		}
		if !a.Meta.Date.After(now) {
			list = append(list, a)
		}
	}
	return list
}

// NewsChange returns a time after now before which the news sitemap of s
// lists the same articles as at now (the first time one of its stories
// comes of age or grows too old for it), or the zero time if none.
func NewsChange(s *site.Site, now time.Time) time.Time {
	var first time.Time
	for _, a := range s.Articles {
		t := a.Meta.Date
		if !t.After(now) {
			t = t.Add(NewsAge + time.Nanosecond) // the first instant it is too old
		}
		if t.After(now) && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	return first
}

// news lists the newest articles with their Google News data: at most
// MaxNews, none published more than NewsAge before now nor after it.
func news(c *config.Config, s *site.Site, now time.Time) ([]byte, error) {
	set := urlset{NS: NS, NewsNS: NewsNS}
	for _, a := range News(s, now) {
		set.URLs = append(set.URLs, entry{Loc: a.Permalink, News: &newsNews{
			Publication:     publication{Name: publisherName(c), Language: c.LanguageCode()},
			PublicationDate: date(a.Meta.Date),
			Title:           a.Meta.Title,
		}})
	}
	return marshal(set)
}

func publisherName(c *config.Config) string {
	if c.Publisher.Name != "" {
		return c.Publisher.Name
	}
	return c.Title
}

func marshal(set urlset) ([]byte, error) {
	data, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(data, '\n')...), nil
}

// robots allows every crawler everywhere and names both sitemaps. Crawlers
// read robots.txt only at a host's root, so under a sub-path it is a
// template for the owner of the root, and the sitemaps are best submitted
// to search engines directly.
func robots(c *config.Config, s *site.Site, _ time.Time) ([]byte, error) {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n\n")
	fmt.Fprintf(&b, "Sitemap: %s\n", s.Routes.Abs(File))
	fmt.Fprintf(&b, "Sitemap: %s\n", s.Routes.Abs(NewsFile))
	return []byte(b.String()), nil
}
