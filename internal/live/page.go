package live

import (
	"bytes"
	"fmt"
	"io/fs"
	"sync"

	"github.com/t4k3news/digest/internal/output"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/site"
)

// outputs are the entries of one version of the site, by output file, and
// the files of the entries that write several, made once per version.
type outputs struct {
	version int // the version they are of; 0 for none
	byPath  map[string]*plan.Entry
	// unnamed are the entries whose files are known only once made (the
	// search index's shards); unnamedMade says they are in files.
	unnamed     []*plan.Entry
	unnamedMade bool
	// complete says that every article's sidebar is made for the version,
	// for the entries that read other articles' sidebars.
	complete bool
	files    map[string][]byte
	errs     map[string]error // why a file of files was not made
}

// File returns the bytes of the output file name, a slash path relative to
// the output folder such as "news/x/index.html" or "style.css", rendering
// it from the current site through its entry of internal/plan. A name
// that is no file of the site gives an error wrapping fs.ErrNotExist; a
// page that fails to render gives the renderer's error, which names the
// template and line.
func (e *Engine) File(name string) ([]byte, error) {
	for {
		e.mu.RLock()
		entry, ready := e.ready(name)
		if !ready {
			e.mu.RUnlock()
			e.prepare(name)
			continue
		}
		defer e.mu.RUnlock()
		o := &e.outputs
		if data, ok := o.files[name]; ok {
			return data, o.errs[name]
		}
		if entry == nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		var data []byte
		err := entry.Render(func(_ string, b []byte) error { data = b; return nil })
		return data, err
	}
}

// ready returns the entry of name, and whether what it needs is made for
// the current version: the entries, the sidebars it reads, the files of an
// entry that writes several. The caller holds e.mu.
func (e *Engine) ready(name string) (*plan.Entry, bool) {
	o := &e.outputs
	if o.version != e.version {
		return nil, false
	}
	if _, ok := o.files[name]; ok {
		return nil, true
	}
	entry := o.byPath[name]
	switch {
	case entry == nil:
		return nil, o.unnamedMade
	case entry.Reads.Parts&plan.Sidebars != 0 && !o.complete:
		return nil, false
	}
	return entry, len(entry.Paths) == 1
}

// prepare makes what the entry of name needs for the current version.
func (e *Engine) prepare(name string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	o := &e.outputs
	if o.version != e.version {
		*o = outputs{version: e.version, byPath: make(map[string]*plan.Entry),
			files: make(map[string][]byte), errs: make(map[string]error)}
		for _, entry := range plan.List(e.plan(e.model.Sidebar)) {
			if entry.Paths == nil {
				o.unnamed = append(o.unnamed, &entry)
			}
			for _, p := range entry.Paths {
				if o.byPath[p] != nil {
					o.files[p], o.errs[p] = nil, clash(&entry, p)
					continue
				}
				o.byPath[p] = &entry
			}
		}
	}
	entry := o.byPath[name]
	switch {
	case entry == nil && !o.unnamedMade:
		for _, u := range o.unnamed {
			o.make(u)
		}
		o.unnamedMade = true
	case entry == nil:
	case entry.Reads.Parts&plan.Sidebars != 0 && !o.complete:
		e.model.Complete()
		o.complete = true
	case len(entry.Paths) > 1:
		o.make(entry)
	}
}

// clash is the error of entry, the second to make the file p, as a build
// reports it: the static kind comes last, so this is a file of static/ or
// an image of content/ at the path of a file the site makes, and its
// entry names it.
func clash(entry *plan.Entry, p string) error {
	dup := fmt.Errorf("output: %w %q", output.ErrDuplicate, p)
	if err := entry.Render(func(string, []byte) error { return dup }); err != nil {
		return err
	}
	return dup
}

// make renders an entry that writes several files into o.files, or its
// error into o.errs for each file it names.
func (o *outputs) make(entry *plan.Entry) {
	err := entry.Render(func(p string, data []byte) error {
		o.files[p] = bytes.Clone(data)
		return nil
	})
	for _, p := range entry.Paths {
		if _, ok := o.files[p]; !ok || err != nil {
			o.files[p], o.errs[p] = nil, err
		}
	}
}

// plan returns the model that the outputs of the current version are made
// from. The caller holds e.mu.
func (e *Engine) plan(sidebar func(*site.Article) *site.Article) *plan.Model {
	return &plan.Model{Config: e.cfg, Site: e.model.Site(), Pages: e.r, Static: e.statics, Cards: e.cards, Sidebar: sidebar}
}

// All renders every output of the site, as a build does, and passes each
// to emit. It is for checking the engine against a build, and costs a
// whole render. emit is called by one goroutine at a time.
func (e *Engine) All(emit func(name string, data []byte) error) error {
	e.mu.Lock() // Complete writes every article's sidebar
	defer e.mu.Unlock()
	e.model.Complete()
	m := e.plan(nil)
	m.Pages = e.r.ForSite()
	var emitting sync.Mutex
	return plan.Build(m, func(name string, data []byte) error {
		emitting.Lock()
		defer emitting.Unlock()
		return emit(name, bytes.Clone(data)) // pages' memory is reused
	})
}
