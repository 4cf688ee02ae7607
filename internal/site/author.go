package site

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

// Author is a byline's pages: every story an author wrote or shared.
type Author struct {
	// Name is the byline as written in the author's newest story.
	Name string
	Slug string
	// Path, URL and Permalink are as for [Article].
	Path, URL, Permalink string
	// Articles are the author's stories, newest first.
	Articles []*Article
	// List is the author's pages, as a topic's: List.Home is the author's
	// page, and the numbered pages hold the older stories, stably.
	*List
}

// Bylines returns the authors of the story of m: its authors (Hugo's
// key), and its author if that is not one of them, first.
func Bylines(m *content.Meta) []string {
	if m.Author == "" || slices.Contains(m.Authors, m.Author) {
		return m.Authors
	}
	return append([]string{m.Author}, m.Authors...)
}

// addAuthors makes the authors from the articles, and each article's
// Authors: one pass over the articles, which slugs each byline once (see
// authorSlug). After an update, updateAuthors changes only the authors of
// the stories it changed.
func (s *Site) addAuthors() {
	bySlug := make(map[string]*Author)
	s.Authors = s.Authors[:0]
	for _, a := range s.Articles {
		a.Authors = a.Authors[:0]
		for _, name := range Bylines(a.Meta) {
			slug, p := s.authorSlug(name)
			au := bySlug[slug]
			if au == nil {
				au = &Author{Name: name, Slug: slug, Path: p, URL: s.Routes.Rel(p), Permalink: s.Routes.Abs(p)}
				bySlug[slug] = au
				s.Authors = append(s.Authors, au)
			}
			if !slices.Contains(a.Authors, au) {
				a.Authors = append(a.Authors, au)
				au.Articles = append(au.Articles, a)
			}
		}
	}
	sortAuthors(s.Authors)
	s.authors = bySlug
}

// updateAuthors updates the authors' stories after an update that removed
// olds and added added, and each added article's Authors, and reports
// whether an author came, went or was renamed: the change is then wide,
// since every story's page shows its bylines' names.
func (s *Site) updateAuthors(olds, added []*Article) (wide bool) {
	touched := make(map[*Author]bool)
	for _, a := range olds {
		for _, au := range a.Authors {
			au.Articles = deleteArticle(au.Articles, a)
			touched[au] = true
		}
	}
	for _, a := range added {
		for _, name := range Bylines(a.Meta) {
			slug, p := s.authorSlug(name)
			au := s.authors[slug]
			if au == nil {
				au = &Author{Name: name, Slug: slug, Path: p, URL: s.Routes.Rel(p), Permalink: s.Routes.Abs(p)}
				s.authors[slug] = au
				wide = true
			}
			if !slices.Contains(a.Authors, au) {
				a.Authors = append(a.Authors, au)
				au.Articles = insertArticle(au.Articles, a)
			}
			touched[au] = true
		}
	}
	for au := range touched {
		if len(au.Articles) == 0 {
			delete(s.authors, au.Slug)
			wide = true
			continue
		}
		for _, name := range Bylines(au.Articles[0].Meta) {
			if slug, _ := s.authorSlug(name); slug == au.Slug {
				wide = wide || name != au.Name
				au.Name = name
				break
			}
		}
	}
	if wide {
		s.Authors = slices.Collect(maps.Values(s.authors))
		sortAuthors(s.Authors)
	}
	return wide
}

func sortAuthors(list []*Author) {
	slices.SortFunc(list, func(a, b *Author) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Slug, b.Slug))
	})
}

// byline is an author's slug and path.
type byline struct{ slug, path string }

// authorSlug returns route.AuthorSlug(name) and route.AuthorPath(name),
// made once for each byline the site has met: a site's bylines are few,
// its stories many, and the slug library costs microseconds a call (4 ms
// at 10,000 articles, for each edit of the preview and build --watch).
func (s *Site) authorSlug(name string) (slug, path string) {
	b, ok := s.bylines[name]
	if !ok {
		if s.bylines == nil {
			s.bylines = make(map[string]byline)
		}
		b = byline{route.AuthorSlug(name), route.AuthorPath(name)}
		s.bylines[name] = b
	}
	return b.slug, b.path
}

// AuthorPage returns the author whose page is the output file name
// ("authors/x/index.html"), or nil.
func (s *Site) AuthorPage(file string) *Author {
	slug, ok := strings.CutPrefix(file, "authors/")
	if !ok {
		return nil
	}
	slug, ok = strings.CutSuffix(slug, "/index.html")
	if !ok {
		return nil
	}
	return s.authors[slug]
}
