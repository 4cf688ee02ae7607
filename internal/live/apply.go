package live

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/convert"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/picture"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/render"
)

// Result says what one Apply did.
type Result struct {
	// Changed are the source files and folders Apply was told about that
	// exist or existed, sorted, as slash paths relative to the site's
	// root: an editor's temporary files are left out. If it is empty,
	// nothing changed.
	Changed []string
	// Reread counts the content files read again.
	Reread int
	// StyleOnly is true when only stylesheets changed, so that an open
	// page can swap its stylesheet instead of reloading.
	StyleOnly bool
	// Converted are the content files that converting changed seeds wrote.
	Converted []string
	// Warnings are problems that do not stop the site, such as a seed
	// that could not be converted.
	Warnings error
	// Loaded is true when Apply loaded, whole, a site that had never
	// loaded before.
	Loaded bool
}

// Summary names the changed paths briefly: the first and a count.
func (r Result) Summary() string {
	switch len(r.Changed) {
	case 0:
		return "nothing"
	case 1:
		return r.Changed[0]
	}
	return fmt.Sprintf("%s and %d more", r.Changed[0], len(r.Changed)-1)
}

// Apply brings the engine up to date with changes to the files and
// folders at paths, slash paths relative to the site's root such as
// "content/x.md" (other paths are ignored). Changed seeds are converted
// first, as "digest convert" does. If the sources are broken after the
// change, the error lists every problem with its file and line, and the
// engine keeps serving the last good site. On an engine whose Load failed,
// Apply calls Load again.
func (e *Engine) Apply(paths []string) (Result, error) {
	e.warns = nil
	res, err := e.apply(paths)
	if len(e.warns) > 0 {
		var all diag.List
		all.Append("", res.Warnings)
		res.Warnings = append(all, e.warns...).Err()
	}
	return res, err
}

// apply is Apply; the warnings about the content files it reads are left
// in e.warns.
func (e *Engine) apply(paths []string) (Result, error) {
	if !e.loaded() {
		return e.retry(clean(paths))
	}
	res := Result{Changed: e.relevant(clean(paths))}
	res.StyleOnly = len(res.Changed) > 0
	var templates, static, cfg bool
	for _, p := range res.Changed {
		top, _, _ := strings.Cut(p, "/")
		res.StyleOnly = res.StyleOnly && top == load.StaticDir && (path.Ext(p) == ".css" || e.transient(p))
		switch {
		case load.IsImage(p) || top == load.ContentDir && e.holdsImages(p):
			// Stories name images, and each has its size in the model:
			// read the site again, as for a change of the config.
			cfg = true
		case top == load.ContentDir:
			res.Reread += e.readContent(p)
		case top == load.TemplatesDir:
			templates = true
		case top == load.StaticDir:
			static = true
		case p == config.File:
			cfg = true
		}
	}
	e.convert(&res, res.Changed)
	if cfg {
		return res, e.reload()
	}
	if err := e.readStaticFiles(static); err != nil {
		return res, err
	}
	r := e.readTemplates(templates)
	return res, e.commit(r)
}

// relevant keeps the paths that exist or that the engine knows: not an
// editor's temporary file, created and gone between two looks.
func (e *Engine) relevant(paths []string) []string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return slices.DeleteFunc(paths, func(p string) bool {
		if _, err := fs.Stat(e.fsys, p); err == nil {
			return false
		}
		top, _, _ := strings.Cut(p, "/")
		switch top {
		case load.TemplatesDir:
			return path.Ext(p) != ".html" // a template may be gone
		case load.SeedsDir:
			return path.Ext(p) != ".txt"
		case load.StaticDir:
			_, served := e.static[strings.TrimPrefix(p, load.StaticDir+"/")]
			return !served && !isFolderOf(strings.TrimPrefix(p, load.StaticDir+"/"), e.static)
		case load.ContentDir:
			if picture.Is(p) {
				_, served := e.static[strings.TrimPrefix(p, load.ContentDir+"/")]
				return !served
			}
			_, read := e.sums[p]
			return !read && e.docs[p] == nil && e.bad[p] == nil && !isFolderOf(p, e.docs)
		}
		return p != config.File
	})
}

