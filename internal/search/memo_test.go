package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestMemo edits a site at random through site.Live, which keeps the
// articles not edited, and checks after each edit that the index written
// with a memo is byte for byte the index of a fresh read: a memo that
// kept a story's words past an edit, or dropped a word's number, shows.
func TestMemo(t *testing.T) {
	docs := wordyDocs(300, 3)
	routes, err := route.New("/digest/")
	if err != nil {
		t.Fatal(err)
	}
	l, err := site.NewLive(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	memo := NewMemo()
	for step := range 40 {
		if step > 0 {
			update, remove := memoEdit(r, &docs, step)
			if err := l.Update(update, remove); err != nil {
				t.Fatal(err)
			}
		}
		got := make(map[string][]byte)
		if err := WriteMemo(l.Site(), memo, func(file string, data []byte) error {
			got[file] = bytes.Clone(data)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		want := files(t, siteOf(t, docs...))
		for _, file := range slices.Sorted(maps.Keys(mergeKeys(got, want))) {
			if !bytes.Equal(got[file], want[file]) {
				t.Fatalf("step %d: %s differs from a fresh index:\n%.300s\nwant\n%.300s", step, file, got[file], want[file])
			}
		}
	}
}

// memoEdit changes a random story (its words, its date), or removes one,
// or adds one, in docs, and returns the update for site.Live.
func memoEdit(r *rand.Rand, docs *[]*content.Document, step int) ([]*content.Document, []string) {
	i := r.IntN(len(*docs))
	d := *(*docs)[i]
	switch r.IntN(4) {
	case 0:
		d.Body = words(r, 40) + " " + fmt.Sprintf("only%d", step) + "\n"
	case 1:
		d.Meta.Title = words(r, 5)
		d.Meta.Date = d.Meta.Date.AddDate(0, 0, r.IntN(9)-4)
	case 2:
		*docs = slices.Delete(*docs, i, i+1)
		return nil, []string{d.Path}
	default:
		d.Path, d.Meta.Slug = fmt.Sprintf("content/new-%d.md", step), fmt.Sprintf("new-%d", step)
		d.Meta.Description = words(r, 10)
		*docs = append(*docs, &d)
		return []*content.Document{&d}, nil
	}
	(*docs)[i] = &d
	return []*content.Document{&d}, nil
}
