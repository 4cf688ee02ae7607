// Package sitemap makes what tells search engines about the site's pages:
// sitemap.xml (every page and when it last changed; past 50,000 pages, an
// index of sitemap-1.xml, sitemap-2.xml, ..., oldest pages first), news-sitemap.xml (the
// articles of the last two days, for Google News) and robots.txt, which
// points to both. XML is
// made with encoding/xml.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
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
	return WriteMemo(c, s, nil, nil, emit)
}

// WriteMemo is [Write], with the pages laid out by [Lay] with m and ch.
func WriteMemo(c *config.Config, s *site.Site, m *Memo, ch *site.Change, emit func(file string, data []byte) error) error {
	l := Lay(s, m, ch)
	for i := range l.Parts() {
		p := l.Part(i)
		if err := emit(p.File, p.Data); err != nil {
			return err
		}
	}
	return l.Write(c, emit)
}

// Layout is the page sitemaps of a site, made by [Lay].
type Layout struct {
	s     *site.Site
	parts []part
	split bool // whether sitemap.xml indexes parts, else is parts[0]
}

// Part is a page sitemap that sitemap.xml indexes: its file, its bytes,
// and, when laid out with a memo, a key that stands for the bytes (two
// parts with the same key have the same bytes), made when they are.
type Part struct {
	File string
	Data []byte
	Key  string
}

// Lay lists the front page, every article and every listing page, each
// with the last change of what it shows, in sitemap.xml, or, past
// maxURLs, in numbered sitemaps that sitemap.xml indexes.
//
// The pages come in the order they appeared, oldest first, and the pages
// whose stories change as new ones arrive (the front page, a topic's or a
// month's own page, the indexes) come last, together: a new story then
// changes only the last sitemap and the index, however large the site.
// The stable pages fill sitemaps of half of maxURLs, in order, so that the
// last has room for the live pages too (see Memo.layout); only live pages
// past half of maxURLs (a site of more than 25,000 topics and months)
// have sitemaps of their own.
//
// With a memo it makes again only the
// entries and the parts that changed since the memo's last layout, and
// keeps the rest in m for the next: the entries of the stories and pages
// that ch names, when it is set (what changed in s since a site the memo
// laid out, or since one before it that the memo's changes include), else
// of every story and page. A nil m keeps none. It must not be called
// twice at once with one m.
func Lay(s *site.Site, m *Memo, ch *site.Change) *Layout {
	keys := m != nil
	if m == nil {
		m = NewMemo()
	}
	m.stable(s, ch)
	live := m.live(s)
	return &Layout{s: s, parts: m.layout(live, keys), split: len(m.sorted)+len(live) > maxURLs}
}

// Parts returns how many page sitemaps sitemap.xml indexes: none when it
// lists every page itself.
func (l *Layout) Parts() int {
	if !l.split {
		return 0
	}
	return len(l.parts)
}

// Part returns page sitemap i, i < l.Parts().
func (l *Layout) Part(i int) Part {
	p := &l.parts[i]
	return Part{File: partFile(i), Data: p.data, Key: p.key}
}

// Write makes sitemap.xml, news-sitemap.xml and robots.txt, in that
// order, and passes each to emit.
func (l *Layout) Write(c *config.Config, emit func(file string, data []byte) error) error {
	data, err := l.sitemap()
	if err != nil {
		return err
	}
	if err := emit(File, data); err != nil {
		return err
	}
	now := l.s.Now()
	for _, f := range []struct {
		file string
		make func(*config.Config, *site.Site, time.Time) ([]byte, error)
	}{{NewsFile, news}, {RobotsTxt, robots}} {
		data, err := f.make(c, l.s, now)
		if err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
		if err := emit(f.file, data); err != nil {
			return err
		}
	}
	return nil
}

// sitemap is sitemap.xml: the index of the parts, or the only one.
func (l *Layout) sitemap() ([]byte, error) {
	if !l.split {
		return l.parts[0].data, nil
	}
	index := sitemapindex{NS: NS}
	for i := range l.parts {
		index.Sitemaps = append(index.Sitemaps, entry{Loc: l.s.Routes.Abs(partFile(i)), Lastmod: l.parts[i].latest})
	}
	data, err := xml.MarshalIndent(index, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", File, err)
	}
	return append([]byte(xml.Header), append(data, '\n')...), nil
}

