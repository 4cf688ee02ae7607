package content

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// simpleFiles are content files in the shape Marshal writes: the
// repository's content, convert's golden output and generated articles.
func simpleFiles(tb testing.TB) []string {
	var files []string
	for _, pattern := range []string{"../../content/*.md", "../convert/testdata/golden/*.md", "testdata/generated/*.md"} {
		names, err := filepath.Glob(pattern)
		if err != nil || len(names) == 0 {
			tb.Fatalf("%s: %d files, error %v", pattern, len(names), err)
		}
		files = append(files, names...)
	}
	return files
}

// frontMatterOf returns the front matter of the content file name.
func frontMatterOf(tb testing.TB, name string) string {
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	fm, _, _, err := split(name, string(data))
	if err != nil {
		tb.Fatal(err)
	}
	return fm
}

// checkSameAsYAML fails t unless fm, if decodeSimple reads it, gives the
// same Meta and the same error as the YAML library's way. It reports
// whether decodeSimple read fm.
func checkSameAsYAML(t *testing.T, fm string) bool {
	t.Helper()
	got, line, ok := decodeSimple(fm)
	if !ok {
		return false
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &root); err != nil {
		t.Fatalf("simple, but the YAML library fails: %v\n%s", err, fm)
	}
	var want Meta
	wantErr := decodeMeta("x.md", &root, &want)
	gotErr := checkMeta("x.md", &got, line)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("front matter\n%s\nsimple: %#v\n  YAML: %#v", fm, got, want)
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("front matter\n%s\nsimple error: %v\n  YAML error: %v", fm, gotErr, wantErr)
	}
	return true
}

func TestSimpleReadsMarshalOutput(t *testing.T) {
	files := simpleFiles(t)
	read := 0
	for _, name := range files {
		if checkSameAsYAML(t, frontMatterOf(t, name)) {
			read++
		}
	}
	if read < len(files) {
		t.Errorf("decodeSimple read %d of %d files", read, len(files))
	}
}

const simpleOK = "title: T\ndate: 2025-08-21T10:00:00Z\n"

// simpleCases are front matter that decodeSimple reads.
var simpleCases = []string{
	simpleOK,
	simpleOK + "seed: 001_x.txt\nauthor: 2022\nsource: true\ntags:\n  - 2022\n  - yes\n  - No\n",
	simpleOK + "closing: a:b, c#d e# [f] {g} |h >i &j *k !l %m @n `o` 'p' \"q\"\n",
	simpleOK + "headline: ‘Quoted’ “words” — dash\u00a0# nbsp\n",
	simpleOK + "summary: 'It''s: here # too'\nrelated:\n  - ' spaced '\n  - 'null'\n",
	simpleOK + "lastmod: 2025-08-21\ndraft: true\n",
	simpleOK + "aliases:\n  - news/old-slug/\n  - archive/x.html\n",
	"title: T\ndate: 2025-08-21T10:00:00.5+02:00\n",
	"title: T\ndate: 2025-8-1 10:00:00\n",
	simpleOK + "\n# a comment\ntags:\n\n  - a\n\n  - b\n\n",
	simpleOK + "takeaways:\n  - context: C\n    quote: Q\n  - quote: R\nrisk:\n  text: X\n  title: Y\n",
	simpleOK + "slug: Not_A_Slug\n",
	"date: 2025-08-21\n",
	"title: T\n",
	simpleOK[:len(simpleOK)-1],
}

func TestSimpleReads(t *testing.T) {
	for _, fm := range simpleCases {
		if !checkSameAsYAML(t, fm) {
			t.Errorf("decodeSimple gave up on\n%s", fm)
		}
	}
}

