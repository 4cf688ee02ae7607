// Package live keeps a site in memory for the preview server and brings it
// up to date as its sources change, in time that depends on what changed,
// not on the size of the site.
//
// An Engine holds the parsed content files, the templates, the static files
// and the site model ([site.Live]). [Engine.Apply] re-reads only the changed
// source files and updates the model in place; pages are rendered when they
// are asked for ([Engine.File]), so an edit costs nothing for pages nobody
// looks at. After any sequence of changes every file the engine serves is
// byte for byte the file a fresh build of the same sources writes.
//
// A change that breaks the sources (bad front matter, a template that does
// not parse, two articles with one slug) is reported and leaves the engine
// serving the last good site; the broken files stay pending until a later
// change fixes them. A site that never loaded is loaded again, whole, on
// each change until it does.
package live

import (
	"crypto/sha256"
	"io/fs"
	"net/url"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/convert"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/render"
	"github.com/t4k3news/digest/internal/search"
	"github.com/t4k3news/digest/internal/site"
	"github.com/t4k3news/digest/internal/sitemap"
	"github.com/t4k3news/digest/internal/sourcefs"
)

// Options says which site to keep.
type Options struct {
	// Root is the site's folder on disk.
	Root string
	// BaseURL overrides the config's base URL unless it is "".
	BaseURL string
	// Publish says which stories are in the site (the preview shows
	// drafts); its clock is Now, read when the site is loaded.
	Publish site.Publish
	Now     func() time.Time
}

// Engine is a site kept in memory. Its methods are safe for concurrent use,
// except that Apply calls must not overlap.
type Engine struct {
	opts Options
	src  *sourcefs.FS // the site's folder, with the default caps
	fsys fs.FS        // the same, with the caps of the site's config

	// The sources as they are on disk, good or bad; only Apply uses them.
	sums    map[string][sha256.Size]byte // file → checksum of what was read
	docs    map[string]*content.Document // content file → its document
	bad     map[string]error             // source file → why it is broken
	pending map[string]bool              // content files not yet in the model

	mu      sync.RWMutex // guards what pages are rendered from
	cfg     *config.Config
	model   *site.Live
	r       *render.Renderer
	statics []load.Static
	static  map[string][]byte // output file → bytes

	cards    *card.Cache   // the share images drawn, beside the sources
	search   *search.Memo  // the stories' words, for Render's search index
	sitemap  *sitemap.Memo // the pages' entries, for Render's sitemaps
	sidebars *plan.SumMemo // the sums of the sidebars, for Render's picks
	content  *convert.Memo // what convert read of the content files
	warns    diag.List     // about the sources read by the last Load or Apply

	version int       // counts the changes to the site
	changed [16]int   // by bit of plan.Part: the version it last changed at
	marks   []mark    // the model's marks at the last versions
	nav     uint64    // plan.NavSum of the site
	due     time.Time // when the site next changes by the clock
	// timed are the documents of the model that may change the site by
	// its clock (a story due out, one that expires), by path.
	timed   map[string]*content.Document
	outputs outputs // what is served of the version
}

// New returns an engine for the site in opts.Root. Call Load before use.
func New(opts Options) *Engine {
	e := &Engine{opts: opts, cards: card.OpenCache(filepath.Join(opts.Root, ".cache", "cards")), search: search.NewMemo(), sitemap: sitemap.NewMemo(), sidebars: plan.NewSumMemo(), content: convert.NewMemo()}
	e.clearSources()
	return e
}

func (e *Engine) clearSources() {
	e.sums, e.docs = make(map[string][sha256.Size]byte), make(map[string]*content.Document)
	e.bad, e.pending = make(map[string]error), make(map[string]bool)
}

// Load reads the whole site through load.Load, as a build does. On error
// the engine serves nothing, and the next Apply calls Load again. Files
// are read through sourcefs, so that no symbolic link leads out of the
// site's folder and no pipe or device is read.
func (e *Engine) Load() error {
	if e.src == nil {
		src, err := sourcefs.New(e.opts.Root, sourcefs.Limits{})
		if err != nil {
			return err
		}
		e.src, e.fsys = src, src
	}
	cfg, err := load.Config(e.src, load.Options{BaseURL: e.opts.BaseURL})
	if err != nil {
		return err
	}
	e.fsys = e.src.WithLimits(cfg.Limits.Files())
	in, err := load.Load(e.fsys, load.Options{Config: cfg})
	if err != nil {
		return err
	}
	pub := e.publish()
	pub.Zone, pub.Config, pub.Images = in.Config.Location(), in.Config, load.Images(in.Static)
	model, err := pub.NewLive(in.Docs, in.Routes)
	if err != nil {
		return err
	}
	model.Site().SetPagerSize(in.Config.Pagination.PagerSize)
	e.clearSources()
	for _, d := range in.Docs {
		e.docs[d.Path] = d
	}
	e.warns = slices.DeleteFunc(slices.Clone(in.Warnings), func(w *diag.Error) bool {
		return w.File == "" // about the build, such as a base URL without a host: a preview is local
	})
	e.mu.Lock()
	e.cfg, e.model, e.r = in.Config, model, in.Templates
	e.setStatic(in.Static)
	e.nav = plan.NavSum(model.Site())
	e.bump(^plan.Part(0))
	e.retime(in.Docs)
	e.mu.Unlock()
	return nil
}

// Warnings are the warnings about the sources that the last Load read,
// such as a story's image without alt text, or nil; Apply returns those
// of the files it reads in its Result.
func (e *Engine) Warnings() error { return e.warns.Err() }

// setStatic keeps the static files, listed and by name.
func (e *Engine) setStatic(files []load.Static) {
	e.statics, e.static = files, make(map[string][]byte, len(files))
	for _, f := range files {
		e.static[f.Name] = f.Data
	}
}

// publish is the rule of the options at the engine's clock.
func (e *Engine) publish() site.Publish {
	p := e.opts.Publish
	if e.opts.Now != nil {
		p.Now = e.opts.Now()
	}
	return p
}

// loaded reports whether a Load has succeeded.
func (e *Engine) loaded() bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.model != nil
}

// Stats describes the site being served.
func (e *Engine) Stats() (articles, topics int) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	s := e.model.Site()
	return len(s.Articles), len(s.Topics)
}

// BasePath is the path of the site's base URL, ending in "/": "/" or
// "/digest/".
func (e *Engine) BasePath() string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	u, err := url.Parse(e.model.Site().Routes.Base())
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}
