package content

import (
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/route"
)

// uniqueTags drops the tags whose topic page an earlier tag already names
// ("Trade", "trade", "TRADE!"): one article is listed once on a topic.
func uniqueTags(tags []string) []string {
	if len(tags) < 2 {
		return tags
	}
	seen := make(map[string]bool, len(tags))
	out := tags[:0]
	for _, t := range tags {
		s := route.TopicSlug(t)
		if !seen[s] {
			seen[s] = true
			out = append(out, t)
		}
	}
	return out
}

// CapTags keeps at most max tags on each document, the first ones, and
// warns about each document that had more. Each tag is a topic page, three
// feeds and a sitemap entry that list the article, and each page of the
// article lists its tags: without a cap, a file's tags multiply into its
// output.
func CapTags(docs []*Document, max int) diag.List {
	var warns diag.List
	for _, d := range docs {
		if max > 0 && len(d.Meta.Tags) > max {
			warns.Add(d.Path, 0, "%d tags; only the first %d are kept (limits.tagsPerArticle in digest.yaml)", len(d.Meta.Tags), max)
			d.Meta.Tags = d.Meta.Tags[:max:max]
		}
	}
	return warns
}
