// Package build turns a site's sources into its output folder: it loads the
// content, makes the site model, renders every page with the site's
// templates, adds the static files, and commits the result to the
// destination in one step, so that a failed build leaves the last good site.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/feed"
	"github.com/t4k3news/digest/internal/output"
	"github.com/t4k3news/digest/internal/render"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/search"
	"github.com/t4k3news/digest/internal/site"
	"github.com/t4k3news/digest/internal/sitemap"
)

// Folders of a site's source, relative to its root.
const (
	ContentDir   = "content"
	TemplatesDir = "templates"
	StaticDir    = "static"
)

// Options says what to build and where.
type Options struct {
	// Source is the site's root: content/, templates/ and static/ are read
	// from it.
	Source fs.FS
	// Destination is the output folder on disk.
	Destination string
	// Config is the site config; nil means read config.File from Source
	// (the defaults when there is none).
	Config *config.Config
	// BaseURL overrides the config's base URL, the URL the site is
	// published at, unless it is "".
	BaseURL string
	// Publish decides which stories are in the site, at the build's clock.
	Publish site.Publish
	// CardCache is the folder that keeps the share images drawn
	// (internal/card), outside the destination; "" draws them all.
	CardCache string
}

// Result counts what a build did.
type Result struct {
	Articles, Topics int
	output.Stats
	Cards   card.Stats
	Elapsed time.Duration
	// Schedule is what goes out or comes down after the build's clock.
	Schedule site.Schedule
	// Warnings stopped nothing but are worth telling: tags past the cap,
	// a base URL without a host.
	Warnings diag.List
}

// Pages is the number of files in the new site.
func (r Result) Pages() int { return r.Written + r.Unchanged }

func (r Result) String() string {
	s := fmt.Sprintf("built %d files (%d articles, %d topics) in %v: %d written, %d unchanged, %d removed",
		r.Pages(), r.Articles, r.Topics, r.Elapsed.Round(time.Millisecond), r.Written, r.Unchanged, r.Removed)
	if n := r.Schedule.Scheduled; n > 0 {
		s += fmt.Sprintf("; %d scheduled, the next at %s", n, r.Schedule.Next.Format(time.RFC3339))
	}
	return s + fmt.Sprintf("\nshare images: %d drawn, %d from the cache", r.Cards.Drawn, r.Cards.Cached)
}

// Build builds the site. Errors in the sources are reported together (a
// diag.List) and leave the destination as it was.
func Build(opts Options) (Result, error) {
	start := time.Now()
	var warns diag.List
	s, sidebars, r, sched, err := prepare(opts, &warns)
	if err != nil {
		return Result{}, err
	}
	w, err := output.Begin(opts.Destination)
	if err != nil {
		return Result{}, err
	}
	if err := write(opts.Source, s, sidebars, r, w); err != nil {
		w.Abort()
		return Result{}, err
	}
	cache := card.OpenCache(opts.CardCache)
	if err := card.Write(card.Entries(r.Config, s), cache, w.WriteFile); err != nil {
		w.Abort()
		return Result{}, err
	}
	stats, err := w.Commit()
	if err != nil {
		return Result{}, err
	}
	if err := cache.Prune(); err != nil {
		return Result{}, err
	}
	return Result{Articles: len(s.Articles), Topics: len(s.Topics), Stats: stats, Cards: cache.Stats(), Elapsed: time.Since(start), Schedule: sched, Warnings: warns}, nil
}

// prepare loads and checks everything a build needs before anything is
// written, reporting content and template errors together. The articles'
// sidebars are left to the returned function (see site.Start). Warnings
// are added to warns.
func prepare(opts Options, warns *diag.List) (*site.Site, func(), *render.Renderer, site.Schedule, error) {
	var none site.Schedule
	cfg, err := siteConfig(opts)
	if err != nil {
		return nil, nil, nil, none, err
	}
	routes, err := route.New(cfg.BaseURL)
	if err != nil {
		return nil, nil, nil, none, err
	}
	if !routes.Absolute() {
		warns.Add("", 0, "base URL %q has no scheme and host: feeds, sitemaps and canonical links need an absolute URL such as https://example.github.io/digest/ (set baseURL in %s or --base-url)", cfg.BaseURL, config.File)
	}
	docs, loadErr := content.Load(opts.Source, ContentDir)
	*warns = append(*warns, content.CapTags(docs, cfg.Limits.TagsPerArticle)...)
	r, tmplErr := render.New(opts.Source, TemplatesDir)
	var errs diag.List
	errs.Append(ContentDir, loadErr)
	errs.Append("", tmplErr) // html/template names the file and line
	if err := errs.Err(); err != nil {
		return nil, nil, nil, none, err
	}
	pub := opts.Publish
	pub.Zone = cfg.Location()
	s, sidebars, err := pub.Start(docs, routes)
	if err != nil {
		return nil, nil, nil, none, err
	}
	r.Config = cfg
	return s, sidebars, r, pub.Schedule(docs), nil
}

// siteConfig is opts.Config, or the config file of opts.Source, with the
// base URL of opts over it.
func siteConfig(opts Options) (*config.Config, error) {
	cfg := opts.Config
	if cfg == nil {
		var err error
		if cfg, err = config.Load(opts.Source, config.File); err != nil {
			return nil, err
		}
	}
	if opts.BaseURL != "" {
		c := *cfg
		if err := c.SetBaseURL(opts.BaseURL); err != nil {
			return nil, err
		}
		cfg = &c
	}
	return cfg, nil
}

// write renders every page, makes the feeds and the files for search
// engines and GitHub Pages, and copies every static file into w.
//
// The pages are rendered, and then the feeds made, each on every CPU. One
// after the other, the build holds the feeds' items or the pages' shared
// fragments, never both: side by side, on two CPUs, they were no faster
// and their heap peaked a sixth higher (242-259 MB against 209-217 MB at
// 10,000 articles). The pages without a sidebar are rendered while
// sidebars makes the articles' sidebars.
func write(src fs.FS, s *site.Site, sidebars func(), r *render.Renderer, w *output.Writer) error {
	if err := r.SiteWhile(s, sidebars, w.WriteFile); err != nil {
		return err
	}
	return publishAndCopy(src, s, r, w)
}

// publishAndCopy makes the files of Publish and copies every static file
// into w.
func publishAndCopy(src fs.FS, s *site.Site, r *render.Renderer, w *output.Writer) error {
	if err := Publish(r.Config, s, w.WriteFile); err != nil {
		return err
	}
	return fs.WalkDir(src, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == StaticDir {
			return fs.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return w.WriteFile(path.Join(p[len(StaticDir)+1:]), data)
	})
}

// Publish makes what feed readers, search engines, the site's own search
// and GitHub Pages read: the feeds, the sitemaps and robots.txt, the search
// index, .nojekyll (serve the files as
// they are) and CNAME for a custom domain, passing each file to emit. The
// preview server (internal/live) serves the same files.
func Publish(c *config.Config, s *site.Site, emit func(file string, data []byte) error) error {
	if err := feed.Write(c, s, emit); err != nil {
		return err
	}
	if err := sitemap.Write(c, s, emit); err != nil {
		return err
	}
	if err := search.Write(s, emit); err != nil {
		return err
	}
	if err := emit(".nojekyll", nil); err != nil {
		return err
	}
	if c.Domain == "" {
		return nil
	}
	return emit("CNAME", []byte(c.Domain+"\n"))
}
