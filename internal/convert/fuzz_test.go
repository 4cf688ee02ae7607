package convert

import (
	"github.com/t4k3news/digest/internal/tags"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/seed"
)

// FuzzDocument converts any seed the parser accepts and reads the content
// file back: it must parse, as a build reads it, to the same front matter
// (decode(encode(x)) == x), whatever the seed holds.
func FuzzDocument(f *testing.F) {
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("T4K3.news\n!!! ??? …\n— ? —\n\nꙮꙮ ʔʔ ǂǂ.\nꙮꙮ ʔʔ.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := seed.Parse("seeds/f.txt", data)
		if err != nil {
			return
		}
		var warns diag.List
		doc := document(a, tags.NewVocabulary(tags.DefaultSubjects), &warns)
		doc.Meta.Date = testDate
		doc.Path = "content/" + doc.Meta.Slug + ".md"
		back, err := content.Parse(doc.Path, content.Marshal(doc))
		if err != nil {
			t.Fatalf("a build rejects the converted file: %v\n%s", err, content.Marshal(doc))
		}
		if !reflect.DeepEqual(back.Meta, doc.Meta) {
			t.Fatalf("front matter changed on the way back:\nwrote %#v\nread  %#v", doc.Meta, back.Meta)
		}
		if back.Body != doc.Body {
			t.Fatalf("body changed on the way back:\nwrote %q\nread  %q", doc.Body, back.Body)
		}
	})
}
