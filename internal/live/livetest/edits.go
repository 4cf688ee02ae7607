package livetest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

// Edit is a change to a site's sources.
type Edit struct {
	Name string
	// Do makes the change and returns the changed paths, and whether the
	// sources are now broken.
	Do func(ts *Site) (paths []string, broken bool)
}

// Edits are the random changes of the oracle tests. The sources are
// broken after some, until Fix.
var Edits = []Edit{
	{"edit dek", func(ts *Site) ([]string, bool) {
		d := ts.Pick()
		d.Meta.Description = Phrase(ts.Rng, 10)
		return []string{ts.Save(d)}, false
	}},
	{"drop dek", func(ts *Site) ([]string, bool) {
		// A story without a dek is named by its lead: its headline, lede
		// and first sentence, which this changes.
		d := ts.Pick()
		d.Meta.Description = ""
		d.Body = Phrase(ts.Rng, 8) + ". " + d.Body
		return []string{ts.Save(d)}, false
	}},
	{"edit title", func(ts *Site) ([]string, bool) {
		d, other := ts.Pick(), ts.Pick()
		d.Meta.Title = other.Meta.Title // now two articles share a headline
		if ts.Rng.IntN(2) == 0 {
			d.Meta.Title = Phrase(ts.Rng, 6)
		}
		return []string{ts.Save(d)}, false
	}},
	{"change related", func(ts *Site) ([]string, bool) {
		d := ts.Pick()
		d.Meta.Related = append(d.Meta.Related[:ts.Rng.IntN(len(d.Meta.Related)+1)], ts.Pick().Meta.Title, ts.Pick().Meta.Title+" again")
		return []string{ts.Save(d)}, false
	}},
	{"change tags", func(ts *Site) ([]string, bool) {
		d := ts.Pick()
		d.Meta.Tags = []string{Topics[ts.Rng.IntN(len(Topics))], strings.ToUpper(Topics[ts.Rng.IntN(len(Topics))]), fmt.Sprintf("New %d", ts.Rng.IntN(5))}
		return []string{ts.Save(d)}, false
	}},
	{"change date", func(ts *Site) ([]string, bool) {
		d := ts.Pick()
		d.Meta.Date = d.Meta.Date.Add(time.Duration(ts.Rng.IntN(200)-100) * time.Hour)
		return []string{ts.Save(d)}, false
	}},
	{"draft", func(ts *Site) ([]string, bool) {
		d := ts.Pick()
		d.Meta.Draft = !d.Meta.Draft
		return []string{ts.Save(d)}, false
	}},
	{"add article", func(ts *Site) ([]string, bool) {
		titles := []string{ts.Pick().Meta.Title, Phrase(ts.Rng, 6)}
		d := Generated(ts.Rng, 1, titles, time.Date(2025, 8, 1+ts.Rng.IntN(30), 0, 0, 0, 0, time.UTC))
		d.Path = fmt.Sprintf("content/sub%d/new-%d.md", ts.Rng.IntN(2), ts.next)
		d.Meta.Slug = fmt.Sprintf("new-%d", ts.next)
		ts.next++
		return []string{ts.Save(d)}, false
	}},
	{"delete article", func(ts *Site) ([]string, bool) {
		return []string{ts.Remove(ts.Pick().Path)}, false
	}},
	{"rename file", func(ts *Site) ([]string, bool) {
		d := ts.Pick()
		old := ts.Remove(d.Path)
		d.Path = strings.TrimSuffix(d.Path, ".md") + "-renamed.md"
		return []string{old, ts.Save(d)}, false
	}},
	{"template change", func(ts *Site) ([]string, bool) {
		p := "templates/partials/card.html"
		data, _ := os.ReadFile(filepath.Join(ts.Root, p))
		return []string{ts.Write(p, append(data, fmt.Sprintf("\n{{/* edit %d */}}", ts.Rng.IntN(1000))...))}, false
	}},
	{"static change", func(ts *Site) ([]string, bool) {
		return []string{ts.Write("static/extra.css", []byte(Phrase(ts.Rng, 3)))}, false
	}},
	{"bad front matter", func(ts *Site) ([]string, bool) {
		d := ts.Pick()
		data := content.Marshal(d)
		return []string{ts.Write(d.Path, bytes.Replace(data, []byte("title:"), []byte("titel:"), 1))}, true
	}},
	{"duplicate slug", func(ts *Site) ([]string, bool) {
		d, other := ts.Pick(), ts.Pick()
		if d.Path == other.Path || d.Meta.Draft || other.Meta.Draft {
			return nil, false
		}
		d.Meta.Slug = other.Meta.Slug
		return []string{ts.Save(d)}, true
	}},
	{"bad template", func(ts *Site) ([]string, bool) {
		return []string{ts.Write("templates/partials/broken.html", []byte("{{define \"x\"}}\n{{if}}{{end}}"))}, true
	}},
}

// Fix undoes what made the sources broken: every content file is written
// again from its document, and the broken template removed.
func (ts *Site) Fix() []string {
	var paths []string
	seen := make(map[string]bool)
	for _, p := range slices.Sorted(mapsKeys(ts.Docs)) {
		d := ts.Docs[p]
		if seen[d.Meta.Slug] {
			d.Meta.Slug += "-x"
		}
		seen[d.Meta.Slug] = true
		paths = append(paths, ts.Save(d))
	}
	if os.Remove(filepath.Join(ts.Root, "templates/partials/broken.html")) == nil {
		paths = append(paths, "templates/partials/broken.html")
	}
	return paths
}
