package feed

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/t4k3news/digest/internal/config"
)

// JSONFeedVersion is the version URL of JSON Feed 1.1.
const JSONFeedVersion = "https://jsonfeed.org/version/1.1"

// jsonDoc is a JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
type jsonDoc struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description,omitempty"`
	Language    string       `json:"language"`
	Authors     []jsonAuthor `json:"authors"`
	// The items, encoded already (item.JSON), are spliced in after the
	// last field by jsonFeed.
}

type jsonAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

func jsonFeed(c *config.Config, ch *channel, self string) ([]byte, error) {
	head, err := json.MarshalIndent(jsonDoc{
		Version: JSONFeedVersion, Title: ch.Title, HomePageURL: ch.Home, FeedURL: self,
		Description: ch.Description, Language: c.Language,
		Authors: []jsonAuthor{{Name: publisherName(c), URL: c.Publisher.URL}},
	}, "", "  ")
	if err != nil {
		return nil, err
	}
	// head ends with "\n}"; "items" goes after its last field.
	head = head[:len(head)-len("\n}")]
	n := len(head) + len(",\n  \"items\": [\n  ]\n}\n")
	for _, it := range ch.Items {
		n += len(",\n"+jsonItemIndent) + len(it.JSON)
	}
	b := append(make([]byte, 0, n), head...)
	b = append(b, ",\n  \"items\": ["...)
	for i, it := range ch.Items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n"+jsonItemIndent...)
		b = append(b, it.JSON...)
	}
	if len(ch.Items) > 0 {
		b = append(b, "\n  "...)
	}
	return append(b, "]\n}\n"...), nil
}

// jsonItemIndent is the indent of an item in "items".
const jsonItemIndent = "    "

// jsonItemJSON encodes it as an item of any JSON Feed.
//
// Its HTML is most of its bytes, which json.MarshalIndent would escape and
// then scan again to indent them; so the item is encoded with no HTML and
// the HTML, encoded alone, is put in place of the empty "content_html". No
// other field can hold those bytes: a quote in a JSON string is escaped.
func jsonItemJSON(it *item) ([]byte, error) {
	ji := jsonItem{
		ID: it.ID, URL: it.URL, Title: it.Title, Summary: it.Summary,
		DatePublished: atomDate(it.Published), DateModified: atomDate(it.Updated), Tags: it.Tags,
	}
	if it.Author != "" {
		ji.Authors = []jsonAuthor{{Name: it.Author}}
	}
	rest, err := json.MarshalIndent(ji, jsonItemIndent, "  ")
	if err != nil {
		return nil, err
	}
	html, err := json.Marshal(it.HTML)
	if err != nil {
		return nil, err
	}
	before, after, _ := bytes.Cut(rest, []byte(`"content_html": ""`))
	return slices.Concat(before, []byte(`"content_html": `), html, after), nil
}
