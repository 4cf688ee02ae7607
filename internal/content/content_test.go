package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func sample() *Document {
	return &Document{
		Meta: Meta{
			Title:       `Peace: "needs" teeth # not talk & *x* !y 'z'`,
			Slug:        "peace-needs-teeth",
			Description: "---",
			Summary:     "- not a list\n: not a key",
			Headline:    "yes",
			Date:        time.Date(2025, 8, 21, 10, 0, 0, 0, time.UTC),
			Author:      "null",
			Source:      "T4K3.news",
			Categories:  []string{"Defence"},
			Tags:        []string{"NATO", "Ukraine", "2022"},
			Takeaways:   []Takeaway{{Quote: `"Peace needs teeth"`, Context: "A line: with a colon"}},
			Highlights:  []string{"&anchor", "*alias", "!tag", "%percent", "@at", "`tick`"},
			Risk:        &Risk{Title: "Risk", Text: "High # stakes"},
			Closing:     "  spaces kept  ",
			Related:     []string{"Kremlin seeks veto on Ukraine security guarantees"},
			Seed:        "003_x.txt",
		},
		Body: "First paragraph.\n\n## Analysis\n\nWhy.\n",
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	want := sample()
	data := Marshal(want)
	got, err := Parse("content/x.md", data)
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, data)
	}
	if !reflect.DeepEqual(got.Meta, want.Meta) {
		t.Errorf("meta round trip:\n got %#v\nwant %#v", got.Meta, want.Meta)
	}
	if got.Body != want.Body {
		t.Errorf("body = %q, want %q", got.Body, want.Body)
	}
	if got.Edited() {
		t.Errorf("Edited() = true for convert's own output")
	}
	if lines := strings.Split(string(data), "\n"); lines[got.BodyLine-1] != "First paragraph." {
		t.Errorf("BodyLine %d is %q", got.BodyLine, lines[got.BodyLine-1])
	}
	if again := Marshal(got); string(again) != string(data) {
		t.Errorf("Marshal is not stable:\n%s\n---\n%s", data, again)
	}
}

