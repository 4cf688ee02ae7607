package convert

import (
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/content"
)

func TestYAMLRoundTrip(t *testing.T) {
	tricky := []string{
		"Key: value # not a comment",
		"&anchor *alias !tag",
		`"double" and 'single' quotes`,
		"---",
		"- not a list",
		"said: 'this' # & *x !x ---",
		"yes",
		"null",
		"1e3",
		"@at `tick` % percent | pipe > gt",
	}
	text := "T4K3.news\n" + tricky[0] + "\n" + tricky[1] + "\n\n" + tricky[2] + "\n" + tricky[3] + "\n" +
		"# Body: a #hashtag & *stars* <div> 2022. ---\n" +
		"Key Takeaways\n\"" + tricky[4] + "\"\n" + tricky[5] + "\n" +
		"Highlights\n- " + tricky[6] + "\n- " + tricky[7] + "\n" + tricky[8] + "\n" + tricky[9] + "\nClosing: # ---\n" +
		"Related News\n\n---\n\n" + tricky[2] + "\n"
	dir := site(t, map[string]string{"y.txt": text})
	if _, err := Run(Options{Source: dir, Date: testDate}); err != nil {
		t.Fatal(err)
	}
	m := parse(t, dir, "key-value-not-a-comment.md").Meta
	want := content.Meta{
		Title: tricky[0], Description: tricky[1], Summary: tricky[2], Headline: tricky[3],
		Takeaways:  []content.Takeaway{{Quote: tricky[4], Context: tricky[5]}},
		Highlights: []string{tricky[6], tricky[7]},
		Risk:       &content.Risk{Title: tricky[8], Text: tricky[9]},
		Closing:    "Closing: # ---",
		Related:    []string{"---", tricky[2]},
	}
	got := m
	got.Slug, got.Date, got.Tags, got.Source, got.Seed = "", want.Date, nil, "", ""
	if got.Title != want.Title || got.Description != want.Description || got.Summary != want.Summary ||
		got.Headline != want.Headline || !slices.Equal(got.Takeaways, want.Takeaways) ||
		!slices.Equal(got.Highlights, want.Highlights) || *got.Risk != *want.Risk ||
		got.Closing != want.Closing || !slices.Equal(got.Related, want.Related) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if m.Source != "T4K3.news" || m.Seed != "y.txt" {
		t.Errorf("source %q, seed %q", m.Source, m.Seed)
	}
}