// Files lists the files of s that Write makes, in the order it makes them.
func Files(s *site.Site) []string {
	var files []string
	if stable, live := count(s); stable+live > maxURLs {
		for i := range partCount(stable, live) {
			files = append(files, partFile(i))
		}
	}
	return append(files, File, NewsFile, RobotsTxt)
}

func partFile(i int) string { return fmt.Sprintf("sitemap-%d.xml", i+1) }

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

// partCount is how many sitemaps that many stable and live pages fill.
func partCount(stable, live int) int {
	half := maxURLs / 2
	n := (stable + half - 1) / half
	if n > 0 && stable-(n-1)*half+live <= maxURLs {
		return n
	}
	return n + (live+maxURLs-1)/maxURLs
}

// count is how many pages pages lists as stable and as live.
func count(s *site.Site) (stable, live int) {
	stable = len(s.Articles)
	for _, t := range s.Topics {
		stable += len(t.Pages)
	}
	for _, m := range s.Months {
		stable += len(m.Pages)
	}
	return stable, 3 + len(s.Topics) + len(s.Months)
}

// The site's pages come in two groups. Stable are the pages that keep
// their stories: every article and every numbered page of a topic or a
// month, in the order they appeared (a numbered page appears with its
// newest story); the memo keeps them (Memo.stable). Live are the front
// page, the indexes of topics and of the archive, and every topic's and
// month's own page, which show the newest stories.

// live lists the live pages of s.
func (m *Memo) live(s *site.Site) []entry {
	m.lays++
	defer m.forgetHomes()
	last := m.newest()
	live := []entry{{Loc: s.Routes.Abs(""), Lastmod: last}, {Loc: s.Routes.Abs(route.TopicsPath), Lastmod: last}, {Loc: s.Routes.Abs(route.ArchivePath), Lastmod: last}}
	topics := make([]entry, 0, len(s.Topics))
	for _, t := range s.Topics {
		topics = append(topics, entry{Loc: t.Permalink, Lastmod: m.home(t.Home)})
	}
	slices.SortFunc(topics, func(a, b entry) int { return strings.Compare(a.Loc, b.Loc) })
	live = append(live, topics...)
	for _, mo := range s.Months {
		live = append(live, entry{Loc: mo.Home.Permalink, Lastmod: m.home(mo.Home)})
	}
	return live
}

type sitemapindex struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	NS       string   `xml:"xmlns,attr"`
	Sitemaps []entry  `xml:"sitemap"`
}

// marshalPages is what marshal makes of a urlset of urls that have no
// news data, byte for byte (TestMarshalPages), written directly: at
// 10,000 articles encoding/xml took a third of the sitemap's time, which
// build --watch spends again after every edit.
func marshalPages(urls []entry) []byte {
	n := len(xml.Header) + len(NS) + 32
	for _, u := range urls {
		n += len(u.Loc) + len(u.Lastmod) + 64
	}
	var b bytes.Buffer
	b.Grow(n)
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="`)
	escape(&b, NS)
	b.WriteString(`">`)
	for _, u := range urls {
		b.WriteString("\n  <url>\n    <loc>")
		escape(&b, u.Loc)
		b.WriteString("</loc>")
		if u.Lastmod != "" {
			b.WriteString("\n    <lastmod>")
			escape(&b, u.Lastmod)
			b.WriteString("</lastmod>")
		}
		b.WriteString("\n  </url>")
	}
	if len(urls) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// escape writes s as encoding/xml writes text: as it is when it is
// printable ASCII with nothing to escape, as URLs and dates are.
func escape(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			xml.EscapeText(b, []byte(s))
			return
		}
	}
	b.WriteString(s)
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
	// Newest first: skip those after now, and stop at the first too old.
	i, _ := slices.BinarySearchFunc(s.Articles, now, func(a *site.Article, now time.Time) int {
		if a.Meta.Date.After(now) {
			return -1
		}
		return 1
	})
	var list []*site.Article
	for _, a := range s.Articles[i:] {
		if len(list) == MaxNews || a.Meta.Date.Before(now.Add(-NewsAge)) {
			break
		}
		list = append(list, a)
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