func TestSimpleGivesUp(t *testing.T) {
	tests := []struct{ name, fm string }{
		{"empty", ""},
		{"comment only", "# c\n"},
		{"double quotes", simpleOK + "author: \"A\"\n"},
		{"empty quotes", simpleOK + "author: ''\n"},
		{"lone quote", simpleOK + "author: 'a'b'\n"},
		{"quoted date", "title: T\ndate: '2025-08-21'\n"},
		{"literal", simpleOK + "summary: |\n  x\n"},
		{"folded", simpleOK + "summary: >\n  x\n"},
		{"flow list", simpleOK + "tags: [a, b]\n"},
		{"flow mapping", simpleOK + "risk: {title: x}\n"},
		{"anchor", simpleOK + "author: &a x\n"},
		{"alias", simpleOK + "author: *a\n"},
		{"tag", simpleOK + "author: !!str x\n"},
		{"unknown key", simpleOK + "titel: x\n"},
		{"key twice", simpleOK + "title: U\n"},
		{"takeaway key twice", simpleOK + "takeaways:\n  - quote: Q\n    quote: R\n"},
		{"risk key twice", simpleOK + "risk:\n  title: Q\n  title: R\n"},
		{"unknown takeaway key", simpleOK + "takeaways:\n  - quote: Q\n    contxt: C\n"},
		{"tab", "title:\tT\ndate: 2025-08-21\n"},
		{"tab in text", simpleOK + "author: a\tb\n"},
		{"carriage return", "title: T\r\ndate: 2025-08-21\r\n"},
		{"line separator", simpleOK + "author: a\u2028b\n"},
		{"next line", simpleOK + "author: a\u0085b\n"},
		{"byte order mark", simpleOK + "author: a\uFEFFb\n"},
		{"control character", simpleOK + "author: a\x7fb\n"},
		{"invalid UTF-8", simpleOK + "author: a\xffb\n"},
		{"indentless list", simpleOK + "tags:\n- a\n"},
		{"deep list", simpleOK + "tags:\n    - a\n"},
		{"odd indent", simpleOK + "tags:\n   - a\n"},
		{"takeaway indent", simpleOK + "takeaways:\n  - quote: Q\n      context: C\n"},
		{"risk indent", simpleOK + "risk:\n   title: T\n"},
		{"null", simpleOK + "author: null\n"},
		{"tilde", simpleOK + "author: ~\n"},
		{"Null in a list", simpleOK + "tags:\n  - Null\n"},
		{"no value", simpleOK + "author:\n"},
		{"empty list", simpleOK + "tags:\nseed: x\n"},
		{"empty list at end", simpleOK + "tags:\n"},
		{"empty item", simpleOK + "tags:\n  -\n"},
		{"empty risk", simpleOK + "risk:\n"},
		{"continuation", "title: T\n  more\ndate: 2025-08-21\n"},
		{"list continuation", simpleOK + "tags:\n  - a\n    b\n"},
		{"continuation after blank", "title: T\n\n  more\ndate: 2025-08-21\n"},
		{"comment in a list", simpleOK + "tags:\n  - a\n# c\n  - b\n"},
		{"indented comment", simpleOK + "  # c\n"},
		{"colon space", simpleOK + "author: a: b\n"},
		{"trailing colon", simpleOK + "author: a:\n"},
		{"comment after text", simpleOK + "author: a # b\n"},
		{"trailing space", simpleOK + "author: a \n"},
		{"two spaces", simpleOK + "author:  a\n"},
		{"no space", simpleOK + "author:a\n"},
		{"space before colon", simpleOK + "author : a\n"},
		{"dash", simpleOK + "author: - a\n"},
		{"dot", simpleOK + "author: .inf\n"},
		{"plus", simpleOK + "author: +1\n"},
		{"bad date", "title: T\ndate: last tuesday\n"},
		{"impossible date", "title: T\ndate: 2025-13-01\n"},
		{"short year", "title: T\ndate: 25-08-21\n"},
		{"date comment", "title: T\ndate: 2025-08-21 # c\n"},
		{"draft yes", simpleOK + "draft: yes\n"},
		{"draft True", simpleOK + "draft: True\n"},
		{"no colon", simpleOK + "tags\n  - a\n"},
		{"list for text", simpleOK + "author:\n  - a\n"},
		{"text for list", simpleOK + "tags: a\n"},
		{"document end", simpleOK + "...\n"},
		{"directive", "%YAML 1.2\n" + simpleOK},
		{"top-level list", "- a\n"},
		{"complex key", simpleOK + "? author\n: a\n"},
		{"merge key", simpleOK + "<<: {author: a}\n"},
	}
	for _, tt := range tests {
		if _, _, ok := decodeSimple(tt.fm); ok {
			t.Errorf("%s: decodeSimple read\n%s", tt.name, tt.fm)
		}
	}
}

func TestParseSimpleErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"missing title", "---\ndate: 2025-08-21\n---\n", "x.md:1: front matter: missing title"},
		{"blank title", "---\ntitle: '  '\ndate: 2025-08-21\n---\n", "x.md:1: front matter: missing title"},
		{"missing both", "---\nauthor: A\n---\n", "x.md:1: front matter: missing date (and 1 more)"},
		{"bad slug", "---\ntitle: T\n\ndate: 2025-08-21\nslug: Not_A_Slug\n---\n", `x.md:5: front matter: slug "Not_A_Slug": want lower-case letters, digits and single hyphens, such as "russia-seeks-veto"`},
	}
	for _, tt := range tests {
		if _, _, ok := decodeSimple(strings.TrimSuffix(strings.TrimPrefix(tt.src, "---\n"), "---\n")); !ok {
			t.Errorf("%s: not simple", tt.name)
		}
		_, err := Parse("x.md", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got error %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

// FuzzFrontMatter checks that decodeSimple, whenever it reads front
// matter, gives what the YAML library's way gives.
func FuzzFrontMatter(f *testing.F) {
	for _, name := range simpleFiles(f) {
		f.Add(frontMatterOf(f, name))
	}
	fm, _, _, _ := split("x.md", string(Marshal(sample())))
	f.Add(fm)
	for _, fm := range simpleCases {
		f.Add(fm)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		checkSameAsYAML(t, fm)
	})
}
