// Package markdown is the site's one use of goldmark: it renders article
// bodies to HTML, split into sections at level-2 headings, and it writes
// plain text as Markdown that renders back to exactly that text. A body of
// plain paragraphs, as convert writes, is rendered without goldmark's help,
// but exactly as goldmark renders it (see renderPlain).
//
// Raw HTML in Markdown is never passed through: an editor's "<div>" or
// "<script>" comes out as an omitted-HTML comment, so content is text.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Section is a part of an article body: the text before the first level-2
// heading (with an empty Title), or a level-2 heading and what follows it.
type Section struct {
	Title string
	HTML  template.HTML
}

// md is safe for concurrent use: goldmark's parser and renderer keep no
// per-call state.
var md = goldmark.New(goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(lazyImages{}, 100))))

// lazyImages marks every image of a body to be loaded when it is about to
// be seen, not with the page: a story's body is below its headline, so its
// images are below the fold. (The lead image, which is not, is the
// template's.)
type lazyImages struct{}

func (lazyImages) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			img.SetAttributeString("loading", []byte("lazy"))
			img.SetAttributeString("decoding", []byte("async"))
		}
		return ast.WalkContinue, nil
	})
}

var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// Render converts a Markdown body into sections. HTML is trusted output:
// goldmark escapes text and drops raw HTML.
func Render(body []byte) ([]Section, error) {
	if sections, ok := renderPlain(body); ok {
		return sections, nil // as goldmark would, in a sixth of the time
	}
	return renderGoldmark(body)
}

// renderGoldmark is Render for any body, by goldmark.
func renderGoldmark(body []byte) ([]Section, error) {
	doc := md.Parser().Parse(text.NewReader(body))
	var (
		sections []Section
		cur      Section
		buf      bytes.Buffer
	)
	buf.Grow(len(body) + len(body)/4) // HTML is a little longer than its Markdown
	// goldmark writes through a bufio.Writer, and makes one for each call
	// that is not given one: 4 KB for each of an article's paragraphs.
	w := writers.Get().(*bufio.Writer)
	w.Reset(&buf)
	defer func() { w.Reset(nil); writers.Put(w) }()
	flush := func() {
		cur.HTML = template.HTML(buf.String())
		if cur.Title != "" || buf.Len() > 0 {
			sections = append(sections, cur)
		}
		buf.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			flush()
			cur = Section{Title: plainText(h, body)}
			continue
		}
		if err := md.Renderer().Render(w, body, n); err != nil { // flushes w
			return nil, fmt.Errorf("rendering markdown: %w", err)
		}
	}
	flush()
	return sections, nil
}

// plainText is the text of a node without its markup.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			// Its children are Text nodes; walk on.
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
