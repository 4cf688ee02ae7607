package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
)

// WithdrawnFile is the file in the content folder where convert records
// the stories withdrawn for good, by seed: a story whose content file says
// "withdrawn: reason" is recorded there, and from then on convert never
// brings it back. If its content file is deleted, convert writes it again
// from the seed with its slug, date and reason, so that its address keeps
// the page saying it was withdrawn. The content file, while it exists, is
// the truth: one whose withdrawn key an editor removed is dropped from the
// record. To convert a withdrawn seed afresh, delete its entry here too.
const WithdrawnFile = ".withdrawn.yaml"

const withdrawnHeader = "# digest convert keeps this file: the stories withdrawn for good, which it never\n# converts again. See WithdrawnFile in internal/convert.\n"

type withdrawnRecord struct {
	Withdrawn []withdrawnStory `yaml:"withdrawn"`
}

type withdrawnStory struct {
	Seed   string    `yaml:"seed"`
	Slug   string    `yaml:"slug"`
	Date   time.Time `yaml:"date"`
	Reason string    `yaml:"reason"`
}

// readWithdrawn reads the record in dir; none is an empty one.
func readWithdrawn(dir string, readFile func(string) ([]byte, error)) (map[string]withdrawnStory, error) {
	path := filepath.Join(dir, WithdrawnFile)
	data, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]withdrawnStory{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	var rec withdrawnRecord
	if err := content.DecodeYAML(path, data, &rec); err != nil {
		return nil, err
	}
	out := make(map[string]withdrawnStory)
	var errs diag.List
	for i, w := range rec.Withdrawn {
		if w.Seed == "" || w.Slug == "" || w.Date.IsZero() || w.Reason == "" {
			errs.Add(path, 0, "withdrawn[%d]: want a seed, slug, date and reason", i+1)
		}
		out[w.Seed] = w
	}
	return out, errs.Err()
}

// recordWithdrawn brings the record up to date with the content files in
// ex, and writes it to dir if it changed.
func recordWithdrawn(dir string, rec map[string]withdrawnStory, ex *existing) error {
	changed := false
	for seed, doc := range ex.bySeed {
		w, had := rec[seed]
		switch {
		case doc.Meta.Withdrawn != "":
			now := withdrawnStory{Seed: seed, Slug: doc.Meta.Slug, Date: doc.Meta.Date, Reason: doc.Meta.Withdrawn}
			if !had || !sameStory(w, now) {
				rec[seed], changed = now, true
			}
		case had:
			delete(rec, seed)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	var out withdrawnRecord
	for _, w := range rec {
		out.Withdrawn = append(out.Withdrawn, w)
	}
	slices.SortFunc(out.Withdrawn, func(a, b withdrawnStory) int { return strings.Compare(a.Seed, b.Seed) })
	data, err := content.EncodeYAML(withdrawnHeader, out)
	if err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	return writeFile(filepath.Join(dir, WithdrawnFile), data)
}

func sameStory(a, b withdrawnStory) bool {
	return a.Seed == b.Seed && a.Slug == b.Slug && a.Date.Equal(b.Date) && a.Reason == b.Reason
}

// placeWithdrawn gives doc, the seed at path converted for the first time
// or again after its content file was deleted, the slug, date and reason
// of its record, and reports whether it has one.
func (c *converter) placeWithdrawn(path string, doc *content.Document, r *result) bool {
	w, ok := c.withdrawn[doc.Meta.Seed]
	if !ok {
		return false
	}
	doc.Meta.Slug = c.existing.claim(path, w.Slug, &r.warns)
	doc.Path = filepath.Join(c.dir, doc.Meta.Slug+".md")
	doc.Meta.Date, doc.Meta.Withdrawn = w.Date, w.Reason
	r.warns.Add(path, 0, "withdrawn for good (%s, in %s): %s written again as withdrawn, never published", w.Reason, filepath.Join(c.dir, WithdrawnFile), doc.Path)
	return true
}
