// Package convert turns the seeds in SOURCE/seeds into content files in
// SOURCE/content: one Markdown file with front matter per seed.
//
// Converting is repeatable. A content file remembers its seed (the "seed"
// key), so a later run finds it whatever its name, and keeps its slug and
// date: URLs stay stable when a headline changes, and the digest never
// reorders. A file that would come out the same is not written at all, and a
// file an editor changed by hand is left alone unless forced.
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
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/seed"
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
}

// Report says what a conversion did. Paths are Source joined with
// "content/<slug>.md".
type Report struct {
	Written   []string // content files written
	Unchanged []string // content files already up to date, not rewritten
	Skipped   []string // content files edited by hand, left alone
	// Warnings are worth telling the user but stop nothing: fields derived
	// for a seed that lacks them, renamed slugs, skipped files.
	Warnings diag.List
}

// Run converts every SOURCE/seeds/*.txt, in file-name order. A bad seed does
// not stop the others: its problem is collected into the returned error, a
// diag.List. Other errors (an unreadable folder, a failed write) are
// returned wrapped.
func Run(opts Options) (*Report, error) {
	seeds, err := filepath.Glob(filepath.Join(opts.Source, "seeds", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("convert: no seeds in %s", filepath.Join(opts.Source, "seeds"))
	}
	c := &converter{opts: opts, report: &Report{}}
	if c.existing, err = scan(filepath.Join(opts.Source, "content"), &c.errs, &c.report.Warnings); err != nil {
		return nil, err
	}
	for _, s := range seeds { // Glob sorts by name
		if err := c.convert(s); err != nil {
			return c.report, err
		}
	}
	if len(c.report.Written) > 0 {
		if err := flush(filepath.Join(opts.Source, "content"), c.report.Written); err != nil {
			return c.report, err
		}
	}
	return c.report, c.errs.Err()
}

// converter holds the state of one Run.
type converter struct {
	opts     Options
	report   *Report
	existing *existing
	errs     diag.List
}

// convert converts the seed at path. Problems with the seed are collected;
// the error returned is for what must stop the run.
func (c *converter) convert(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	a, err := seed.Parse(path, data)
	if err != nil {
		c.errs.Append(path, err)
		return nil
	}
	doc := c.document(a)
	old := c.existing.bySeed[doc.Meta.Seed]
	if old != nil {
		doc.Path, doc.Meta.Slug, doc.Meta.Date = old.Path, old.Meta.Slug, old.Meta.Date
	} else {
		doc.Meta.Slug = c.existing.claim(a.Name, doc.Meta.Slug, &c.report.Warnings)
		doc.Path = filepath.Join(c.opts.Source, "content", doc.Meta.Slug+".md")
	}
	if doc.Meta.Date.IsZero() {
		if doc.Meta.Date, err = c.date(path); err != nil {
			return err
		}
	}
	return c.write(doc, old)
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
func (c *converter) write(doc *content.Document, old *content.Document) error {
	data := content.Marshal(doc)
	r := c.report
	if cur, err := os.ReadFile(doc.Path); err == nil && string(cur) == string(data) {
		r.Unchanged = append(r.Unchanged, doc.Path)
		return nil
	}
	if old != nil && old.Edited() && !c.opts.Force {
		r.Skipped = append(r.Skipped, doc.Path)
		r.Warnings.Add(doc.Path, 0, "edited by hand; not converted again from %s (use --force to overwrite)", doc.Meta.Seed)
		return nil
	}
	if err := writeFile(doc.Path, data); err != nil {
		return err
	}
	r.Written = append(r.Written, doc.Path)
	return nil
}
