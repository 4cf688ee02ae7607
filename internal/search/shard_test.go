package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/content"
)

// syllables make the words of wordySite: enough of them, sharing
// prefixes unevenly, that the index splits to several depths.
var syllables = strings.Fields("ka lo mi ra tu sen vel dor an is ul po re ga na te")

func word(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(3) {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

func words(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = word(r)
	}
	return strings.Join(ws, " ")
}

// wordyDocs are n stories of made-up words, the same ones for a seed.
func wordyDocs(n int, seed uint64) []*content.Document {
	r := rand.New(rand.NewPCG(seed, 1))
	var docs []*content.Document
	for i := range n {
		docs = append(docs, doc(fmt.Sprintf("story-%d", i), words(r, 6), i%40, func(m *content.Meta) string {
			m.Description = words(r, 15)
			m.Tags = []string{word(r)}
			return words(r, 120) + "\n"
		}))
	}
	return docs
}

func TestShards(t *testing.T) {
	s := siteOf(t, wordyDocs(400, 1)...)
	out := files(t, s)
	var m Manifest
	if err := json.Unmarshal(out[ManifestFile], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Split) < 10 || len(out) < 50 {
		t.Fatalf("%d split prefixes, %d files: the fixture should split deeper", len(m.Split), len(out))
	}
	// Every word of the index is in one shard only, and (for a sample of
	// them) found where the manifest leads.
	ix := New(s)
	seen := make(map[string]string)
	for file, data := range out {
		if file == ManifestFile {
			continue
		}
		var sh shardJSON
		if err := json.Unmarshal(data, &sh); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(data) > 2*ShardTarget && len(sh.T) > 1 {
			t.Errorf("%s: %d bytes holding %d words", file, len(data), len(sh.T))
		}
		for w := range sh.T {
			if other, ok := seen[w]; ok {
				t.Errorf("%q is in %s and %s", w, other, file)
			}
			seen[w] = file
		}
	}
	for i, w := range ix.Terms() {
		if i%97 == 0 && len(lookup(t, out, w, false)) == 0 {
			t.Errorf("%q: not found", w)
		}
	}
	if len(seen) != len(ix.terms) {
		t.Errorf("%d words in shards, %d in the index", len(seen), len(ix.terms))
	}
}

// TestEditChangesItsShards edits one story and checks that the only files
// that change are the shards of words the story had or has.
func TestEditChangesItsShards(t *testing.T) {
	docs := wordyDocs(400, 2)
	before := files(t, siteOf(t, docs...))
	edited := *docs[123]
	old := edited.Body
	edited.Body = strings.Replace(old, " ", " zanzibar ", 1)
	docs[123] = &edited
	after := files(t, siteOf(t, docs...))
	var terms []string
	for _, text := range []string{old, edited.Body, edited.Meta.Title, edited.Meta.Description, edited.Meta.Tags[0]} {
		Tokens(text, func(tk Token) { terms = append(terms, tk.Term) })
	}
	changed := 0
	for file := range mergeKeys(before, after) {
		if bytes.Equal(before[file], after[file]) {
			continue
		}
		changed++
		if file == ManifestFile {
			continue
		}
		prefix := shardPrefix(file)
		ok := false
		for _, w := range terms {
			ok = ok || strings.HasPrefix(w, prefix)
		}
		if !ok {
			t.Errorf("%s changed, the shard of no word of the edited story", file)
		}
	}
	if changed == 0 || changed > len(after)/4 {
		t.Errorf("%d of %d files changed", changed, len(after))
	}
	if lookup(t, after, "zanzibar", false)[0].path != "news/story-123/" {
		t.Error("the edit is not found")
	}
}

func mergeKeys(a, b map[string][]byte) map[string]bool {
	keys := make(map[string]bool)
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return keys
}

// shardPrefix undoes ShardFile for the letters a-z.
func shardPrefix(file string) string {
	return strings.TrimSuffix(strings.TrimPrefix(file, Dir+"/s/"), ".json")
}

func TestDeterministic(t *testing.T) {
	docs := wordyDocs(300, 3)
	first := files(t, siteOf(t, docs...))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 3} {
		runtime.GOMAXPROCS(procs)
		again := files(t, siteOf(t, docs...))
		for file := range mergeKeys(first, again) {
			if !bytes.Equal(first[file], again[file]) {
				t.Errorf("GOMAXPROCS=%d: %s differs", procs, file)
			}
		}
	}
}

func TestEscapedText(t *testing.T) {
	s := siteOf(t, doc("evil", `<img src=x onerror=alert(1)> "quoted" \ back`, 1, func(m *content.Meta) string {
		m.Description = "line\nbreak\ttab \u2028 sep"
		return ""
	}))
	out := files(t, s)
	var sh shardJSON
	data := out[Dir+"/"+ShardFile("i")]
	if data == nil {
		for f, d := range out {
			if strings.Contains(string(d), "onerror") {
				data = d
				t.Logf("found in %s", f)
			}
		}
	}
	if err := json.Unmarshal(data, &sh); err != nil {
		t.Fatal(err)
	}
	if sh.D[0][2] != `<img src=x onerror=alert(1)> "quoted" \ back` || sh.D[0][3] != "line\nbreak\ttab \u2028 sep" {
		t.Errorf("text does not come back as written: %q", sh.D[0])
	}
}

// TestPrefixBest checks prefixBest against its definition: every posting
// of the words, sorted, the first of each run of one story (so once in
// each tier), the first few.
func TestPrefixBest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		p := &plan{}
		for range 1 + r.IntN(6) {
			l := &termList{}
			for d := range int32(40) {
				if r.IntN(3) == 0 {
					l.add(posting{doc: d, tier: uint8(1 + r.IntN(3)), field: int16(r.IntN(3)), start: int32(r.IntN(3))})
				}
			}
			p.lists = append(p.lists, l.best())
		}
		var all []posting
		for _, l := range p.lists {
			all = append(all, l...)
		}
		slices.SortStableFunc(all, func(a, b posting) int { return rank(&a, &b) })
		all = slices.CompactFunc(all, func(a, b posting) bool { return a.doc == b.doc })
		want := all[:min(len(all), MaxPrefixResults)]
		if got := p.prefixBest(0, len(p.lists)); !slices.Equal(got, want) {
			t.Fatalf("got %v\nwant %v", got, want)
		}
	}
}
