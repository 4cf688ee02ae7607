package tags_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/seed"
	"github.com/t4k3news/digest/internal/tags"
)

// BenchmarkExtract finds the tags of 1,000 generated articles.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpustest.Seeds(b, 1000), "seeds", "*.txt"))
	var texts []tags.Text
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a, err := seed.Parse(f, data)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, text(a))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			tags.Extract(t)
		}
	}
}

// text is the Text of a, as convert makes it.
func text(a *seed.Article) tags.Text {
	var t tags.Text
	for _, h := range []string{a.Headline, a.AltHeadline, a.Dek} {
		if h != "" {
			t.Headlines = append(t.Headlines, h)
		}
	}
	if a.Lede != "" {
		t.Paragraphs = append(t.Paragraphs, a.Lede)
	}
	for _, p := range append(a.Body, a.Analysis...) {
		t.Paragraphs = append(t.Paragraphs, p.Text)
	}
	for _, tk := range a.Takeaways {
		if tk.Context != "" {
			t.Paragraphs = append(t.Paragraphs, tk.Context)
		}
	}
	if a.Risk != nil && a.Risk.Text != "" {
		t.Paragraphs = append(t.Paragraphs, a.Risk.Text)
	}
	return t
}
