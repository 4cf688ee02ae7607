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
<meta name="description" content="This story has moved to {{.Permalink}}">
<link rel="canonical" href="{{.Permalink}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Permalink}}">
</head>
<body>
<p>This story has moved: <a href="{{.URL}}">{{.Title}}</a></p>
</body>
</html>
`))

// Alias renders the redirect page of al.
func (r *Renderer) Alias(al *site.Alias) ([]byte, error) {
	var b bytes.Buffer
	err := aliasPage.Execute(&b, struct{ Lang, Title, URL, Permalink string }{
		r.config().Language, al.Article.Meta.Title, al.Article.URL, al.Article.Permalink,
	})
	return b.Bytes(), err
}
