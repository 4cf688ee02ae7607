package search

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Kyiv", "kyiv"}, {"Kyïv", "kyiv"}, {"KYÏV", "kyiv"}, {"Kyi\u0308v", "kyiv"},
		{"Zelenskyy", "zelensky"}, {"Zelenskyi", "zelensky"}, {"Zelensky", "zelensky"}, {"Zelenskiy", "zelensky"},
		{"Dvořák", "dvorak"}, {"Ångström", "angstrom"}, {"ﬁnance", "finance"}, {"Straße", "straße"},
		{"Łódź", "łodz"}, {"Łdyy", "łdyy"}, {"Łódyy", "łody"}, // Ł is a letter of its own, not L with a mark, in Unicode as in the browser
		{"taxi", "taxi"}, {"Hawaii", "haway"}, {"2025", "2025"}, {"", ""},
	} {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	text := "Russia’s U.S. talks, 2025: Kyïv—7 ‘peace-plan’ Zelenskyy"
	var got []string
	Tokens(text, func(tk Token) { got = append(got, fmt.Sprintf("%s@%s", tk.Term, text[tk.Start:tk.End])) })
	want := []string{"russia@Russia", "talks@talks", "2025@2025", "kyiv@Kyïv", "7@7", "peace@peace", "plan@plan", "zelensky@Zelenskyy"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens:\n got %q\nwant %q", got, want)
	}
}

// doc makes a published content document dated days after 1 August 2025.
func doc(slug, title string, days int, f func(m *content.Meta) string) *content.Document {
	d := &content.Document{Path: "content/" + slug + ".md", Meta: content.Meta{
		Title: title, Slug: slug, Date: time.Date(2025, 8, 1+days, 0, 0, 0, 0, time.UTC),
	}}
	if f != nil {
		d.Body = f(&d.Meta)
	}
	return d
}

func siteOf(t testing.TB, docs ...*content.Document) *site.Site {
	t.Helper()
	routes, err := route.New("/digest/")
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func files(t testing.TB, s *site.Site) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := Write(s, func(file string, data []byte) error {
		if _, dup := out[file]; dup {
			t.Errorf("%s written twice", file)
		}
		out[file] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lavrovSite has stories naming Lavrov in each tier, and a draft.
func lavrovSite(t testing.TB) *site.Site {
	return siteOf(t,
		doc("body-newest", "Talks resume in Geneva", 9, func(m *content.Meta) string {
			m.Description = "Diplomats meet again."
			return "Sergei Lavrov was not there.\n"
		}),
		doc("title-old", "Lavrov rejects the plan", 1, nil),
		doc("title-new", "Lavrov meets Rubio", 5, nil),
		doc("dek", "Moscow answers", 7, func(m *content.Meta) string { m.Description = "Lavrov says no."; return "" }),
		doc("takeaway", "Kremlin's reply", 8, func(m *content.Meta) string {
			m.Takeaways = []content.Takeaway{{Quote: "Not now", Context: "Lavrov on the summit"}}
			m.Highlights = []string{"A quiet zanzibar moment"}
			return "Nothing here.\n"
		}),
		doc("draft", "Lavrov draft", 10, func(m *content.Meta) string { m.Draft = true; return "unpublishedword\n" }),
		doc("withdrawn", "Lavrov withdrawn", 11, func(m *content.Meta) string {
			m.Withdrawn = "An error of fact."
			return "withdrawnword\n"
		}),
	)
}

func TestRanking(t *testing.T) {
	out := files(t, lavrovSite(t))
	// Headline first, then dek and takeaway, then body; newest first in each.
	want := []string{"news/title-new/", "news/title-old/", "news/takeaway/", "news/dek/", "news/body-newest/"}
	for _, q := range []string{"Lavrov", "LAVROV", "lavr"} {
		got := lookup(t, out, Fold(q), q == "lavr")
		if !slices.Equal(paths(got), want) {
			t.Errorf("%s: got %q, want %q", q, paths(got), want)
		}
	}
	if got := lookup(t, out, "zanzibar", false); len(got) != 1 || got[0].path != "news/takeaway/" || got[0].snippet != "A quiet zanzibar moment" {
		t.Errorf("zanzibar: got %+v, want the takeaway story with its highlight as snippet", got)
	}
	if got := lookup(t, out, "unpublishedword", false); len(got) != 0 {
		t.Errorf("a draft's word finds %q", paths(got))
	}
	for _, w := range []string{"draft", "withdrawn", "withdrawnword"} {
		if got := lookup(t, out, w, false); len(got) != 0 {
			t.Errorf("%s, of a draft or withdrawn story, finds %q", w, paths(got))
		}
	}
}

func TestPositions(t *testing.T) {
	out := files(t, lavrovSite(t))
	sergei := lookup(t, out, "sergei", false)
	lavrov := lookup(t, out, "lavrov", false)
	var at []int
	for _, r := range lavrov {
		if r.path == "news/body-newest/" {
			at = r.pos
		}
	}
	if len(sergei) != 1 || len(at) == 0 || !slices.Contains(at, sergei[0].pos[0]+1) {
		t.Errorf("\"sergei lavrov\" is not a phrase: sergei %+v, lavrov at %v", sergei, at)
	}
}

// result is one story a lookup finds.
type result struct {
	path, date string
	tier       int
	pos        []int
	snippet    string
}

func paths(rs []result) []string {
	var p []string
	for _, r := range rs {
		p = append(p, r.path)
	}
	return p
}

type shardJSON struct {
	D [][4]string
	T map[string][][4]json.RawMessage
	P [][4]json.RawMessage
}

// lookup finds word w in the index as static/search.js does: it walks the
// manifest's trie to one shard and reads the word there (every word with
// the prefix w, and a split prefix's best stories, if prefix is set).
func lookup(t testing.TB, out map[string][]byte, w string, prefix bool) []result {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(out[ManifestFile], &m); err != nil {
		t.Fatal(err)
	}
	p, leaf := "", false
	for i, r := range w {
		next, split := m.Split[p]
		if !split {
			leaf = true
			break
		}
		if !strings.ContainsRune(next, r) {
			return nil
		}
		p = w[:i+utf8.RuneLen(r)]
	}
	if _, split := m.Split[p]; !split {
		leaf = true
	}
	data, ok := out[Dir+"/"+ShardFile(p)]
	if !ok {
		t.Fatalf("%s: the manifest leads to %s, which is not written", w, ShardFile(p))
	}
	var sh shardJSON
	if err := json.Unmarshal(data, &sh); err != nil {
		t.Fatalf("%s: %v", ShardFile(p), err)
	}
	var raw [][4]json.RawMessage
	for _, k := range slices.Sorted(maps.Keys(sh.T)) {
		if k == w || prefix && strings.HasPrefix(k, w) {
			raw = append(raw, sh.T[k]...)
		}
	}
	if prefix && !leaf {
		raw = append(raw, sh.P...)
	}
	best := make(map[string]result)
	for _, r := range raw {
		var res result
		var d int
		for i, dst := range []any{&d, &res.tier, &res.pos, &res.snippet} {
			if err := json.Unmarshal(r[i], dst); err != nil {
				t.Fatal(err)
			}
		}
		res.path, res.date = sh.D[d][0], sh.D[d][1]
		if have, ok := best[res.path]; !ok || res.tier > have.tier {
			best[res.path] = res
		}
	}
	rs := slices.Collect(maps.Values(best))
	slices.SortFunc(rs, func(a, b result) int {
		if a.tier != b.tier {
			return b.tier - a.tier
		}
		return strings.Compare(b.date, a.date)
	})
	return rs
}