// isFolderOf reports whether p is a folder of any of the files.
func isFolderOf[V any](p string, files map[string]V) bool {
	for f := range files {
		if strings.HasPrefix(f, p+"/") {
			return true
		}
	}
	return false
}

// holdsImages reports whether the path of the site's root is a folder
// with images in it, or was one with images served.
func (e *Engine) holdsImages(dir string) bool {
	found := false
	fs.WalkDir(e.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && picture.Is(p) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	e.mu.RLock()
	defer e.mu.RUnlock()
	return found || isFolderOf(strings.TrimPrefix(dir, load.ContentDir+"/"), e.static)
}

// transient reports whether the static path p is an editor's temporary
// file, gone already and never served.
func (e *Engine) transient(p string) bool {
	if _, err := fs.Stat(e.fsys, p); err == nil {
		return false
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	_, served := e.static[strings.TrimPrefix(p, load.StaticDir+"/")]
	return !served
}

// clean sorts and de-duplicates paths.
func clean(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		out = append(out, path.Clean(filepath.ToSlash(p)))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// retry loads a site that never loaded, after converting changed seeds.
// Without a site to compare with, a path that is gone may be a deleted
// file as well as an editor's temporary one: only if every path is gone
// are they all kept as changed.
func (e *Engine) retry(paths []string) (Result, error) {
	var res Result
	if e.fsys != nil {
		res.Changed = slices.DeleteFunc(slices.Clone(paths), func(p string) bool {
			_, err := fs.Stat(e.fsys, p)
			return err != nil
		})
	}
	if len(res.Changed) == 0 {
		res.Changed = paths
	}
	e.convert(&res, res.Changed)
	if err := e.Load(); err != nil {
		return res, err
	}
	res.Loaded, res.Reread = true, len(e.docs)
	return res, nil
}

// reload reads the whole site again, for a change of the site config.
func (e *Engine) reload() error {
	if err := e.Load(); err != nil {
		e.bad[config.File] = err
		return err
	}
	return nil
}

// convert converts the seeds among the changed paths, as "digest convert"
// would, and reads the content files it wrote: the seeds saved, not every
// seed, unless the seeds folder itself changed.
func (e *Engine) convert(res *Result, changed []string) {
	seeds := seedsIn(changed)
	if len(seeds) == 0 {
		return
	}
	if slices.Contains(seeds, load.SeedsDir) {
		seeds = nil // the folder itself: every seed
	}
	rep, err := convert.Run(convert.Options{Source: e.opts.Root, Seeds: seeds, Memo: e.content})
	res.Warnings = err
	if rep == nil {
		return
	}
	if len(rep.Warnings) > 0 && err == nil {
		res.Warnings = rep.Warnings
	}
	for _, f := range rep.Removed { // moved to their new slug's name
		if rel, err := filepath.Rel(e.opts.Root, f); err == nil {
			res.Reread += e.readContent(filepath.ToSlash(rel))
		}
	}
	for _, f := range rep.Written {
		rel, err := filepath.Rel(e.opts.Root, f)
		if err == nil {
			res.Converted = append(res.Converted, filepath.ToSlash(rel))
			res.Reread += e.readContent(filepath.ToSlash(rel))
		}
	}
}

// seedsIn returns the paths of paths in the seeds folder, or the folder.
func seedsIn(paths []string) []string {
	var seeds []string
	for _, p := range paths {
		if p == load.SeedsDir || strings.HasPrefix(p, load.SeedsDir+"/") {
			seeds = append(seeds, p)
		}
	}
	return seeds
}

// readStaticFiles reads the static files again if they changed.
func (e *Engine) readStaticFiles(changed bool) error {
	if !changed {
		return nil
	}
	static, err := load.ReadStatic(e.fsys)
	if err != nil {
		return err
	}
	e.mu.Lock()
	e.setStatic(static)
	e.bump(plan.Static)
	e.mu.Unlock()
	return nil
}

// readTemplates parses the templates again if they changed, or returns nil.
func (e *Engine) readTemplates(changed bool) *render.Renderer {
	if !changed {
		return nil
	}
	r, err := load.Templates(e.fsys)
	if err != nil {
		e.bad[load.TemplatesDir] = err
		return nil
	}
	delete(e.bad, load.TemplatesDir)
	return r
}

// commit puts the pending changes into the site if the sources are good.
func (e *Engine) commit(r *render.Renderer) error {
	if err := e.problems(); err != nil {
		return err
	}
	var docs []*content.Document
	var remove []string
	for p := range e.pending {
		remove = append(remove, p)
		if d := e.docs[p]; d != nil {
			docs = append(docs, d)
		}
	}
	slices.Sort(remove)
	slices.SortFunc(docs, func(a, b *content.Document) int { return strings.Compare(a.Path, b.Path) })
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.model.Update(docs, remove); err != nil {
		return err
	}
	var parts plan.Part
	if len(e.pending) > 0 {
		parts |= e.storyParts()
	}
	for p := range e.pending {
		e.time(p, e.docs[p])
	}
	clear(e.pending)
	e.schedule()
	if r != nil {
		r.Config = e.cfg
		e.r = r
		parts |= plan.Templates
	}
	e.bump(parts)
	return nil
}

// problems lists what is wrong with the sources, or returns nil.
func (e *Engine) problems() error {
	var list diag.List
	for p, err := range e.bad {
		list.Append(p, err)
	}
	return list.Err()
}

// readContent reads the content file or folder p again, marking what
// changed as pending, and returns how many files it read.
func (e *Engine) readContent(p string) int {
	info, err := fs.Stat(e.fsys, p)
	switch {
	case err == nil && info.IsDir():
		return e.readContentDir(p)
	case err == nil:
		if isContent(p) {
			return e.readContentFile(p)
		}
		return 0
	}
	if _, ok := e.sums[p]; ok || e.docs[p] != nil || e.bad[p] != nil {
		e.forget(p) // a file that is gone: no other file is under it
		return 0
	}
	for _, known := range slices.Concat(slices.Collect(maps.Keys(e.docs)), slices.Collect(maps.Keys(e.bad))) {
		if known == p || strings.HasPrefix(known, p+"/") {
			e.forget(known) // a file or folder that is gone
		}
	}
	return 0
}

func (e *Engine) readContentDir(dir string) int {
	n := 0
	fs.WalkDir(e.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && p != dir && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		case !d.IsDir() && isContent(p):
			n += e.readContentFile(p)
		}
		return nil
	})
	return n
}

// isContent reports whether p, a path below the content folder, is a
// content file.
func isContent(p string) bool {
	return content.IsFile(strings.TrimPrefix(p, load.ContentDir+"/"))
}

func (e *Engine) readContentFile(p string) int {
	data, err := fs.ReadFile(e.fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		e.forget(p)
		return 0
	}
	sum := sha256.Sum256(data)
	if old, ok := e.sums[p]; ok && old == sum && err == nil {
		return 0 // an editor's second event for one save
	}
	e.sums[p], e.pending[p] = sum, true
	delete(e.docs, p)
	delete(e.bad, p)
	if err == nil {
		e.docs[p], err = content.Parse(p, data)
	}
	if err == nil && e.cfg != nil {
		e.warns = append(e.warns, load.Prepare([]*content.Document{e.docs[p]}, e.cfg)...)
	}
	if err != nil {
		e.bad[p] = err
	}
	return 1
}

// forget drops a content file that was deleted.
func (e *Engine) forget(p string) {
	e.pending[p] = true
	delete(e.docs, p)
	delete(e.bad, p)
	delete(e.sums, p)
}
