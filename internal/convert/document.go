package convert

import (
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
// added to warns.
func document(a *seed.Article, warns *diag.List) *content.Document {
	m := content.Meta{
		Title:       a.Headline,
		Description: a.Dek,
		Summary:     a.Lede,
		Headline:    a.AltHeadline,
		Author:      a.Byline,
		Source:      a.Site,
		Tags:        tags.Extract(tagText(a)),
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
	m.Slug = route.Slug(m.Title, strings.TrimSuffix(m.Seed, ".txt"))
	return &content.Document{Meta: m, Body: body(a)}
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
