package render

import (
	"bytes"
	"html/template"

	"github.com/t4k3news/digest/internal/site"
)

// aliasPage is the page at an old address of a story, as Hugo writes it:
// a canonical link and a refresh to the story, kept out of search
// engines, with a plain link for a reader whose browser does not follow
// the refresh. It is the same for every site, so it is no template file.
var aliasPage = template.Must(template.New("alias").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<meta name="description" content="This {{.What}} has moved to {{.Permalink}}">
<link rel="canonical" href="{{.Permalink}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Permalink}}">
</head>
<body>
<p>This {{.What}} has moved: <a href="{{.URL}}">{{.Title}}</a></p>
</body>
</html>
`))

// Alias renders the redirect page of al, to a story or a topic.
func (r *Renderer) Alias(al *site.Alias) ([]byte, error) {
	type data struct{ Lang, What, Title, URL, Permalink string }
	d := data{Lang: r.config().Language}
	if t := al.Topic; t != nil {
		d.What, d.Title, d.URL, d.Permalink = "topic", t.Name, t.URL, t.Permalink
	} else {
		a := al.Article
		d.What, d.Title, d.URL, d.Permalink = "story", a.Meta.Title, a.URL, a.Permalink
	}
	var b bytes.Buffer
	err := aliasPage.Execute(&b, d)
	return b.Bytes(), err
}

// withdrawnPage is what is left at the address of a story withdrawn for
// good: a short note, kept out of search engines, with the editor's reason
// and a way back to the front page. The story's own words are gone.
var withdrawnPage = template.Must(template.New("withdrawn").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>This story was withdrawn · {{.Site}}</title>
<meta name="description" content="This story was withdrawn.">
<meta name="robots" content="noindex">
<link rel="canonical" href="{{.Permalink}}">
<link rel="stylesheet" href="{{.Style}}">
</head>
<body>
<main id="main" class="withdrawn">
<h1>This story was withdrawn</h1>
<p>{{.Reason}}</p>
<p><a href="{{.Home}}">The front page of {{.Site}}</a></p>
</main>
</body>
</html>
`))

// Withdrawn renders the page left at the address of a, a withdrawn story.
func (r *Renderer) Withdrawn(s *site.Site, a *site.Article) ([]byte, error) {
	var b bytes.Buffer
	c := r.config()
	err := withdrawnPage.Execute(&b, struct{ Lang, Site, Permalink, Style, Reason, Home string }{
		c.Language, c.Title, a.Permalink, s.Routes.Rel("style.css"), a.Meta.Withdrawn, s.Routes.Rel(""),
	})
	return b.Bytes(), err
}