func TestEdited(t *testing.T) {
	data := string(Marshal(sample()))
	for name, edit := range map[string]func(string) string{
		"body":         func(s string) string { return s + "An editor's line.\n" },
		"front matter": func(s string) string { return strings.Replace(s, "source: T4K3.news", "source: Other", 1) },
		"title":        func(s string) string { return strings.Replace(s, "peace-needs-teeth", "peace", 1) },
		"no checksum": func(s string) string {
			i := strings.Index(s, checksumPrefix)
			j := strings.Index(s[i:], "\n")
			return s[:i] + s[i+j+1:]
		},
	} {
		doc, err := Parse("x.md", []byte(edit(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !doc.Edited() {
			t.Errorf("%s: Edited() = false after a hand edit", name)
		}
	}
}

func TestParseErrors(t *testing.T) {
	const ok = "title: T\ndate: 2025-08-21T10:00:00Z\n"
	tests := []struct{ name, src, want string }{
		{"no front matter", "# Title\n", `x.md:1: no front matter: the file must start with a "---" line`},
		{"not closed", "---\n" + ok, `x.md:1: front matter is not closed: no "---" line after line 1`},
		{"empty", "---\n---\nbody\n", "x.md:1: front matter is empty"},
		{"unknown key", "---\n" + ok + "titel: X\n---\n", `x.md:4: front matter: unknown key "titel"`},
		{"nested unknown key", "---\n" + ok + "takeaways:\n  - quote: Q\n    contxt: C\n---\n", `x.md:6: front matter: unknown key "takeaways[1].contxt"`},
		{"wrong type list", "---\n" + ok + "tags: Ukraine\n---\n", `x.md:4: front matter: tags: want a list, got "Ukraine"`},
		{"wrong type scalar", "---\n" + ok + "closing: [a, b]\n---\n", `x.md:4: front matter: closing: want text, got a list`},
		{"bad date", "---\ntitle: T\ndate: last tuesday\n---\n", `x.md:3: front matter: date: want a date such as 2025-08-21T10:00:00Z, got "last tuesday"`},
		{"bad bool", "---\n" + ok + "draft: maybe\n---\n", `x.md:4: front matter: draft: want true or false, got "maybe"`},
		{"missing title", "---\ndate: 2025-08-21\n---\n", "x.md:1: front matter: missing title"},
		{"missing date", "---\ntitle: T\n---\n", "x.md:1: front matter: missing date"},
		{"duplicate", "---\n" + ok + "title: U\n---\n", `x.md:4: front matter: key "title" given twice`},
		{"parser error", "---\n" + ok + "tags: [a\n---\n", "x.md:4: front matter: did not find expected ',' or ']'"},
		{"scanner error", "---\n" + ok + "closing: a: b\n---\n", "x.md:4: front matter: mapping values are not allowed in this context"},
		{"bad slug", "---\n" + ok + "slug: ../../etc\n---\n", `x.md:4: front matter: slug "../../etc": want lower-case letters, digits and single hyphens, such as "russia-seeks-veto"`},
		{"bad alias", "---\n" + ok + "aliases:\n  - news/old/\n  - ../up\n---\n", `x.md:4: front matter: aliases[2]: "../up" is not a path of the site such as "news/old-slug/"`},
		{"alias of root", "---\n" + ok + "aliases: [/]\n---\n", `x.md:4: front matter: aliases[1]: "/" is not a path of the site such as "news/old-slug/"`},
		{"correction without text", "---\n" + ok + "corrections:\n  - date: 2025-08-22\n---\n", `x.md:4: front matter: corrections[1]: want a date and a text`},
		{"bad image", "---\n" + ok + "image: javascript:alert(1)\n---\n", `x.md:4: front matter: image "javascript:alert(1)" is neither an http(s) URL nor a file of the site such as "images/port.jpg"`},
		{"image up", "---\n" + ok + "images: [a.jpg, ../b.jpg]\n---\n", `x.md:4: front matter: images[2]: "../b.jpg" is neither an http(s) URL nor a file of the site such as "images/port.jpg"`},
		{"bad weight", "---\n" + ok + "weight: first\n---\n", `x.md:4: front matter: weight: want a whole number, got "first"`},
		{"bad publishDate", "---\n" + ok + "publishDate: soon\n---\n", `x.md:4: front matter: publishDate: want a date such as 2025-08-21T10:00:00Z, got "soon"`},
		{"not utf-8", "---\ntitle: T\xff\n---\n", "x.md:2: not valid UTF-8"},
		{"two errors", "---\n" + ok + "a: 1\nb: 2\n---\n", `x.md:4: front matter: unknown key "a" (and 1 more)`},
	}
	for _, tt := range tests {
		_, err := Parse("x.md", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got error %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

func TestParseHandWritten(t *testing.T) {
	src := "\uFEFF---\r\ntitle: Hand made\r\ndate: 2025-08-21\r\ntags: [NATO]\r\n---\r\nBody *text*.\r\n"
	doc, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title != "Hand made" || doc.Body != "Body *text*.\n" || doc.BodyLine != 6 || !doc.Edited() {
		t.Errorf("got %+v", doc)
	}
	if want := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC); !doc.Meta.Date.Equal(want) {
		t.Errorf("date = %v, want %v", doc.Meta.Date, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(string(Marshal(sample())))
	f.Add("---\ntitle: T\ndate: 2025-08-21\n---\nbody")
	f.Add("---\ntitle: T\ndate: 2025-08-21\ntags: [Trade, trade, TRADE!]\n---\nbody")
	f.Add("---\ntitle: T\ndate: 2025-08-21\nsummary: a \x00 b\n---\nbody")
	f.Add("---\nimage: a.jpg\ntitle: T\nimages: [b.png, https://x.example/c.jpg]\nimageAlt: A\ndate: 2025-08-21\n---\nbody")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := Parse("x.md", []byte(src))
		if err != nil {
			return
		}
		again, err := Parse("x.md", Marshal(doc))
		if err != nil {
			t.Fatalf("re-parsing marshalled document: %v", err)
		}
		if !reflect.DeepEqual(again.Meta, doc.Meta) {
			t.Errorf("meta changed in round trip:\n%#v\n%#v", doc.Meta, again.Meta)
		}
	})
}

func TestLoad(t *testing.T) {
	good := Marshal(sample())
	fsys := fstest.MapFS{
		"content/b.md":          {Data: good},
		"content/sub/a.md":      {Data: []byte("---\ntitle: A\ndate: 2025-01-02\n---\nA.\n")},
		"content/bad.md":        {Data: []byte("---\ntitle: X\ndate: 2025-01-02\nfoo: 1\n---\n")},
		"content/notes.txt":     {Data: []byte("ignored")},
		"content/.hidden.md":    {Data: []byte("ignored")},
		"content/.git/x.md":     {Data: []byte("ignored")},
		"content/zz-missing.md": {Data: []byte("no front matter")},
	}
	docs, err := Load(fsys, "content")
	want := `content/bad.md:4: front matter: unknown key "foo" (and 1 more)`
	if err == nil || err.Error() != want {
		t.Errorf("Load error = %v, want %s", err, want)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Path)
	}
	if !reflect.DeepEqual(paths, []string{"content/b.md", "content/sub/a.md"}) {
		t.Errorf("loaded %v", paths)
	}
}

func TestIsFile(t *testing.T) {
	for rel, want := range map[string]bool{
		"x.md": true, "world/x.md": true, "a/b/c.md": true,
		"x.txt": false, "x.md~": false, ".x.md": false, ".git/x.md": false, "a/.drafts/x.md": false, "md": false,
	} {
		if got := IsFile(rel); got != want {
			t.Errorf("IsFile(%q) = %v, want %v", rel, got, want)
		}
	}
}
