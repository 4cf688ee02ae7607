// Package config is the site config: the file digest.yaml at the site's root
// that names the publication and says where it is published (title,
// description, base URL, language, author and publisher, custom domain,
// feed length, share images, the vocabulary of subjects, pagination, the
// editor's topics and menu). It
// is read with the same strict, line-numbered YAML
// decoding as the front matter, so an unknown key is an error naming the
// file and line. Command-line flags override it.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // the zones, on machines without them, so that builds agree

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/tags"
)

// File is the name of the config file at the site's root.
const File = "digest.yaml"

// Config is the site config. The zero value is not useful: start from
// [Default] or [Load].
type Config struct {
	// Title is the name of the publication, shown in page titles, feeds
	// and social cards.
	Title string `yaml:"title"`
	// Description says what the site is, for the front page and feeds.
	Description string `yaml:"description"`
	// BaseURL is the URL the site is published at, such as
	// "https://t4k3news.github.io/digest/"; see [route.New].
	BaseURL string `yaml:"baseURL"`
	// Language is the language of the site as a BCP 47 tag ("en", "en-GB").
	Language string `yaml:"language"`
	// Author is the byline of an article that names none.
	Author string `yaml:"author"`
	// Publisher is the organisation that publishes the site.
	Publisher Publisher `yaml:"publisher"`
	// Domain is the custom domain of a GitHub Pages site, written to
	// public/CNAME; "" for none.
	Domain string `yaml:"domain"`
	// FeedLength is the number of newest articles in each feed.
	FeedLength int `yaml:"feedLength"`
	// Authors give the bylines' names and bios, shown on their pages.
	Authors []Author `yaml:"authors"`
	// TimeZone is the IANA name of the zone the site's pages show dates
	// and times in, such as "Europe/Helsinki"; "" shows each as written.
	TimeZone string `yaml:"timeZone"`
	// Limits bounds what is read from one source file.
	Limits Limits `yaml:"limits"`
	// Cards is the number of newest stories with share images of their
	// own (internal/card); older stories show the site's card.
	Cards int `yaml:"cards"`
	// Colors are the site's colours on its share images.
	Colors Colors `yaml:"colors"`
	// Subjects is the controlled vocabulary convert tags every story
	// with one or two of: each subject's name and cue words. A list in
	// the file replaces the default, [tags.DefaultSubjects], whole.
	Subjects []tags.Subject `yaml:"subjects"`
	// Pagination says how many stories a listing page shows, under Hugo's
	// name for it.
	Pagination Pagination `yaml:"pagination"`
	// Topics are an editor's titles and descriptions of topics, and the
	// spellings merged into each.
	Topics []Topic `yaml:"topics"`
	// Menu is the masthead's navigation; without it, the masthead shows
	// the topics with the most stories.
	Menu []MenuItem `yaml:"menu"`

	// Path is the file the config was read from, or "" for the defaults.
	Path string `yaml:"-"`
	// location is TimeZone loaded.
	location *time.Location
	// topics are Topics by the slug of their names, and topicSlugs map
	// the slug of each name and alias to its topic's slug.
	topics     map[string]*Topic
	topicSlugs map[string]string
}

// Author is a byline as the site presents it.
type Author struct {
	Name string `yaml:"name"`
	Bio  string `yaml:"bio"`
}

// Bio returns the bio of the author named name, or "".
func (c *Config) Bio(name string) string {
	for _, a := range c.Authors {
		if a.Name == name {
			return a.Bio
		}
	}
	return ""
}

// Publisher is the organisation behind the site, for feeds and schema.org
// data.
type Publisher struct {
	Name string `yaml:"name"`
	// URL is the publisher's home page. Its host names the publisher in
	// the stable tag: URIs that identify articles in feeds.
	URL string `yaml:"url"`
}

// Colors are the site's colours as "#rrggbb", for the share images; the
// defaults are static/style.css's light scheme.
type Colors struct {
	Background string `yaml:"background"` // --bg
	Text       string `yaml:"text"`       // --fg
	Muted      string `yaml:"muted"`      // --muted
	Accent     string `yaml:"accent"`     // --accent
	Rule       string `yaml:"rule"`       // --rule
	Quote      string `yaml:"quote"`      // --quote-bg
}

// Pagination is how listings (topic pages, archive months) are split into
// pages.
type Pagination struct {
	// PagerSize is the most stories on one listing page; the front page
	// shows the lead story and this many more.
	PagerSize int `yaml:"pagerSize"`
}

// Default returns the config of a site without a config file.
func Default() *Config {
	return &Config{
		Title:       "T4K3.news",
		Description: "The T4K3.news digest: the latest stories, newest first.",
		BaseURL:     "/",
		Language:    "en",
		Publisher:   Publisher{Name: "T4K3.news"},
		FeedLength:  20,
		Limits:      defaultLimits(),
		Cards:       1000,
		Colors: Colors{
			Background: "#fdfcf9", Text: "#151515", Muted: "#55524c",
			Accent: "#a8221b", Rule: "#d9d4ca", Quote: "#f4efe4",
		},
		Subjects:   tags.DefaultSubjects,
		Pagination: Pagination{PagerSize: 30},
	}
}

