// Package convert turns the seeds in SOURCE/seeds into content files in
// SOURCE/content: one Markdown file with front matter per seed.
//
// Converting is repeatable. A content file remembers its seed (the "seed"
// key), so a later run finds it whatever its name, and keeps its slug and
// date: URLs stay stable when a headline changes, and the digest never
// reorders. A file that would come out the same is not written at all, and a
// file an editor changed by hand is left alone unless forced.
//
// Seeds are converted on as many goroutines as there are CPUs, and the
// outcome is that of converting them one after the other in file-name order:
// the same files, slugs, report and warnings.
//
// Each file is written to a temporary file and renamed into place, so a run
// that is killed leaves every content file whole: the old one or the new.
// Files are not synced to disk one by one, which cost a wait for the disk
// per file; instead Run syncs once at the end (syncfs(2) on Linux), so that
// when it returns without error everything it wrote is on disk, names
// included. A machine that crashes during a run can lose files of that run,
// or leave them empty; content/ is derived from seeds/, and the next run
// reports a file that no longer parses, to be removed and converted again.
package convert

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/seed"
	"github.com/t4k3news/digest/internal/sourcefs"
	"github.com/t4k3news/digest/internal/tags"
)

// Options controls a conversion.
type Options struct {
	// Source is the site folder holding seeds/ and content/.
	Source string
	// Force overwrites content files that were edited by hand.
	Force bool
	// Date stamps articles converted for the first time. If it is zero, the
	// seed file's modification time is used.
	Date time.Time
	// Limits caps the size of a seed and a content file. If it is zero, it
	// is the site config's (limits: in digest.yaml, whose zero fields take
	// sourcefs's defaults).
	Limits sourcefs.Limits
	// Subjects is the vocabulary of subject tags. If it is nil, it is the
	// site config's (Source/digest.yaml, or the default without one), so
	// that every driver tags with the site's vocabulary.
	Subjects []tags.Subject
	// Seeds, unless nil, are the only seeds to convert, as slash paths
	// relative to Source ("seeds/x.txt"): those an editor just saved. A
	// path that is no seed file, or is gone, converts nothing.
	Seeds []string
	// Memo, unless nil, keeps what the content files held from one run to
	// the next, so that a run parses only the files changed since.
	Memo *Memo
}

// siteSource opens the site's folder through sourcefs and, where opts
// leaves them out, takes the subjects and the size caps from its config
// file, read once and through the same caps as every other source file, so
// that every driver converts alike.
func siteSource(opts *Options) (*sourcefs.FS, error) {
	src, err := sourcefs.New(opts.Source, opts.Limits)
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	if opts.Subjects != nil && opts.Limits != (sourcefs.Limits{}) {
		return src, nil
	}
	cfg, err := config.Load(src, config.File)
	if err != nil {
		return nil, err
	}
	if opts.Subjects == nil {
		opts.Subjects = cfg.Subjects
	}
	if opts.Limits == (sourcefs.Limits{}) {
		opts.Limits = cfg.Limits.Files()
		src = src.WithLimits(opts.Limits)
	}
	return src, nil
}

// Report says what a conversion did. Paths are Source joined with
// "content/<slug>.md".
type Report struct {
	Written   []string // content files written
	Unchanged []string // content files already up to date, not rewritten
	Skipped   []string // content files edited by hand, left alone
	Removed   []string // content files moved to their new slug's name
	// Warnings are worth telling the user but stop nothing: fields derived
	// for a seed that lacks them, renamed slugs, skipped files.
	Warnings diag.List
}

// Run converts every SOURCE/seeds/*.txt, in file-name order. A bad seed does
// not stop the others: its problem is collected into the returned error, a
// diag.List. Other errors (an unreadable folder, a failed write) are
// returned wrapped; they stop the run at that seed, though files of later
// seeds already being written when a write fails are finished, and listed.
func Run(opts Options) (*Report, error) {
	seeds, err := seedFiles(opts)
	if err != nil || len(seeds) == 0 && opts.Seeds != nil {
		return &Report{}, err
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("convert: no seeds in %s", filepath.Join(opts.Source, "seeds"))
	}
	dir := filepath.Join(opts.Source, "content")
	if err := checkContentDir(opts.Source, dir); err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	src, err := siteSource(&opts)
	if err != nil {
		return nil, err
	}
	c := &converter{opts: opts, dir: dir, src: src, vocab: tags.NewVocabulary(opts.Subjects)}
	rep := &Report{}
	var errs diag.List
	if c.existing, err = scan(c.dir, c.readFile, &errs, &rep.Warnings, opts.Memo); err != nil {
		return nil, err
	}
	if err := c.moveRenamed(c.existing, rep, &errs); err != nil {
		return rep, err
	}
	if c.withdrawn, err = readWithdrawn(c.dir, c.readFile); err != nil {
		return rep, err // never risk bringing a withdrawn story back
	}
	results := make([]result, len(seeds)) // Glob sorts by name
	c.all(seeds, results)
	if err := collect(rep, &errs, results); err != nil {
		return rep, err
	}
	if err := recordWithdrawn(c.dir, c.withdrawn, c.existing); err != nil {
		return rep, err
	}
	if len(rep.Written) > 0 {
		if err := flush(c.dir, rep.Written); err != nil {
			return rep, err
		}
	}
	return rep, errs.Err()
}

