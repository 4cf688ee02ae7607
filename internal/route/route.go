// Package route owns the site's address space: where each page is written
// under the output folder and the URL it is reached at under the base URL.
// Every URL of the site is made here; templates never join paths.
package route

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/gosimple/slug"
)

// MaxSlug bounds the length of a slug in bytes, so that file names and URLs
// stay well under file-system limits.
const MaxSlug = 80

// slugPattern is the slug rule: lower-case ASCII letters and digits in
// words joined by single hyphens. A slug becomes a folder name and a URL
// segment, so it may hold nothing that needs escaping in either.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// IsSlug reports whether s follows the slug rule: every slug Slug makes
// does, and a build accepts a content file's slug only if it does.
func IsSlug(s string) bool { return slugPattern.MatchString(s) }

// Slug turns a headline or tag into a URL path segment: lower case ASCII
// words joined by hyphens, transliterated from other scripts, at most
// MaxSlug bytes and cut at a word boundary. Text with no letters or digits
// gives fallback, which must be a slug or "".
func Slug(text, fallback string) string {
	s := strings.Join(strings.FieldsFunc(slug.Make(text), notSlugByte), "-")
	if len(s) > MaxSlug {
		s = s[:MaxSlug]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	if s == "" {
		return fallback
	}
	return s
}

// notSlugByte is true of what the slug library lets through but the slug
// rule does not allow, such as "_".
func notSlugByte(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') }

// Site maps pages to output files and URLs for one base URL.
type Site struct {
	base *url.URL // always ends in "/"
}

// New returns the routes for baseURL: an absolute http(s) URL such as
// "https://example.github.io/digest/", or a root path such as "/" or
// "/digest/" for a site whose host is not known.
func New(baseURL string) (*Site, error) {
	if baseURL == "" {
		baseURL = "/"
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	switch {
	case strings.HasPrefix(baseURL, "//") || strings.HasPrefix(u.Path, "//"):
		// A browser reads "//host/x/", and so "///x/", as a host name:
		// the site's links would lead to another site.
		return nil, fmt.Errorf("base URL %q: a scheme-relative URL (//host) is not allowed; want http(s)://host/path/ or /path/", baseURL)
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
	default:
		return nil, fmt.Errorf("base URL %q: want http(s)://host/path/ or /path/", baseURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("base URL %q: must not have a query, fragment or user", baseURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return &Site{base: u}, nil
}

// Absolute reports whether the base URL names a scheme and host, as feeds,
// sitemaps and canonical links need.
func (s *Site) Absolute() bool { return s.base.Host != "" }

// Base returns the base URL as given, normalised to end in "/".
func (s *Site) Base() string { return s.base.String() }

// Rel returns the URL of the site-relative path p (such as "news/x/" or
// "style.css") as an absolute path with the base URL's path in front, for
// links within the site: "/digest/news/x/".
func (s *Site) Rel(p string) string {
	return (&url.URL{Path: s.base.Path + strings.TrimPrefix(p, "/")}).EscapedPath()
}

// Abs returns the full URL of the site-relative path p, with scheme and host
// where the base URL has them, for feeds, canonical links and sitemaps.
func (s *Site) Abs(p string) string {
	u := *s.base
	u.Path = s.base.Path + strings.TrimPrefix(p, "/")
	return u.String()
}

// ArticlePath is the site-relative URL path of an article: "news/<slug>/".
func ArticlePath(slug string) string { return "news/" + slug + "/" }

// TopicPath is the site-relative URL path of a topic page: "topics/<slug>/".
func TopicPath(tag string) string { return "topics/" + TopicSlug(tag) + "/" }

// TopicSlug is the path segment of a tag's topic page.
func TopicSlug(tag string) string { return Slug(tag, "topic") }

// SearchPath is the site-relative URL path of the search page.
const SearchPath = "search/"

// Search returns the URL of the search page searching for query: for a
// related title that names no story of the site. Spaces are "%20", not
// "+", which HTML would escape as "&#43;" in an attribute.
func (s *Site) Search(query string) string {
	return s.Rel(SearchPath) + "?q=" + strings.ReplaceAll(url.QueryEscape(query), "+", "%20")
}

// File turns a site-relative URL path into the output file that serves it:
// a path ending in "/" is a folder with an index.html.
func File(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// AliasPath is the site-relative URL path of an alias as written in front
// matter: without a leading "/", and, unless it names an .html file, a
// folder ending in "/", as Hugo reads aliases. "/news/old" is "news/old/".
func AliasPath(alias string) string {
	p := strings.TrimPrefix(alias, "/")
	if !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".html") {
		p += "/"
	}
	return p
}

// AuthorPath is the site-relative URL path of an author's page:
// "authors/<slug>/".
func AuthorPath(name string) string { return "authors/" + AuthorSlug(name) + "/" }

// AuthorSlug is the path segment of an author's page.
func AuthorSlug(name string) string { return Slug(name, "author") }

// Listing pages: the archive by date, the index of topics, and the numbered
// pages of a list of stories.
const (
	ArchivePath = "archive/"
	TopicsPath  = "topics/"
)

// MonthPath is the site-relative URL path of a month of the archive:
// "archive/2025/08/".
func MonthPath(year, month int) string { return fmt.Sprintf("archive/%04d/%02d/", year, month) }

// PagePath is the path of page n of the list of stories at list (a path
// ending in "/"): "topics/ukraine/page/3/". Pages are numbered from the
// list's oldest stories, so a page keeps its number and its stories.
func PagePath(list string, n int) string { return fmt.Sprintf("%spage/%d/", list, n) }
