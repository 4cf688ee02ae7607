package search

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestMemo edits a site at random through site.Live, which keeps the
// articles not edited, and checks after each edit that the index written
// with a memo is byte for byte the index of a fresh read: a memo that
// kept a story's words past an edit, or dropped a word's number, or an
// edit in place that left a tier short or a shard stale, shows. The
// newest stories, which fill the common words' tiers, are edited most.
func TestMemo(t *testing.T) {
	docs := wordyDocs(300, 3)
	l := liveOf(t, docs)
	r := rand.New(rand.NewPCG(3, 4))
	memo := NewMemo()
	keys := make(map[string][]byte) // a shard's bytes by its Key
	inPlace := 0
	for step := range 60 {
		want := false // an edit in place
		if step > 0 {
			var update []*content.Document
			var remove []string
			if step%10 == 0 {
				update, remove = manyEdits(r, &docs, step)
			} else {
				update, remove = memoEdit(r, l.Site(), &docs, step)
				want = true
			}
			if err := l.Update(update, remove); err != nil {
				t.Fatal(err)
			}
		}
		if step%2 == 0 {
			checkMemo(t, l.Site(), memo, docs, fmt.Sprintf("step %d", step))
		} else {
			checkLay(t, l.Site(), memo, docs, keys, fmt.Sprintf("step %d", step))
		}
		if got := memo.dirty != nil; got != want {
			t.Fatalf("step %d: edited in place %v, want %v", step, got, want)
		}
		if want {
			inPlace++
		}
	}
	if inPlace < 50 {
		t.Errorf("%d edits in place of 60: the test should make more", inPlace)
	}
}

// checkLay checks that LayMemo gives the files of a fresh index, the
// manifest first, and each shard with a Key that no other bytes had.
func checkLay(t *testing.T, s *site.Site, memo *Memo, docs []*content.Document, keys map[string][]byte, step string) {
	t.Helper()
	files, err := LayMemo(s, memo)
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string][]byte)
	for i, f := range files {
		got[f.Name] = bytes.Clone(f.Data)
		switch {
		case i == 0 && (f.Name != ManifestFile || f.Key != ""):
			t.Fatalf("%s: first file %s with key %q, want the manifest without", step, f.Name, f.Key)
		case i > 0 && f.Key == "":
			t.Fatalf("%s: shard %s without a key", step, f.Name)
		case i > 0 && keys[f.Key] != nil && !bytes.Equal(keys[f.Key], f.Data):
			t.Fatalf("%s: shard %s has the key %s of other bytes", step, f.Name, f.Key)
		case i > 0:
			keys[f.Key] = got[f.Name]
		}
	}
	checkFiles(t, got, docs, step)
}

// manyEdits edits too many stories for an edit in place: more than one in
// 16, or adds more than maxMoves stories.
func manyEdits(r *rand.Rand, docs *[]*content.Document, step int) (update []*content.Document, remove []string) {
	if r.IntN(2) == 0 {
		for i := range maxMoves + 1 {
			d := *(*docs)[r.IntN(len(*docs))]
			d.Path, d.Meta.Slug = fmt.Sprintf("content/many-%d-%d.md", step, i), fmt.Sprintf("many-%d-%d", step, i)
			*docs = append(*docs, &d)
			update = append(update, &d)
		}
		return update, nil
	}
	for _, i := range r.Perm(len(*docs))[:len(*docs)/16+1] {
		d := *(*docs)[i]
		d.Meta.Description = words(r, 8)
		(*docs)[i] = &d
		update = append(update, &d)
	}
	return update, nil
}

