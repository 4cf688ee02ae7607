// Package content reads and writes the site's content files: YAML front
// matter between "---" lines, then a Markdown body. It owns the front matter
// schema and its validation; the YAML library is used here and nowhere else.
//
// Front matter is read one of two ways. Most files are in the shape that
// Marshal writes, which decodeSimple reads line by line, many times faster
// than the YAML library; it gives up on anything it cannot read exactly as
// the library would, and the library reads that, so results and error
// messages are the library's either way. Both ways end in the same checks.
//
// Where a key has a meaning in Hugo (title, date, description, summary, tags,
// slug, draft, publishDate, expiryDate, lastmod, aliases, weight, authors,
// images),
// it has Hugo's name and type, so content stays portable.
package content

import "time"

// Document is one content file.
type Document struct {
	// Path names the file in errors, e.g. "content/x.md".
	Path string
	Meta Meta
	// Body is the Markdown after the front matter.
	Body string
	// BodyLine is the 1-based line of the file on which Body starts, so that
	// positions in the body can be reported as lines of the file.
	BodyLine int
	// ImageLine is the line of the file that names the lead image (key
	// image, else images), for messages about it; 0 without one.
	ImageLine int
	// Checksum is the checksum that convert recorded in the front matter, or
	// "" for a file written by hand. See [Document.Edited].
	Checksum string
	edited   bool
}

// Meta is the front matter of an article.
type Meta struct {
	Title       string    `yaml:"title"`
	Slug        string    `yaml:"slug"`
	Description string    `yaml:"description,omitempty"` // the dek
	Summary     string    `yaml:"summary,omitempty"`     // the lede
	Headline    string    `yaml:"headline,omitempty"`    // the alternative headline
	Date        time.Time `yaml:"date"`
	Lastmod     time.Time `yaml:"lastmod,omitempty"`
	Draft       bool      `yaml:"draft,omitempty"`
	// PublishDate, when later than the build's clock, keeps the story out
	// of the site until then; without it, Date does (as in Hugo).
	PublishDate time.Time `yaml:"publishDate,omitempty"`
	// ExpiryDate takes the story out of the site once the clock reaches it.
	ExpiryDate time.Time `yaml:"expiryDate,omitempty"`
	// Aliases are site-relative paths ("news/old-slug/") that redirect
	// to the story, so that the links of a renamed story keep working.
	Aliases []string `yaml:"aliases,omitempty"`
	// Weight puts the story first on the front page: the lowest weight
	// leads; 0, as in Hugo, means none.
	Weight int `yaml:"weight,omitempty"`
	// Pinned puts the story first on the front page, after those with a
	// weight.
	Pinned bool `yaml:"pinned,omitempty"`
	// Withdrawn is the reason the story was withdrawn: it leaves every
	// listing, and its page says only that it was withdrawn.
	Withdrawn string `yaml:"withdrawn,omitempty"`
	// Corrections are the notes shown at the end of a corrected story.
	Corrections []Correction `yaml:"corrections,omitempty"`
	// Image is the story's lead image: an https:// URL, or the name of a
	// file under static/ or content/ ("images/port.jpg"). Images is Hugo's
	// list of a page's images; without Image, its first leads. ImageAlt
	// says what the lead image shows, for readers who cannot see it.
	Image    string   `yaml:"image,omitempty"`
	Images   []string `yaml:"images,omitempty"`
	ImageAlt string   `yaml:"imageAlt,omitempty"`
	Author   string   `yaml:"author,omitempty"`
	// Authors are the story's bylines, as in Hugo; Author is one more.
	Authors []string `yaml:"authors,omitempty"`
	Source  string   `yaml:"source,omitempty"`
	// Categories are the story's subjects from the site's controlled
	// vocabulary ("Economy"), as Hugo's default taxonomy of that name;
	// Tags are the names it is about. Both make topic pages.
	Categories []string   `yaml:"categories,omitempty"`
	Tags       []string   `yaml:"tags,omitempty"`
	Takeaways  []Takeaway `yaml:"takeaways,omitempty"`
	Highlights []string   `yaml:"highlights,omitempty"`
	Risk       *Risk      `yaml:"risk,omitempty"`
	Closing    string     `yaml:"closing,omitempty"`
	Related    []string   `yaml:"related,omitempty"`
	Seed       string     `yaml:"seed,omitempty"`
}

// LeadImage is the story's lead image, Image or else the first of Images,
// or "".
func (m *Meta) LeadImage() string {
	if m.Image == "" && len(m.Images) > 0 {
		return m.Images[0]
	}
	return m.Image
}

// Topics are the story's categories, then its tags: what its topic pages
// are made from.
func (m *Meta) Topics() []string {
	if len(m.Categories) == 0 {
		return m.Tags
	}
	return append(m.Categories[:len(m.Categories):len(m.Categories)], m.Tags...)
}

// Takeaway is a quote card: the words quoted and who said them, or why they
// matter.
type Takeaway struct {
	Quote   string `yaml:"quote"`
	Context string `yaml:"context,omitempty"`
}

// Correction is a note of what a corrected story got wrong, and when it
// was put right.
type Correction struct {
	Date time.Time `yaml:"date"`
	Text string    `yaml:"text"`
}

// Risk is the boxed risk note of an article.
type Risk struct {
	Title string `yaml:"title"`
	Text  string `yaml:"text,omitempty"`
}
