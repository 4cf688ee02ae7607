package config

import (
	"net/url"
	"strings"

	"github.com/t4k3news/digest/internal/route"
)

// Topic is what an editor says of a topic (digest.yaml's topics): the
// name it is shown by, what it covers, and the other spellings of it that
// tags use, merged into it.
type Topic struct {
	// Name is the topic as tags spell it; its page is topics/<slug>/,
	// the slug made from Name.
	Name string `yaml:"name"`
	// Title is the name the site shows for the topic, on its page, in the
	// navigation and on its stories' pages; "" shows Name.
	Title string `yaml:"title"`
	// Description says what the topic covers, under its title, in its
	// page's description and in its feeds.
	Description string `yaml:"description"`
	// Aliases are other spellings of the topic: a story tagged with any of
	// them is on the topic, and the page the spelling had redirects to it.
	Aliases []string `yaml:"aliases"`
}

// Label is the name the site shows for the topic.
func (t *Topic) Label() string {
	if t.Title != "" {
		return t.Title
	}
	return t.Name
}

// MenuItem is a link of the masthead's navigation (digest.yaml's menu): to
// a URL, or to a topic's page.
type MenuItem struct {
	Label string `yaml:"label"`
	// URL is an http(s) URL, or a path of the site such as "archive/",
	// under the base URL.
	URL string `yaml:"url"`
	// Topic is a topic as tags spell it (or one of its aliases).
	Topic string `yaml:"topic"`
}

// TopicSlug is the slug of the topic a story tagged tag is on: the
// topic whose name or alias has tag's slug, else tag's own slug.
func (c *Config) TopicSlug(tag string) string {
	s := route.TopicSlug(tag)
	if to, ok := c.topicSlugs[s]; ok {
		return to
	}
	return s
}

// TopicOf returns what the config says of the topic with the given slug,
// or nil.
func (c *Config) TopicOf(slug string) *Topic { return c.topics[slug] }

// TopicAliases returns, for each spelling of the config's topics whose slug
// is not its topic's, that slug mapped to the topic's.
func (c *Config) TopicAliases() map[string]string {
	out := make(map[string]string)
	for from, to := range c.topicSlugs {
		if from != to {
			out[from] = to
		}
	}
	return out
}

// checkTopics reports topics without a name and spellings that two topics
// claim, and indexes the topics by slug.
func (c *Config) checkTopics(data []byte, bad func(line int, key, format string, args ...any)) {
	c.topics, c.topicSlugs = make(map[string]*Topic), make(map[string]string)
	owner := make(map[string]string) // slug → the name of the topic that claims it
	claim := func(line int, t *Topic, spelling string) {
		s := route.TopicSlug(spelling)
		if prev, ok := owner[s]; ok && prev != t.Name {
			bad(line, "topics", "%q: %q is also a spelling of topic %q", t.Name, spelling, prev)
			return
		}
		owner[s] = t.Name
		c.topicSlugs[s] = route.TopicSlug(t.Name)
	}
	for i := range c.Topics {
		t := &c.Topics[i]
		line := itemLine(data, "topics", i)
		if strings.TrimSpace(t.Name) == "" {
			bad(line, "topics", "topic %d has no name", i+1)
			continue
		}
		claim(line, t, t.Name)
		c.topics[route.TopicSlug(t.Name)] = t
		for _, a := range t.Aliases {
			if strings.TrimSpace(a) == "" {
				bad(line, "topics", "%q: an alias is empty", t.Name)
				continue
			}
			claim(line, t, a)
		}
	}
}

// checkMenu reports menu items without a label, or without exactly one of
// a URL and a topic, and URLs that are neither http(s) nor a path of the
// site.
func (c *Config) checkMenu(data []byte, bad func(line int, key, format string, args ...any)) {
	for i, m := range c.Menu {
		line := itemLine(data, "menu", i)
		switch {
		case strings.TrimSpace(m.Label) == "":
			bad(line, "menu", "item %d has no label", i+1)
		case (m.URL == "") == (m.Topic == ""):
			bad(line, "menu", "%q: give a url or a topic, not both or neither", m.Label)
		case m.URL != "" && !menuURL(m.URL):
			bad(line, "menu", "%q: url %q is neither an http(s) URL nor a path of the site such as %q", m.Label, m.URL, "archive/")
		case m.Topic != "" && strings.TrimSpace(m.Topic) == "":
			bad(line, "menu", "%q: the topic is empty", m.Label)
		}
	}
}

// menuURL reports whether u is an http(s) URL with a host, or a path of
// the site that stays under the base URL.
func menuURL(u string) bool {
	p, err := url.Parse(u)
	switch {
	case err != nil:
		return false
	case p.Scheme != "":
		return (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
	case p.Host != "" || strings.HasPrefix(u, "//"):
		return false
	}
	for _, seg := range strings.Split(p.Path, "/") {
		if seg == ".." {
			return false
		}
	}
	return true
}

// itemLine is the line of the i-th item of the block list under the
// top-level key, or the key's line.
func itemLine(data []byte, key string, i int) int {
	at := keyLine(data, key)
	if at == 0 {
		return 0
	}
	indent := -1
	lines := strings.Split(string(data), "\n")
	for n := at; n < len(lines); n++ {
		line := lines[n]
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if trimmed == line && !strings.HasPrefix(line, "-") {
			break // the next top-level key
		}
		if !strings.HasPrefix(trimmed, "- ") && trimmed != "-" {
			continue
		}
		if d := len(line) - len(trimmed); indent < 0 || d == indent {
			indent = d
			if i == 0 {
				return n + 1
			}
			i--
		}
	}
	return at
}