// Load reads the config file name of fsys over the defaults. A missing
// file gives the defaults; a bad one gives a diag error for every problem.
func Load(fsys fs.FS, name string) (*Config, error) {
	c := Default()
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("site config: %w", err)
	}
	return Parse(name, data)
}

// Parse reads the config file path from data over the defaults and checks
// it.
func Parse(path string, data []byte) (*Config, error) {
	c := Default()
	if err := content.DecodeYAML(path, data, c); err != nil {
		return nil, err
	}
	c.Path = path
	if err := c.check(data); err != nil {
		return nil, err
	}
	return c, nil
}

var (
	languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
	hexColor    = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	hostName    = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)
)

// check reports values that decode but make no sense; data is the file, to
// find the line of a key.
func (c *Config) check(data []byte) error {
	var errs diag.List
	bad := func(key, format string, args ...any) {
		errs.Add(c.Path, keyLine(data, key), "%s: "+format, append([]any{key}, args...)...)
	}
	if strings.TrimSpace(c.Title) == "" {
		bad("title", "must not be empty")
	}
	if err := c.SetBaseURL(c.BaseURL); err != nil {
		bad("baseURL", "%v", err)
	}
	if !languageTag.MatchString(c.Language) {
		bad("language", "%q is not a language tag such as %q", c.Language, "en")
	}
	if c.Domain != "" && !hostName.MatchString(c.Domain) {
		bad("domain", "%q is not a host name such as %q", c.Domain, "news.example.com")
	}
	if u, err := url.Parse(c.Publisher.URL); c.Publisher.URL != "" && (err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https")) {
		bad("publisher", "url %q is not an http(s) URL", c.Publisher.URL)
	}
	if loc, err := time.LoadLocation(c.TimeZone); err != nil || c.TimeZone == "Local" {
		bad("timeZone", "%q is not an IANA time zone such as %q", c.TimeZone, "Europe/Helsinki")
	} else if c.TimeZone != "" {
		c.location = loc
	}
	if c.FeedLength < 1 {
		bad("feedLength", "want 1 or more, got %d", c.FeedLength)
	}
	c.Limits.check(bad)
	if c.Cards < 0 {
		bad("cards", "want 0 or more, got %d", c.Cards)
	}
	for _, col := range []struct{ name, value string }{
		{"background", c.Colors.Background}, {"text", c.Colors.Text}, {"muted", c.Colors.Muted},
		{"accent", c.Colors.Accent}, {"rule", c.Colors.Rule}, {"quote", c.Colors.Quote},
	} {
		if !hexColor.MatchString(col.value) {
			bad("colors", "%s %q is not a colour such as %q", col.name, col.value, "#a8221b")
		}
	}
	c.checkSubjects(bad)
	if n := c.Pagination.PagerSize; n < 1 || n > 1000 {
		bad("pagination", "pagerSize: want 1 to 1000, got %d", n)
	}
	badAt := func(line int, key, format string, args ...any) {
		errs.Add(c.Path, line, "%s: "+format, append([]any{key}, args...)...)
	}
	c.checkTopics(data, badAt)
	c.checkMenu(data, badAt)
	return errs.Err()
}

// checkSubjects reports subjects without a name, names given twice and
// more than one fallback (a subject without cues).
func (c *Config) checkSubjects(bad func(key, format string, args ...any)) {
	seen := map[string]bool{}
	fallbacks := 0
	for i, s := range c.Subjects {
		name := strings.TrimSpace(s.Name)
		switch {
		case name == "":
			bad("subjects", "subject %d has no name", i+1)
		case seen[strings.ToLower(name)]:
			bad("subjects", "subject %q is listed twice", name)
		}
		seen[strings.ToLower(name)] = true
		if len(s.Cues) == 0 {
			fallbacks++
		}
	}
	if fallbacks > 1 {
		bad("subjects", "%d subjects have no cues; only the fallback may have none", fallbacks)
	}
}

// keyLine is the line of the top-level key in a YAML file, or 0.
func keyLine(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, key+":") {
			return i + 1
		}
	}
	return 0
}

// SetBaseURL overrides the base URL, as the --base-url flag does. It
// checks the URL as route.New does.
func (c *Config) SetBaseURL(baseURL string) error {
	r, err := route.New(baseURL)
	if err != nil {
		return err
	}
	c.BaseURL = r.Base()
	return nil
}

// Location is the time zone of TimeZone, or nil for none.
func (c *Config) Location() *time.Location { return c.location }

// IDAuthority is the domain name that owns the ids of the site's articles
// (the "t4k3.news" of "tag:t4k3.news,2025-08-21:news/x"): the publisher's
// host, else the custom domain, else "" when the site has neither, and
// articles are identified by their URL.
func (c *Config) IDAuthority() string {
	if u, err := url.Parse(c.Publisher.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return c.Domain
}

// LanguageCode is the primary language subtag, "en" for "en-GB", as Google
// News sitemaps want it.
func (c *Config) LanguageCode() string {
	code, _, _ := strings.Cut(c.Language, "-")
	return strings.ToLower(code)
}
