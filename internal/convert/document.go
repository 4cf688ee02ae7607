package convert

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/markdown"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/seed"
	"github.com/t4k3news/digest/internal/tags"
)

// document builds the content document for a, without a date, and with
// the slug its title gives. Fields a lacks are derived, with a warning
// added to warns. Its categories are its subjects from vocab, its tags
// the names it is about.
func document(a *seed.Article, vocab *tags.Vocabulary, warns *diag.List) *content.Document {
	text := tagText(a)
	m := content.Meta{
		Title:       a.Headline,
		Description: a.Dek,
		Summary:     a.Lede,
		Headline:    a.AltHeadline,
		Author:      a.Byline,
		Source:      a.Site,
		Categories:  vocab.Subjects(text),
		Tags:        tags.Extract(text),
		Highlights:  texts(a.Highlights),
		Closing:     a.Closing,
		Related:     texts(a.Related),
		Seed:        filepath.Base(a.Name),
	}
	for _, t := range a.Takeaways {
		m.Takeaways = append(m.Takeaways, content.Takeaway{Quote: t.Quote, Context: t.Context})
	}
	if a.Risk != nil {
		m.Risk = &content.Risk{Title: a.Risk.Title, Text: a.Risk.Text}
	}
	derive(a, &m, warns)
	m.Slug = slugOf(a, &m, warns)
	return &content.Document{Meta: m, Body: body(a)}
}

// slugOf is the slug of the title, by the rule a build checks
// (route.Slug). A title with no letter or digit in it, such as "!!! ???",
// has none: the slug then comes from the dek, else the first words of the
// text, else a short hash of the seed's name, with a warning to choose a
// better one.
func slugOf(a *seed.Article, m *content.Meta, warns *diag.List) string {
	if s := route.Slug(m.Title, ""); s != "" {
		return s
	}
	lead, _ := leadSentences(a)
	words := strings.Fields(strings.Join(lead, " "))
	words = words[:min(len(words), 8)]
	for _, alt := range []struct{ what, text string }{
		{"the dek", m.Description},
		{"the first words of the text", strings.Join(words, " ")},
	} {
		if s := route.Slug(alt.text, ""); s != "" {
			warns.Add(a.Name, a.Lines.Headline, "the headline %q has no letter or digit for a slug; slug %q taken from %s (set slug: in the content file to choose another)", m.Title, s, alt.what)
			return s
		}
	}
	sum := sha256.Sum256([]byte(m.Seed))
	s := "article-" + hex.EncodeToString(sum[:4])
	warns.Add(a.Name, a.Lines.Headline, "the headline %q has no letter or digit for a slug, nor the dek or text; slug %q made from the seed's name (set slug: in the content file to choose another)", m.Title, s)
	return s
}

// body is the Markdown body: the body paragraphs, then the analysis under
// its own level-2 heading, each paragraph escaped to render as written.
func body(a *seed.Article) string {
	var paras []string
	for _, p := range a.Body {
		paras = append(paras, markdown.Escape(p.Text))
	}
	if len(a.Analysis) > 0 {
		paras = append(paras, "## Analysis")
		for _, p := range a.Analysis {
			paras = append(paras, markdown.Escape(p.Text))
		}
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// tagText is the article's text for tags: its own headlines, which are title
// case, apart from its running text. Related titles are about other
// articles and take no part.
func tagText(a *seed.Article) tags.Text {
	var t tags.Text
	t.Headlines = nonEmpty(a.Headline, a.AltHeadline, a.Dek)
	t.Paragraphs = nonEmpty(a.Lede)
	t.Paragraphs = append(t.Paragraphs, texts(a.Body)...)
	t.Paragraphs = append(t.Paragraphs, texts(a.Analysis)...)
	for _, tk := range a.Takeaways {
		t.Paragraphs = append(t.Paragraphs, nonEmpty(tk.Context)...)
	}
	if a.Risk != nil {
		t.Paragraphs = append(t.Paragraphs, nonEmpty(a.Risk.Text)...)
	}
	return t
}

func texts(ps []seed.Para) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
