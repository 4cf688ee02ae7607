package live

import (
	"bytes"
	"io/fs"
	"path"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/card"
	"strings"
	"sync"

	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// File returns the bytes of the output file name, a slash path relative to
// the output folder such as "news/x/index.html" or "style.css", rendering
// a page from the current site. A name that is no file of the site gives
// an error wrapping fs.ErrNotExist; a page that fails to render gives the
// renderer's error, which names the template and line.
func (e *Engine) File(name string) ([]byte, error) {
	if data, ok, err := e.page(name); ok {
		return data, err
	}
	return e.extra(name)
}

// page renders the page or returns the static file name, if it is one.
func (e *Engine) page(name string) ([]byte, bool, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if data, ok := e.static[name]; ok {
		return data, true, nil
	}
	s := e.model.Site()
	switch {
	case name == "index.html":
		return done(e.r.Front(s))
	case name == "404.html":
		return done(e.r.NotFound(s))
	case name == route.File(route.SearchPath):
		return done(e.r.Search(s))
	}
	if entry, ok := e.card(name); ok {
		data, err := e.cards.PNG(entry.Spec)
		return data, true, err
	}
	if a := e.article(name); a != nil {
		return done(e.r.Article(s, e.model.Sidebar(a)))
	}
	if t := e.topic(name); t != nil {
		return done(e.r.Topic(s, t))
	}
	if au := s.AuthorPage(name); au != nil {
		return done(e.r.Author(s, au))
	}
	if al := s.Alias(name); al != nil {
		return done(e.r.Alias(al))
	}
	if a := s.WithdrawnPage(name); a != nil {
		return done(e.r.Withdrawn(s, a))
	}
	return nil, false, nil
}

func done(data []byte, err error) ([]byte, bool, error) { return data, true, err }

// extra returns one of the files made from the whole site (feeds,
// sitemaps), making them all once for each version of the site: they are
// asked for rarely, and cost as much as the site is large.
func (e *Engine) extra(name string) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.extras == nil || e.extrasOf != e.version {
		e.model.Complete()
		extras := make(map[string][]byte)
		err := build.Publish(e.cfg, e.model.Site(), func(name string, data []byte) error {
			extras[name] = data
			return nil
		})
		if err != nil {
			return nil, err
		}
		e.extras, e.extrasOf = extras, e.version
	}
	if data, ok := e.extras[name]; ok {
		return data, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// card returns the share image (internal/card) that is the file name, if
// it is one: drawn on request, from the cache beside the sources.
func (e *Engine) card(name string) (card.Entry, bool) {
	var entries []card.Entry
	switch dir, file := path.Split(name); {
	case path.Ext(file) != ".png":
	case dir == "":
		entries = card.SiteEntries(e.cfg)
	case strings.HasPrefix(dir, "news/"):
		if a := e.model.Site().Article(strings.TrimSuffix(dir[len("news/"):], "/")); a != nil {
			entries = card.ArticleEntries(e.cfg, a)
		}
	}
	for _, entry := range entries {
		if entry.File == name {
			return entry, true
		}
	}
	return card.Entry{}, false
}

// article returns the article whose page is the file name, or nil.
func (e *Engine) article(name string) *site.Article {
	slug, ok := pageSlug(name, "news/")
	if !ok {
		return nil
	}
	a := e.model.Site().Article(slug)
	if a == nil || route.File(a.Path) != name {
		return nil
	}
	return a
}

// topic returns the topic whose page is the file name, or nil.
func (e *Engine) topic(name string) *site.Topic {
	slug, ok := pageSlug(name, "topics/")
	if !ok {
		return nil
	}
	t := e.model.Topic(slug)
	if t == nil || route.File(t.Path) != name {
		return nil
	}
	return t
}

func pageSlug(name, dir string) (string, bool) {
	rest, ok := strings.CutPrefix(name, dir)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(rest, "/index.html")
}

// All renders every page of the site and passes it to emit with the
// static files, as a build writes them. It is for checking the engine
// against a build, and costs a whole render. emit is called by one
// goroutine at a time.
func (e *Engine) All(emit func(name string, data []byte) error) error {
	e.mu.Lock() // Complete writes every article's sidebar
	defer e.mu.Unlock()
	e.model.Complete()
	var emitting sync.Mutex
	one := func(name string, data []byte) error {
		emitting.Lock()
		defer emitting.Unlock()
		return emit(name, data)
	}
	page := func(name string, data []byte) error {
		return one(name, bytes.Clone(data)) // Site reuses data's memory
	}
	if err := e.r.Site(e.model.Site(), page); err != nil {
		return err
	}
	if err := build.Publish(e.cfg, e.model.Site(), one); err != nil {
		return err
	}
	if err := card.Write(card.Entries(e.cfg, e.model.Site()), e.cards, one); err != nil {
		return err
	}
	for name, data := range e.static {
		if err := emit(name, data); err != nil {
			return err
		}
	}
	return nil
}
