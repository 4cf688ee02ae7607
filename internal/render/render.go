// Package render turns the site model into HTML pages with html/template:
// the front page, article pages, topic pages, the archive and the 404 page, each as
// bytes for the build to write. Templates are parsed once, named by their
// path so that an error points at the template file and line. Content
// strings are always text; only Markdown rendered by internal/markdown is
// trusted HTML.
package render

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/t4k3news/digest/internal/config"
)

// Page template files, relative to the templates folder. Every other .html
// file there (the layout, partials) is shared by all pages.
const (
	FrontTemplate    = "index.html"
	ArticleTemplate  = "article.html"
	TopicTemplate    = "topic.html"
	NotFoundTemplate = "404.html"
	SearchTemplate   = "search.html"
	AuthorTemplate   = "author.html"
)

var pageTemplates = []string{FrontTemplate, ArticleTemplate, TopicTemplate, NotFoundTemplate, SearchTemplate, AuthorTemplate, ArchiveTemplate, TopicsTemplate}

// Renderer holds the parsed templates. It is safe for concurrent use.
type Renderer struct {
	// Config is the site config the pages are rendered with; nil means
	// config.Default(). Set it before rendering.
	Config *config.Config

	pages map[string]*template.Template // page template file → its set
	names map[string]string             // page template file → template name
	// sizes holds, by page template file, the size of the last page made
	// with it: the next one's buffer starts that large, not growing from
	// 64 bytes by doubling.
	sizes map[string]*atomic.Int64

	// sum hashes the template files, names and bytes, in the order parsed.
	sum [sha256.Size]byte

	// fragments remembers what [Page.Cached] rendered, for one rendering of
	// a whole site; nil renders each fragment every time it is asked for.
	fragments *fragments
	// buffers, when set, holds the memory of pages already written, for
	// the next pages to be rendered into; nil gives each page its own.
	buffers *buffers
}

// buffers recycles the memory of rendered pages within one rendering of a
// whole site, once they are given back with [Renderer.Recycle]: page
// buffers were a sixth of all the bytes a build allocated, each adding to
// the garbage collector's work.
type buffers struct{ pool sync.Pool }

// get returns an empty slice, with room if a page left some; nil if b is.
func (b *buffers) get() []byte {
	if b == nil {
		return nil
	}
	if p, ok := b.pool.Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return nil
}

// put gives back the memory of a page that nothing holds any more.
func (b *buffers) put(page []byte) { b.pool.Put(&page) }

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
	h := sha256.New()
	r := &Renderer{pages: make(map[string]*template.Template), names: make(map[string]string), sizes: make(map[string]*atomic.Int64)}
	for _, f := range append(files, partials...) {
		if !isPage(dir, f) {
			if err := parseFile(base, fsys, f, h); err != nil {
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
		if err := parseFile(t, fsys, name, h); err != nil {
			return nil, err
		}
		r.pages[p], r.names[p], r.sizes[p] = t, name, new(atomic.Int64)
	}
	h.Sum(r.sum[:0])
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

// Sum is a hash of every template file, its name and bytes: two renderers
// with the same sum render alike.
func (r *Renderer) Sum() [sha256.Size]byte { return r.sum }

// parseFile parses the template file name into t, adding its name and
// bytes to h.
func parseFile(t *template.Template, fsys fs.FS, name string, h hash.Hash) error {
	text, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	fmt.Fprintf(h, "%s\x00%d\x00", name, len(text))
	h.Write(text)
	if _, err := t.New(name).Parse(string(text)); err != nil {
		return err // "template: templates/x.html:3: ..."
	}
	return nil
}

// execute renders one page with the page template file tmpl.
func (r *Renderer) execute(tmpl string, p *Page) ([]byte, error) {
	buf := bytes.NewBuffer(r.buffers.get())
	size := r.sizes[tmpl]
	buf.Grow(int(size.Load()) * 9 / 8)
	p.set, p.fragments = r.pages[tmpl], r.fragments
	if err := p.set.ExecuteTemplate(buf, r.names[tmpl], p); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", p.File(), err)
	}
	size.Store(int64(buf.Len()))
	return buf.Bytes(), nil
}

// fragments holds the HTML of named templates rendered for [Page.Cached],
// by template set, name and key.
type fragments struct{ memo sync.Map }

type fragmentKey struct {
	set  *template.Template
	name string
	key  any
}

// render returns the HTML of the template name of set executed with data,
// rendering it only the first time it is asked for with key; f may be nil,
// and then it always renders.
func (f *fragments) render(set *template.Template, name string, data, key any) (template.HTML, error) {
	if f == nil {
		return executeFragment(set, name, data)
	}
	if v := reflect.ValueOf(key); v.IsValid() && !v.Comparable() {
		return "", fmt.Errorf("cannot cache %q by a value of type %T: use a pointer", name, key)
	}
	k := fragmentKey{set, name, key}
	if html, ok := f.memo.Load(k); ok {
		return html.(template.HTML), nil
	}
	html, err := executeFragment(set, name, data)
	if err != nil {
		return "", err
	}
	f.memo.Store(k, html)
	return html, nil
}

// executeFragment renders the template name of set on its own. It starts,
// as html/template escapes it, in HTML text, so its output is safe HTML
// there; in any other context html/template escapes it again.
func executeFragment(set *template.Template, name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