func liveOf(t *testing.T, docs []*content.Document) *site.Live {
	t.Helper()
	routes, err := route.New("/digest/")
	if err != nil {
		t.Fatal(err)
	}
	l, err := site.NewLive(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// checkMemo writes s's index with memo and checks that it is the index
// of a fresh read of docs, byte for byte.
func checkMemo(t *testing.T, s *site.Site, memo *Memo, docs []*content.Document, step string) {
	t.Helper()
	got := make(map[string][]byte)
	if err := WriteMemo(s, memo, func(file string, data []byte) error {
		got[file] = bytes.Clone(data)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	checkFiles(t, got, docs, step)
}

// checkFiles checks that got are the files of a fresh index of docs.
func checkFiles(t *testing.T, got map[string][]byte, docs []*content.Document, step string) {
	t.Helper()
	want := files(t, siteOf(t, docs...))
	for _, file := range slices.Sorted(maps.Keys(mergeKeys(got, want))) {
		if !bytes.Equal(got[file], want[file]) {
			t.Fatalf("%s: %s differs from a fresh index:\n%.300s\nwant\n%.300s", step, file, got[file], want[file])
		}
	}
}

// memoEdit changes one to three stories of docs (their words, in
// any field, new words, words taken out), or the date of one, which may
// move it, or removes one, or adds one, and returns the update for
// site.Live: an edit in place.
func memoEdit(r *rand.Rand, s *site.Site, docs *[]*content.Document, step int) (update []*content.Document, remove []string) {
	places := make(map[*content.Document]int)
	for i, a := range s.Articles {
		places[a.Doc] = i
	}
	pick := func() int {
		if r.IntN(2) == 0 { // one of the newest
			for i, d := range *docs {
				if places[d] < 20 && r.IntN(4) == 0 {
					return i
				}
			}
		}
		return r.IntN(len(*docs))
	}
	switch r.IntN(8) {
	case 0:
		i := pick()
		d := *(*docs)[i]
		*docs = slices.Delete(*docs, i, i+1)
		return nil, []string{d.Path}
	case 1:
		d := *(*docs)[pick()]
		d.Path, d.Meta.Slug = fmt.Sprintf("content/new-%d.md", step), fmt.Sprintf("new-%d", step)
		d.Meta.Description = words(r, 10)
		*docs = append(*docs, &d)
		return []*content.Document{&d}, nil
	case 2:
		i := pick()
		d := *(*docs)[i]
		d.Meta.Date = d.Meta.Date.AddDate(0, 0, r.IntN(9)-4)
		(*docs)[i] = &d
		return []*content.Document{&d}, nil
	}
	edited := make(map[int]bool)
	for range 1 + r.IntN(3) {
		i := pick()
		if edited[i] {
			continue
		}
		edited[i] = true
		d := *(*docs)[i]
		switch r.IntN(5) {
		case 0: // other words, and one no other story has
			d.Body = words(r, 40) + " " + fmt.Sprintf("only%d", step) + "\n"
		case 1: // words up to the headline's tier
			d.Meta.Title = words(r, 5)
		case 2: // words taken out
			d.Meta.Description, d.Meta.Tags = "", nil
		case 3: // a headline word down to the body
			title := strings.Fields(d.Meta.Title)
			d.Meta.Title = strings.Join(title[1:], " ")
			d.Body += " " + title[0] + "\n"
		default: // the dek
			d.Meta.Description = words(r, 3+r.IntN(12))
		}
		(*docs)[i] = &d
		update = append(update, &d)
	}
	return update, nil
}

// TestMemoFullTier takes a word in and out of the headlines of stories
// around the end of its full tier, one edit in place at a time: a tier
// that loses a story takes the next that names the word there, or keeps
// fewer when there is none, and fills again.
func TestMemoFullTier(t *testing.T) {
	var docs []*content.Document
	for i := range MaxResults + 4 {
		title := "plain story"
		if i <= MaxResults { // one more than the tier holds
			title = "zed story"
		}
		docs = append(docs, doc(fmt.Sprintf("s%d", i), title, 40-i, func(m *content.Meta) string {
			m.Description = fmt.Sprintf("dek number%d", i)
			return "a body with words\n"
		}))
	}
	l := liveOf(t, docs)
	memo := NewMemo()
	checkMemo(t, l.Site(), memo, docs, "start")
	for _, e := range []struct {
		story       int
		title, body string
	}{
		{2, "plain story", ""},          // the tier takes the one after it
		{5, "plain story", ""},          // none after it: 15 stories
		{MaxResults, "plain story", ""}, // one past the tier: no change
		{2, "zed story", ""},            // full again
		{MaxResults + 3, "zed story", ""},
		{0, "plain story", "zed in the body\n"}, // down a tier
		{5, "zed zed", ""},
		{0, "zed again", "no more\n"}, // up a tier
		{1, "new words only", "nothing else\n"},
	} {
		d := *docs[e.story]
		d.Meta.Title = e.title
		if e.body != "" {
			d.Body = e.body
		}
		docs[e.story] = &d
		if err := l.Update([]*content.Document{&d}, nil); err != nil {
			t.Fatal(err)
		}
		step := fmt.Sprintf("story %d: %q", e.story, e.title)
		checkMemo(t, l.Site(), memo, docs, step)
		if memo.dirty == nil {
			t.Fatalf("%s: not edited in place", step)
		}
	}
	// A newest story put in ahead of the tier, then one of the tier's
	// taken out.
	added := doc("newest", "zed first", 50, nil)
	docs = append(docs, added)
	if err := l.Update([]*content.Document{added}, nil); err != nil {
		t.Fatal(err)
	}
	checkMemo(t, l.Site(), memo, docs, "newest added")
	gone := docs[3]
	docs = slices.Delete(docs, 3, 4)
	if err := l.Update(nil, []string{gone.Path}); err != nil {
		t.Fatal(err)
	}
	checkMemo(t, l.Site(), memo, docs, "story 3 removed")
	if memo.dirty == nil {
		t.Fatal("not edited in place")
	}
}

// TestMemoWriteFails edits a story, fails to write its index, and edits
// another: the shards that the first edit changed are still to be
// written, though the second did not change them.
func TestMemoWriteFails(t *testing.T) {
	docs := wordyDocs(100, 4)
	l := liveOf(t, docs)
	memo := NewMemo()
	checkMemo(t, l.Site(), memo, docs, "start")
	for i, title := range []string{"zanzibar quokka", "another headline"} {
		d := *docs[10*i]
		d.Meta.Title = title
		docs[10*i] = &d
		if err := l.Update([]*content.Document{&d}, nil); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			failed := errors.New("disk full")
			if err := WriteMemo(l.Site(), memo, func(string, []byte) error { return failed }); err != failed {
				t.Fatalf("got %v, want %v", err, failed)
			}
			continue
		}
		checkMemo(t, l.Site(), memo, docs, "after a write that failed")
	}
}
