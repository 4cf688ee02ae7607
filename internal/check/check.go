// Package check inspects a built site the way browsers, feed readers and
// search engines will read it, and reports every problem with the file and
// line it is in: a link or asset that does not resolve under the base URL
// (so a project site under a sub-path is checked as GitHub Pages serves
// it), a page without title, description or canonical link, duplicate
// element ids, JSON-LD or XML that does not parse, and a feed or sitemap
// missing an element its spec requires, a share image (og:image) that is
// not a PNG of the size the page gives.
//
// HTML is read with a small tokenizer of its own: the pages come from the
// site's templates, and the checks need tags, attributes and raw text, not
// a document tree.
package check

import (
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/route"
)

// FrontPage is the page whose canonical URL gives the base URL when none is
// given.
const FrontPage = "index.html"

// Options say how to check a site.
type Options struct {
	// BaseURL is the URL the site is published at; "" means the canonical
	// URL of its front page.
	BaseURL string
	// Local accepts relative URLs where a published site needs absolute
	// ones (canonical and og:url links, feeds, sitemaps): for a site built
	// with a base URL such as "/" to be looked at on this machine.
	Local bool
}

// Site checks the built site in folder dir. It returns the problems found,
// or an error when dir cannot be read.
func Site(dir string, opts Options) (diag.List, error) {
	return FS(os.DirFS(dir), opts)
}

// FS checks a built site in fsys; see [Site].
func FS(fsys fs.FS, opts Options) (diag.List, error) {
	baseURL := opts.BaseURL
	c := &checker{fsys: fsys, files: make(map[string]bool), local: opts.Local}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			c.files[p] = true
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	if !c.files[FrontPage] {
		c.problems.Add(FrontPage, 0, "missing: the site has no front page")
	}
	if err := c.setBase(baseURL); err != nil {
		return nil, err
	}
	for _, p := range slices.Sorted(maps.Keys(c.files)) {
		if err := c.file(p); err != nil {
			return nil, err
		}
	}
	c.problems.Sort()
	return c.problems, nil
}

type checker struct {
	fsys     fs.FS
	files    map[string]bool
	base     *url.URL
	local    bool
	problems diag.List
	pngs     map[string]pngInfo // share images read so far
}

// absolute reports whether ref may stand where search engines and feed
// readers need an absolute URL, reporting it if not: an absolute http(s)
// URL always may, a relative one only on a site checked as local.
func (c *checker) absolute(file string, line int, what, ref string) bool {
	u, err := url.Parse(ref)
	if err == nil && u.IsAbs() && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
		return true
	}
	if c.local && c.base.Host == "" && err == nil {
		return true
	}
	c.problems.Add(file, line, "%s %q is not an absolute URL%s", what, ref, c.hint())
	return false
}

// hint says what to do about a relative URL on a site built without a host.
func (c *checker) hint() string {
	if c.base.Host != "" {
		return ""
	}
	return " (build with --base-url https://host/path/, or check with --local a site built for this machine)"
}

// setBase takes the base URL as given, or from the front page's canonical
// link, or "/".
func (c *checker) setBase(baseURL string) error {
	if baseURL == "" {
		baseURL = "/"
		if data, err := fs.ReadFile(c.fsys, FrontPage); err == nil {
			if canon := canonical(tokenize(string(data))); canon != "" {
				baseURL = canon
			}
		}
	}
	r, err := route.New(baseURL)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	c.base, _ = url.Parse(r.Base())
	return nil
}

func (c *checker) file(p string) error {
	check := map[string]func(string, []byte){".html": c.page, ".xml": c.xml, ".json": c.json}[path.Ext(p)]
	if check == nil {
		return nil
	}
	data, err := fs.ReadFile(c.fsys, p)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	check(p, data)
	return nil
}

// link checks that ref, found in file at line, resolves: a URL under the
// base URL must name a file of the site. Other sites' URLs are not
// fetched.
func (c *checker) link(file string, line int, ref string) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		c.problems.Add(file, line, "bad URL %q: %v", ref, err)
		return
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" || u.Opaque != "" {
		return // mailto:, data:, ...
	}
	if u.Host != "" && (u.Host != c.base.Host || c.base.Host == "") {
		return // another site
	}
	if u.Path == "" && u.Host == "" {
		return // "#x" or "?q": this page
	}
	abs := c.pageURL(file).ResolveReference(u)
	rel, ok := strings.CutPrefix(abs.Path, c.base.Path)
	if !ok {
		c.problems.Add(file, line, "link %s is outside the base URL %s", ref, c.base)
		return
	}
	if !c.resolves(rel) {
		c.problems.Add(file, line, "link %s does not resolve: no %s in the site", ref, route.File(rel))
	}
}

// pageURL is the URL that the file is served at.
func (c *checker) pageURL(file string) *url.URL {
	u := *c.base
	u.Path = c.base.Path + strings.TrimSuffix(file, "index.html")
	return &u
}

// resolves reports whether GitHub Pages serves a file for the site-relative
// path rel: the file itself, the index.html of a folder (with or without
// the final "/"), or rel.html.
func (c *checker) resolves(rel string) bool {
	f := route.File(rel)
	return c.files[f] || c.files[f+"/index.html"] || c.files[f+".html"]
}
