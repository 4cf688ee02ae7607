package live

import (
	"io/fs"
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
	e.mu.RLock()
	defer e.mu.RUnlock()
	if data, ok := e.static[name]; ok {
		return data, nil
	}
	s := e.model.Site()
	switch {
	case name == "index.html":
		return e.r.Front(s)
	case name == "404.html":
		return e.r.NotFound(s)
	}
	if a := e.article(name); a != nil {
		return e.r.Article(s, e.model.Sidebar(a))
	}
	if t := e.topic(name); t != nil {
		return e.r.Topic(s, t)
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
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
	if err := e.r.Site(e.model.Site(), one); err != nil {
		return err
	}
	for name, data := range e.static {
		if err := emit(name, data); err != nil {
			return err
		}
	}
	return nil
}
