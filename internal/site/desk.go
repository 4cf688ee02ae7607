package site

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/route"
)

// MenuLink is a link of the masthead's navigation, made from the site
// config's menu.
type MenuLink struct {
	Label, URL string
}

// topicSlug is the slug of the topic a story tagged tag is on: the site
// config merges spellings of one topic.
func (s *Site) topicSlug(tag string) string {
	if c := s.pub.Config; c != nil {
		return c.TopicSlug(tag)
	}
	return route.TopicSlug(tag)
}

// describe gives t the title and description the site config has for it,
// if any: an editor's title stays whatever the stories spell the topic.
func (s *Site) describe(t *Topic) bool {
	if s.pub.Config == nil {
		return false
	}
	to := s.pub.Config.TopicOf(t.Slug)
	if to == nil {
		return false
	}
	t.Name, t.Description = to.Label(), to.Description
	return true
}

// makeMenu makes the masthead's links from the site config's menu. A link
// to a topic that no published story is on is left out, not broken.
func (s *Site) makeMenu(topics map[string]*Topic) {
	s.Menu = s.Menu[:0]
	if s.pub.Config == nil {
		return
	}
	for _, m := range s.pub.Config.Menu {
		link := MenuLink{Label: m.Label}
		switch {
		case m.Topic != "":
			t := topics[s.topicSlug(m.Topic)]
			if t == nil {
				continue
			}
			link.URL = t.URL
		case isAbsolute(m.URL):
			link.URL = m.URL
		default:
			link.URL = s.Routes.Rel(strings.TrimPrefix(m.URL, "/"))
		}
		s.Menu = append(s.Menu, link)
	}
}

func isAbsolute(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Scheme != ""
}

// setAliases makes the site's aliases, sorted by output file: those of
// stories, and a page at the address each merged spelling of a topic had,
// redirecting to the topic's page.
func (s *Site) setAliases(stories []*Alias, topics map[string]*Topic) {
	s.Aliases = stories
	if s.pub.Config == nil {
		return
	}
	for from, to := range s.pub.Config.TopicAliases() {
		if t := topics[to]; t != nil {
			p := route.TopicPath(from)
			s.Aliases = append(s.Aliases, &Alias{Path: p, URL: s.Routes.Rel(p), Permalink: s.Routes.Abs(p), Topic: t})
		}
	}
	slices.SortFunc(s.Aliases, func(a, b *Alias) int { return cmp.Compare(route.File(a.Path), route.File(b.Path)) })
}
