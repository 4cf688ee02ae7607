package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/route"
)

// Alias is an old address of an article (front matter "aliases", Hugo's
// name), kept so that links to a renamed story still lead to it: its page
// redirects there. It is also the address a spelling of a topic had before
// the site config merged it into another: its page redirects to the topic.
type Alias struct {
	// Path is the alias's site-relative URL path, "news/old-slug/";
	// URL and Permalink are as for [Article].
	Path, URL, Permalink string
	// Article is the story it leads to, or nil for a topic's.
	Article *Article
	// Topic is the topic it leads to, or nil for a story's.
	Topic *Topic
}

// origin is the site-relative path a story was first published at: its
// first alias that is an article's path (convert adds each old slug after
// the others, so the first is the oldest), else its own path p.
func origin(m *content.Meta, p string) string {
	for _, al := range m.Aliases {
		if p := route.AliasPath(al); strings.HasPrefix(p, "news/") && strings.Count(p, "/") == 2 {
			return p
		}
	}
	return p
}

// makeAliases returns the aliases of articles sorted by output file, or an error
// for each that is the path of a page of the site or of another alias.
// taken holds the articles by slug.
func (s *Site) makeAliases(articles []*Article, taken func(slug string) bool) ([]*Alias, error) {
	var out []*Alias
	var errs diag.List
	byPath := make(map[string]*Alias)
	for _, a := range articles {
		for _, raw := range a.Meta.Aliases {
			p := route.AliasPath(raw)
			if reason := s.reserved(p, taken); reason != "" {
				errs.Add(a.Doc.Path, 0, "alias %q is %s", p, reason)
				continue
			}
			if prev := byPath[p]; prev != nil {
				if prev.Article != a {
					first, second := orderPaths(prev.Article.Doc.Path, a.Doc.Path)
					errs.Add(second, 0, "alias %q is also an alias of %s", p, first)
				}
				continue
			}
			al := &Alias{Path: p, URL: s.Routes.Rel(p), Permalink: s.Routes.Abs(p), Article: a}
			byPath[p] = al
			out = append(out, al)
		}
	}
	slices.SortFunc(out, func(a, b *Alias) int { return cmp.Compare(route.File(a.Path), route.File(b.Path)) })
	return out, errs.Err()
}

// reserved says why the alias path p cannot be a redirect page, or "".
func (s *Site) reserved(p string, taken func(slug string) bool) string {
	switch {
	case p == "index.html" || p == "404.html":
		return "a page of the site"
	case strings.HasPrefix(p, "topics/"):
		return "under topics/, the topic pages' folder"
	}
	if slug, ok := strings.CutPrefix(p, "news/"); ok && strings.Count(slug, "/") == 1 && taken(strings.TrimSuffix(slug, "/")) {
		return "the address of a story of the site"
	}
	return ""
}

// Alias returns the alias whose redirect page is the output file name
// ("news/old/index.html"), or nil.
func (s *Site) Alias(file string) *Alias {
	i, ok := slices.BinarySearchFunc(s.Aliases, file, func(a *Alias, f string) int {
		return cmp.Compare(route.File(a.Path), f)
	})
	if !ok {
		return nil
	}
	return s.Aliases[i]
}
