package content

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// checkEncodeSimple fails t if encodeSimple writes m otherwise than the
// YAML library does, and reports whether it wrote it.
func checkEncodeSimple(t *testing.T, m *Meta) bool {
	t.Helper()
	var fast, lib bytes.Buffer
	if !encodeSimple(&fast, m) {
		return false
	}
	encodeYAML(&lib, m)
	if fast.String() != lib.String() {
		t.Errorf("encodeSimple wrote\n%s\nthe YAML library\n%s", fast.String(), lib.String())
	}
	return true
}

// TestEncodeSimpleRealFiles encodes the front matter of the repository's
// content files and of convert's golden files: most take the simple path
// (one has a quoted text), and those that do are written as the library
// writes them.
func TestEncodeSimpleRealFiles(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../content/*.md", "../convert/testdata/*/*.md", "../convert/testdata/*.md"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("found %d content files, want the repository's", len(files))
	}
	simple := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		if checkEncodeSimple(t, &doc.Meta) {
			simple++
		}
	}
	if simple < len(files)*3/4 {
		t.Errorf("%d of %d files written by encodeSimple, want most", simple, len(files))
	}
}

func TestEncodeSimpleGivesUp(t *testing.T) {
	date := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{"yes", "No", "null", "123", "1.5", "2025-08-21", "a: b", "a #b", "-a", "'a'", "a ", "a  b", "a\nb", "#a", "[a]", "a\tb", "ON"} {
		m := &Meta{Title: "T", Slug: "t", Date: date, Description: text}
		if checkEncodeSimple(t, m) {
			t.Errorf("%q: written plain; want the library to write it", text)
		}
	}
	for _, m := range []*Meta{{Slug: "t", Date: date}, {Title: "T", Date: date}, {Title: "T", Slug: "t"},
		{Title: "T", Slug: "t", Date: date, Takeaways: []Takeaway{{Context: "c"}}},
		{Title: "T", Slug: "t", Date: date, Risk: &Risk{Text: "x"}}} {
		if checkEncodeSimple(t, m) {
			t.Errorf("%+v: written by encodeSimple; want the library", m)
		}
	}
}

func FuzzEncodeSimple(f *testing.F) {
	f.Add("Russia seeks veto in Ukraine security guarantees", "Lavrov says Moscow’s role is key.", "Sergei Lavrov", "This will not work", "A line from “Kyiv” – on 3 fronts", "6738_gen.txt", false, int64(0))
	f.Add("A title", "yes", "1e3", "no", "", "Off", true, int64(3600))
	f.Add("Title: sub", "x #y", "a  b", "€5 & 10% off!", "(maybe)", "seed.txt", false, int64(-7200))
	f.Fuzz(func(t *testing.T, title, desc, tag, quote, context, seed string, draft bool, offset int64) {
		zone := time.FixedZone("", int(offset%86400))
		m := &Meta{
			Title: title, Slug: "s", Description: desc, Summary: desc, Date: time.Date(2025, 8, 21, 10, 30, 0, 0, zone),
			Draft: draft, Aliases: []string{"news/" + seed + "/"}, Categories: []string{title}, Tags: []string{tag, title}, Highlights: []string{quote}, Related: []string{context},
			Closing: context, Seed: seed, Author: tag,
		}
		if quote != "" {
			m.Takeaways = []Takeaway{{Quote: quote, Context: context}}
		}
		if title != "" {
			m.Risk = &Risk{Title: title, Text: desc}
		}
		checkEncodeSimple(t, m)
	})
}