// seedFiles returns the seed files to convert, sorted: opts.Seeds that
// are seed files and exist, or every seed.
func seedFiles(opts Options) ([]string, error) {
	all, err := filepath.Glob(filepath.Join(opts.Source, "seeds", "*.txt"))
	if err != nil || opts.Seeds == nil {
		return all, wrap(err)
	}
	var seeds []string
	for _, p := range opts.Seeds {
		name := filepath.Join(opts.Source, filepath.FromSlash(p))
		if slices.Contains(all, name) {
			seeds = append(seeds, name)
		}
	}
	slices.Sort(seeds)
	return slices.Compact(seeds), nil
}

func wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("convert: %w", err)
}

// converter holds the state of one Run.
type converter struct {
	opts     Options
	dir      string // the content folder
	src      *sourcefs.FS
	existing *existing
	// withdrawn is the record of the stories withdrawn for good, by seed.
	withdrawn map[string]withdrawnStory
	vocab     *tags.Vocabulary
	// stop is set by an error that stops the run; seeds whose turn comes
	// after it are left alone.
	stop atomic.Bool
}

// result is what became of one seed.
type result struct {
	path    string // its content file
	outcome outcome
	err     error     // the seed's problem, collected
	warns   diag.List // in the order they arose
	fatal   error     // an error that stops the run
}

type outcome int

const (
	none outcome = iota
	written
	unchanged
	skipped
)

// collect adds the results to rep and errs in seed order, as converting
// the seeds one after the other would have, and returns the first error
// that stopped the run.
func collect(rep *Report, errs *diag.List, results []result) error {
	var fatal error
	for _, r := range results {
		errs.Append(r.path, r.err)
		rep.Warnings = append(rep.Warnings, r.warns...)
		switch r.outcome {
		case written:
			rep.Written = append(rep.Written, r.path)
		case unchanged:
			rep.Unchanged = append(rep.Unchanged, r.path)
		case skipped:
			rep.Skipped = append(rep.Skipped, r.path)
		}
		if fatal == nil {
			fatal = r.fatal
		}
	}
	return fatal
}

// prepare reads and parses the seed at path and returns its document, with
// the slug its title gives and without a date, or nil after recording in r
// why there is none. It depends on no other seed.
func (c *converter) prepare(path string, r *result) *content.Document {
	data, err := c.readFile(path)
	if _, refused := err.(*diag.Error); refused {
		r.path, r.err = path, err
		return nil
	}
	if err != nil {
		r.fatal = fmt.Errorf("convert: %w", err)
		return nil
	}
	a, err := seed.Parse(path, data)
	if err != nil {
		r.path, r.err = path, err
		return nil
	}
	return document(a, c.vocab, &r.warns)
}

// readFile reads the file at path, inside the site's folder, as sourcefs
// does: a file that is not a regular file, or is over its cap, or a link
// out of the folder, is a *diag.Error naming path.
func (c *converter) readFile(path string) ([]byte, error) {
	rel, err := filepath.Rel(c.opts.Source, path)
	if err != nil {
		return nil, err
	}
	data, err := c.src.ReadFile(filepath.ToSlash(rel))
	if d, ok := err.(*diag.Error); ok {
		d.File = path
	}
	return data, err
}

// place gives doc its path, slug and date: those of its earlier content
// file, or a free slug and the date of a first conversion. It returns that
// earlier file, if any. Slugs are claimed in seed order, so place must be
// called in that order.
func (c *converter) place(path string, doc *content.Document, r *result) (old *content.Document) {
	old = c.existing.bySeed[doc.Meta.Seed]
	if old != nil {
		doc.Path, doc.Meta.Slug, doc.Meta.Date = old.Path, old.Meta.Slug, old.Meta.Date
		keepDesk(&doc.Meta, &old.Meta)
	} else if !c.placeWithdrawn(path, doc, r) {
		doc.Meta.Slug = c.existing.claim(path, doc.Meta.Slug, &r.warns)
		doc.Path = filepath.Join(c.dir, doc.Meta.Slug+".md")
	}
	if doc.Meta.Date.IsZero() {
		var err error
		if doc.Meta.Date, err = c.date(path); err != nil {
			r.fatal = err
		}
	}
	return old
}

// date is the date of an article converted for the first time.
func (c *converter) date(path string) (time.Time, error) {
	if !c.opts.Date.IsZero() {
		return c.opts.Date.UTC(), nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return time.Time{}, fmt.Errorf("convert: %w", err)
	}
	return fi.ModTime().UTC().Truncate(time.Second), nil
}

// write writes doc unless its file already holds the same bytes, or was
// edited by hand and Force is off.
func (c *converter) write(doc *content.Document, old *content.Document, r *result) {
	data := content.Marshal(doc)
	r.path = doc.Path
	// A seed converted before has its file; one new to the run has a slug
	// that no file in the folder had (see claim), so nothing to compare.
	if old != nil {
		if cur, err := os.ReadFile(doc.Path); err == nil && string(cur) == string(data) {
			r.outcome = unchanged
			return
		}
	}
	if old != nil && old.Edited() && !c.opts.Force {
		r.outcome = skipped
		r.warns.Add(doc.Path, 0, "edited by hand; not converted again from %s (use --force to overwrite)", doc.Meta.Seed)
		return
	}
	if err := writeFile(doc.Path, data); err != nil {
		r.fatal = err
		c.stop.Store(true)
		return
	}
	r.outcome = written
}
