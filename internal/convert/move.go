package convert

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/route"
)

// A converted content file is named after its story's slug:
// content/<slug>.md. When an editor changes the slug, the name still holds
// the old one, and that is all there is to tell where the story was: moveRenamed then adds the old address to the story's aliases,
// so its old links redirect to the new page, and renames the file after the
// new slug, so that a later rename is caught as well.

// moveRenamed moves every content file in ex whose slug is not its name,
// recording what it did in rep. The files are edited ones (a slug changed
// by hand), and only their aliases change. A move that cannot be made is
// an error for that file; the others go on.
func (c *converter) moveRenamed(ex *existing, rep *Report, errs *diag.List) error {
	for _, doc := range ex.renamed() {
		old := strings.TrimSuffix(filepath.Base(doc.Path), ".md")
		target := filepath.Join(c.dir, doc.Meta.Slug+".md")
		if _, err := os.Lstat(target); err == nil {
			errs.Add(doc.Path, 0, "slug %q is not the file's name, and %s is taken: rename the file by hand", doc.Meta.Slug, target)
			continue
		}
		if err := move(doc, old, target, c.readFile); err != nil {
			return err
		}
		rep.Warnings.Add(doc.Path, 0, "slug changed from %q to %q: moved to %s, with %s in its aliases so that old links still work",
			old, doc.Meta.Slug, target, route.ArticlePath(old))
		rep.Written = append(rep.Written, target)
		rep.Removed = append(rep.Removed, doc.Path)
		delete(ex.taken, old)
		ex.taken[doc.Meta.Slug] = target
		doc.Path = target
	}
	return nil
}

// renamed returns the documents converted from a seed whose slug is not
// their file name, in path order. A file written by hand may have any name.
func (ex *existing) renamed() []*content.Document {
	var out []*content.Document
	for _, path := range ex.taken {
		if doc := ex.byPath[path]; doc != nil && doc.Meta.Seed != "" && doc.Meta.Slug != "" && filepath.Base(path) != doc.Meta.Slug+".md" && !slices.Contains(out, doc) {
			out = append(out, doc)
		}
	}
	slices.SortFunc(out, func(a, b *content.Document) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// move writes doc's file to target with the old slug's address among its
// aliases, then removes the file.
func move(doc *content.Document, old, target string, readFile func(string) ([]byte, error)) error {
	data, err := readFile(doc.Path)
	if err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	alias := route.ArticlePath(old)
	if !slices.ContainsFunc(doc.Meta.Aliases, func(a string) bool { return route.AliasPath(a) == alias }) {
		if data, err = content.WithAlias(doc.Path, data, alias); err != nil {
			return err
		}
		doc.Meta.Aliases = append(doc.Meta.Aliases, alias)
	}
	if err := writeFile(target, data); err != nil {
		return err
	}
	if err := os.Remove(doc.Path); err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	return nil
}
