package live

import (
	"encoding/json"
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/search"
)

// TestSearchFollowsEdit checks that the preview serves a search index
// that finds a word an edit has just added.
func TestSearchFollowsEdit(t *testing.T) {
	ts := livetest.New(t, "../..", 30)
	e := New(Options{Root: ts.Root})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	const word = "zanzibarian"
	if shard(t, e, word) != nil && strings.Contains(string(shard(t, e, word)), `"`+word+`"`) {
		t.Fatalf("%s is found before the edit", word)
	}
	d := ts.Pick()
	d.Body += "\nA " + word + " delegation arrived.\n"
	if _, err := e.Apply([]string{ts.Save(d)}); err != nil {
		t.Fatal(err)
	}
	data := shard(t, e, word)
	if !strings.Contains(string(data), `"`+word+`":[[`) || !strings.Contains(string(data), d.Meta.Slug) {
		t.Errorf("after the edit, the shard of %s does not find %s:\n%.300s", word, d.Meta.Slug, data)
	}
}

// shard returns the shard the engine serves for word, or nil if the
// manifest says no word starts as it does.
func shard(t *testing.T, e *Engine, word string) []byte {
	t.Helper()
	data, err := e.File(search.ManifestFile)
	if err != nil {
		t.Fatal(err)
	}
	var m search.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	p := ""
	for i, r := range word {
		next, split := m.Split[p]
		if !split {
			break
		}
		if !strings.ContainsRune(next, r) {
			return nil
		}
		p = word[:i+utf8.RuneLen(r)]
	}
	data, err = e.File(path.Join(search.Dir, search.ShardFile(p)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
