// Package render turns the site model into HTML pages with html/template:
// the front page, article pages, topic pages and the 404 page, each as
// bytes for the build to write. Templates are parsed once, named by their
// path so that an error points at the template file and line. Content
// strings are always text; only Markdown rendered by internal/markdown is
// trusted HTML.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/t4k3news/digest/internal/config"
)

// Page template files, relative to the templates folder. Every other .html
// file there (the layout, partials) is shared by all pages.
const (
	FrontTemplate    = "index.html"
	ArticleTemplate  = "article.html"
	TopicTemplate    = "topic.html"
	NotFoundTemplate = "404.html"
)

var pageTemplates = []string{FrontTemplate, ArticleTemplate, TopicTemplate, NotFoundTemplate}

// Renderer holds the parsed templates. It is safe for concurrent use.
type Renderer struct {
	// Config is the site config the pages are rendered with; nil means
	// config.Default(). Set it before rendering.
	Config *config.Config

	pages map[string]*template.Template // page template file → its set
	names map[string]string             // page template file → template name
}

func (r *Renderer) config() *config.Config {
	if r.Config == nil {
		return config.Default()
	}
	return r.Config
}

// New parses the templates in folder dir of fsys ("." for its root). Each
// template is named by its path in fsys, e.g. "templates/article.html", so
// errors read "template: templates/article.html:12: ...".
func New(fsys fs.FS, dir string) (*Renderer, error) {
	files, err := fs.Glob(fsys, path.Join(dir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	partials, err := fs.Glob(fsys, path.Join(dir, "partials", "*.html"))
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	base := template.New("")
	r := &Renderer{pages: make(map[string]*template.Template), names: make(map[string]string)}
	for _, f := range append(files, partials...) {
		if !isPage(dir, f) {
			if err := parseFile(base, fsys, f); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range pageTemplates {
		name := path.Join(dir, p)
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if err := parseFile(t, fsys, name); err != nil {
			return nil, err
		}
		r.pages[p], r.names[p] = t, name
	}
	return r, nil
}

func isPage(dir, file string) bool {
	rel := strings.TrimPrefix(file, path.Clean(dir)+"/")
	for _, p := range pageTemplates {
		if rel == p {
			return true
		}
	}
	return false
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	text, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	if _, err := t.New(name).Parse(string(text)); err != nil {
		return err // "template: templates/x.html:3: ..."
	}
	return nil
}

// execute renders one page with the page template file tmpl.
func (r *Renderer) execute(tmpl string, p *Page) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.pages[tmpl].ExecuteTemplate(&buf, r.names[tmpl], p); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", p.File(), err)
	}
	return buf.Bytes(), nil
}
