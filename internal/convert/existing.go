package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/parallel"
)

// existing is what the content folder held before the run.
type existing struct {
	// bySeed finds a seed's content file by its "seed" key.
	bySeed map[string]*content.Document
	// taken holds the slugs in use, by file name and by "slug" key, with
	// what uses them.
	taken map[string]string
	// byPath holds the documents that parsed, by path.
	byPath map[string]*content.Document
}

// scan reads the content files in dir with readFile, in parallel, and
// records them in name order; a file that memo knows unchanged is not
// read again. A file that does not parse is an error, but
// its name stays taken so that convert never overwrites it. The temporary
// files of a convert that was killed are removed.
func scan(dir string, readFile func(string) ([]byte, error), errs, warns *diag.List, memo *Memo) (*existing, error) {
	start := time.Now()
	ex := &existing{bySeed: map[string]*content.Document{}, taken: map[string]string{}, byPath: map[string]*content.Document{}}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return ex, nil
	}
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	var paths []string
	var files []fs.DirEntry
	for _, e := range entries { // ReadDir sorts by name
		if leftover(e) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("convert: removing a leftover temporary file: %w", err)
			}
			continue
		}
		if e.IsDir() || filepath.Ext(e.Name()) != ".md" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		paths, files = append(paths, filepath.Join(dir, e.Name())), append(files, e)
	}
	docs := make([]*content.Document, len(paths))
	docErrs := make([]error, len(paths))
	ids := make([]fileID, len(paths))
	parallel.For(len(paths), workers, func(i int) {
		if memo != nil {
			// The file's identity before its bytes: a write in between
			// gives it another, and the next run reads it again.
			if fi, err := files[i].Info(); err == nil {
				ids[i] = idOf(fi)
			}
			var ok bool
			if docs[i], ok = memo.lookup(paths[i], ids[i]); ok {
				return
			}
		}
		docs[i], docErrs[i] = read(paths[i], readFile)
	})
	memo.keep(start, paths, ids, docs) // before add writes a default slug
	for i, path := range paths {
		ex.taken[strings.TrimSuffix(filepath.Base(path), ".md")] = path
		if docErrs[i] != nil {
			errs.Append(path, docErrs[i])
			continue
		}
		ex.add(docs[i], warns)
	}
	return ex, nil
}

// tempName matches the names createTemp gives, and nothing an editor
// would name a file.
var tempName = regexp.MustCompile(`^\.convert-[0-9a-z]+\.tmp$`)

// leftover reports whether e is a temporary file of a convert that did not
// finish: killed between creating it and renaming it into place.
func leftover(e fs.DirEntry) bool {
	return e.Type().IsRegular() && tempName.MatchString(e.Name())
}

// read parses the content file at path, keeping only what convert needs:
// the seed, slug and date, the keys an editor sets that a forced convert
// keeps (see keepDesk), and whether the file was edited.
func read(path string, readFile func(string) ([]byte, error)) (*content.Document, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := content.Parse(path, data)
	if err != nil {
		return nil, err
	}
	m := doc.Meta
	doc.Meta, doc.Body = content.Meta{Seed: m.Seed, Slug: m.Slug, Date: m.Date}, ""
	keepDesk(&doc.Meta, &m)
	return doc, nil
}

// keepDesk copies to m the keys of from that an editor sets to run the
// desk, and convert never derives from a seed: a forced convert keeps
// them, so that it does not publish a draft, bring back a withdrawn story
// or break a renamed one's old links.
func keepDesk(m, from *content.Meta) {
	m.Draft, m.PublishDate, m.ExpiryDate = from.Draft, from.PublishDate, from.ExpiryDate
	m.Aliases, m.Weight, m.Pinned, m.Withdrawn = from.Aliases, from.Weight, from.Pinned, from.Withdrawn
	m.Lastmod, m.Corrections, m.Authors = from.Lastmod, from.Corrections, from.Authors
	m.Image, m.Images, m.ImageAlt = from.Image, from.Images, from.ImageAlt
}

// add records doc, a content file.
func (ex *existing) add(doc *content.Document, warns *diag.List) {
	ex.byPath[doc.Path] = doc
	if doc.Meta.Slug != "" {
		ex.taken[doc.Meta.Slug] = doc.Path
	}
	if doc.Meta.Seed == "" {
		return
	}
	if first := ex.bySeed[doc.Meta.Seed]; first != nil {
		warns.Add(doc.Path, 0, "also converted from seed %s, like %s; ignored", doc.Meta.Seed, first.Path)
		return
	}
	if doc.Meta.Slug == "" {
		doc.Meta.Slug = strings.TrimSuffix(filepath.Base(doc.Path), ".md")
	}
	ex.bySeed[doc.Meta.Seed] = doc
}

// claim reserves slug for the seed name, or the first free "slug-N" with a
// warning if it is taken.
func (ex *existing) claim(name, slug string, warns *diag.List) string {
	s := slug
	for n := 2; ex.taken[s] != ""; n++ {
		s = slug + "-" + strconv.Itoa(n)
	}
	if s != slug {
		warns.Add(name, 0, "slug %q is taken by %s; using %q", slug, ex.taken[slug], s)
	}
	ex.taken[s] = name
	return s
}
