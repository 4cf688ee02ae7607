package card

import (
	"image/color"
	"strconv"
	"unicode"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/site"
)

// The site's own images, at the root of the output folder.
const (
	SiteFile = "card.png"
	LogoFile = "logo.png"
)

// StoryFile is the output file of an article's card: "news/<slug>/card.png".
func StoryFile(a *site.Article) string { return a.Path + "card.png" }

// QuoteFile is the output file of the card of an article's nth takeaway,
// from 1: "news/<slug>/quote-1.png".
func QuoteFile(a *site.Article, n int) string { return a.Path + "quote-" + strconv.Itoa(n) + ".png" }

// Own reports whether article a has cards of its own: it is among the
// config's Cards newest stories. Older stories show the site's card, so
// the images of a large archive stay within what GitHub Pages holds.
func Own(c *config.Config, a *site.Article) bool { return a.Rank() < c.Cards }

// Image is a share image as a page names it in its metadata.
type Image struct {
	// File is the image's output file, relative to the output folder.
	File          string
	Width, Height int
	// Alt says what the image shows.
	Alt string
}

// ForSite is the site's card, for the front page and listings.
func ForSite(c *config.Config) Image {
	return Image{File: SiteFile, Width: StoryWidth, Height: StoryHeight, Alt: c.Title + ": " + c.Description}
}

// ForArticle is the card an article page shows: its own, or the site's.
func ForArticle(c *config.Config, a *site.Article) Image {
	if !Own(c, a) {
		return ForSite(c)
	}
	return Image{File: StoryFile(a), Width: StoryWidth, Height: StoryHeight, Alt: a.Meta.Title}
}

// ForLogo is the publisher's logo.
func ForLogo() Image { return Image{File: LogoFile, Width: LogoSide, Height: LogoSide} }

// Entry is one card file of the site.
type Entry struct {
	File string
	Spec Spec
}

// Entries lists the site's cards: the site card and logo, then for each of
// the newest stories its card and its quote cards, in the digest's order.
func Entries(c *config.Config, s *site.Site) []Entry {
	entries := SiteEntries(c)
	for _, a := range s.Articles[:min(len(s.Articles), c.Cards)] {
		entries = append(entries, ArticleEntries(c, a)...)
	}
	return entries
}

// SiteEntries lists the site's card and its logo.
func SiteEntries(c *config.Config) []Entry {
	site, logo := base(c), base(c)
	site.Kind, site.Text = SiteCard, c.Description
	logo.Kind = Logo
	return []Entry{{SiteFile, site}, {LogoFile, logo}}
}

// ArticleEntries lists the cards of one article, none if it has no cards
// of its own.
func ArticleEntries(c *config.Config, a *site.Article) []Entry {
	if !Own(c, a) {
		return nil
	}
	story := base(c)
	story.Kind, story.Text, story.Note = StoryCard, a.Meta.Title, date(a)
	if len(a.Topics) > 0 {
		story.Label = a.Topics[0].Name
	}
	files := Files(a)
	entries := []Entry{{files[0], story}}
	for i, t := range a.Meta.Takeaways {
		q := base(c)
		q.Kind, q.Text, q.Label, q.Note = QuoteCard, t.Quote, t.Context, a.Meta.Title
		entries = append(entries, Entry{files[i+1], q})
	}
	return entries
}

// Files are the files of an article's cards when it has its own: its
// story card, then a quote card for each takeaway.
func Files(a *site.Article) []string {
	files := []string{StoryFile(a)}
	for i := range a.Meta.Takeaways {
		files = append(files, QuoteFile(a, i+1))
	}
	return files
}

func date(a *site.Article) string {
	if a.Meta.Date.IsZero() {
		return ""
	}
	return a.Date().Format("2 January 2006") // the day the article page shows, in the site's time zone
}

// base is the part of every card's spec that comes from the config.
func base(c *config.Config) Spec {
	return Spec{Site: c.Title, Mark: Mark(c.Title), Colors: colors(c.Colors)}
}

// Mark is the letters of the site's mark: the first two letters or digits
// of its name, "T4" for "T4K3.news".
func Mark(title string) string {
	var mark []rune
	for _, r := range title {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			mark = append(mark, unicode.ToUpper(r))
			if len(mark) == 2 {
				break
			}
		}
	}
	return string(mark)
}

func colors(c config.Colors) Colors {
	return Colors{
		Background: rgb(c.Background), Text: rgb(c.Text), Muted: rgb(c.Muted),
		Accent: rgb(c.Accent), Rule: rgb(c.Rule), Quote: rgb(c.Quote),
	}
}

// rgb reads "#rrggbb", as the config has checked it; anything else is
// black. It is read by hand: fmt.Sscanf cost build --watch 10 ms after
// each edit at 10,000 articles, as plan.List reads six colours a card.
func rgb(s string) color.RGBA {
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{A: 255}
	}
	var c [3]uint8
	for i := range c {
		hi, ok1 := nibble(s[1+2*i])
		lo, ok2 := nibble(s[2+2*i])
		if !ok1 || !ok2 {
			return color.RGBA{A: 255}
		}
		c[i] = hi<<4 | lo
	}
	return color.RGBA{c[0], c[1], c[2], 255}
}

func nibble(c byte) (uint8, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
