// Package load reads a site's source tree into [Inputs]: the site config,
// the content files, the templates and the static files, each with a hash
// of its bytes. It is the one place that names the source folders, and
// every driver (build, build --watch, serve) calls [Load]; nothing else
// walks them. The hashes let a driver tell what changed since the last
// load without comparing bytes.
package load

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/picture"
	"github.com/t4k3news/digest/internal/render"
	"github.com/t4k3news/digest/internal/route"
)

// Folders and files of a site's source, relative to its root.
const (
	SeedsDir     = "seeds"
	ContentDir   = "content"
	TemplatesDir = "templates"
	StaticDir    = "static"
	ConfigFile   = config.File
)

// Watched are the folders that the watching drivers watch, besides
// ConfigFile.
var Watched = []string{SeedsDir, ContentDir, TemplatesDir, StaticDir}

// Sum is the hash of a source file's bytes.
type Sum = [sha256.Size]byte

// Options says how to read the sources.
type Options struct {
	// Config is the site config; nil means read ConfigFile (the defaults
	// when there is none).
	Config *config.Config
	// BaseURL overrides the config's base URL unless it is "".
	BaseURL string
}

// Inputs are a site's sources, read and checked: everything a site model
// and its outputs are made from.
type Inputs struct {
	Config *config.Config
	Routes *route.Site
	// Docs are the content files, sorted by path.
	Docs []*content.Document
	// Templates are the parsed templates, Templates.Config set.
	Templates *render.Renderer
	// Static are the static files, sorted by name.
	Static []Static
	// Warnings stopped nothing but are worth telling: tags past the cap,
	// a base URL without a host.
	Warnings diag.List
	// ConfigSum hashes the config as used, flags included; TemplatesSum
	// hashes every template file read.
	ConfigSum, TemplatesSum Sum
}

// Static is one file of the static folder, copied as it is.
type Static struct {
	// Name is the file's path below the static folder, which is also its
	// output file: "style.css".
	Name string
	// Source is the file's path in the site's folder: "static/style.css",
	// "content/news/rates/chart.png".
	Source string
	Data   []byte
	Sum    Sum
}

// Load reads the whole source tree of fsys. Problems in the content and
// the templates are reported together, as a diag.List naming each file
// and line.
func Load(fsys fs.FS, opts Options) (*Inputs, error) {
	cfg, err := Config(fsys, opts)
	if err != nil {
		return nil, err
	}
	routes, err := route.New(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	var warns diag.List
	if !routes.Absolute() {
		warns.Add("", 0, "base URL %q has no scheme and host: feeds, sitemaps and canonical links need an absolute URL such as https://example.github.io/digest/ (set baseURL in %s or --base-url)", cfg.BaseURL, ConfigFile)
	}
	docs, loadErr := content.Load(fsys, ContentDir)
	warns = append(warns, Prepare(docs, cfg)...)
	r, tmplErr := Templates(fsys)
	var errs diag.List
	errs.Append(ContentDir, loadErr)
	errs.Append("", tmplErr) // html/template names the file and line
	if err := errs.Err(); err != nil {
		return nil, err
	}
	static, err := ReadStatic(fsys)
	if err != nil {
		return nil, err
	}
	r.Config = cfg
	in := &Inputs{Config: cfg, Routes: routes, Docs: docs, Templates: r, Static: static, Warnings: warns,
		ConfigSum: ConfigSum(cfg), TemplatesSum: r.Sum()}
	return in, nil
}

// Prepare keeps at most the config's number of tags on each document,
// and returns the warnings about docs: tags dropped, a lead image without
// alt text. Every driver calls it on each document it reads.
func Prepare(docs []*content.Document, cfg *config.Config) diag.List {
	warns := content.CapTags(docs, cfg.Limits.TagsPerArticle)
	for _, d := range docs {
		if im := d.Meta.LeadImage(); im != "" && strings.TrimSpace(d.Meta.ImageAlt) == "" {
			warns.Add(d.Path, d.ImageLine, "image %q has no imageAlt: say what it shows, for readers who cannot see it", im)
		}
	}
	return warns
}

// Config reads the site config of fsys, or takes opts.Config, with the
// base URL of opts over it.
func Config(fsys fs.FS, opts Options) (*config.Config, error) {
	cfg := opts.Config
	if cfg == nil {
		var err error
		if cfg, err = config.Load(fsys, ConfigFile); err != nil {
			return nil, err
		}
	}
	if opts.BaseURL == "" {
		return cfg, nil
	}
	c := *cfg
	if err := c.SetBaseURL(opts.BaseURL); err != nil {
		return nil, err
	}
	return &c, nil
}

// ConfigSum hashes the config as the outputs see it. Its exported fields
// are all of it (the time zone is TimeZone loaded) and, unlike %#v, JSON
// prints no pointer, so the sum is the same from one process to the next.
func ConfigSum(c *config.Config) Sum {
	data, _ := json.Marshal(c) // strings, numbers and lists of them: cannot fail
	return sha256.Sum256(data)
}

// Templates parses the templates folder of fsys.
func Templates(fsys fs.FS) (*render.Renderer, error) {
	return render.New(fsys, TemplatesDir)
}

// ReadStatic reads every file of the static folder, and every image of the
// content folder (a story's image may sit beside it), sorted by name: each
// is copied to the output as it is, at its path below its folder. A site
// without them has no static files. A file that cannot be read (a link
// out of the site's folder, when fsys is a sourcefs.FS), or an image of
// content/ at the path of a file of static/, is an error naming it.
func ReadStatic(fsys fs.FS) ([]Static, error) {
	var files []Static
	from := make(map[string]string) // output name → source file
	read := func(dir string, want func(string) bool) error {
		return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			if err != nil || d.IsDir() || !want(p) {
				return err
			}
			name := p[len(dir)+1:]
			if prev, ok := from[name]; ok {
				return diag.Errorf(p, 0, "the output file %s is also %s", name, prev)
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			from[name] = p
			files = append(files, Static{Name: name, Source: p, Data: data, Sum: sha256.Sum256(data)})
			return nil
		})
	}
	if err := read(StaticDir, func(string) bool { return true }); err != nil {
		return nil, err // it names the file
	}
	if err := read(ContentDir, picture.Is); err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b Static) int { return strings.Compare(a.Name, b.Name) })
	return files, nil
}

// IsImage reports whether a path of the site's root is an image that
// ReadStatic reads: any file of static/, as a story's image may name
// it, and an image of content/.
func IsImage(p string) bool {
	top := Top(p)
	return (top == StaticDir || top == ContentDir) && picture.Is(p)
}

// Images are the sizes of the images among the static files, by name: the
// files a story's image may name.
func Images(static []Static) map[string]picture.Size {
	out := make(map[string]picture.Size)
	for _, f := range static {
		if picture.Is(f.Name) {
			out[f.Name] = picture.Measure(f.Name, f.Data)
		}
	}
	return out
}

// Top names the source a path of the site's root belongs to: one of the
// folders, ConfigFile, or "" for anything else.
func Top(p string) string {
	if p == ConfigFile {
		return p
	}
	top, _, _ := strings.Cut(path.Clean(p), "/")
	if slices.Contains(Watched, top) {
		return top
	}
	return ""
}
