package check

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// jsonFeed is what the checks read of a JSON Feed
// (https://www.jsonfeed.org/version/1.1/).
type jsonFeed struct {
	Version     string `json:"version"`
	Title       string `json:"title"`
	HomePageURL string `json:"home_page_url"`
	FeedURL     string `json:"feed_url"`
	Items       []struct {
		ID            *string `json:"id"`
		URL           string  `json:"url"`
		ContentHTML   *string `json:"content_html"`
		ContentText   *string `json:"content_text"`
		DatePublished string  `json:"date_published"`
		DateModified  string  `json:"date_modified"`
	} `json:"items"`
}

// json checks that a JSON file parses, and the JSON Feed in it.
func (c *checker) json(file string, data []byte) {
	var f jsonFeed
	if err := json.Unmarshal(data, &f); err != nil {
		c.problems.Add(file, 0, "JSON does not parse: %v", err)
		return
	}
	if !strings.HasPrefix(f.Version, "https://jsonfeed.org/version/") {
		return // not a feed
	}
	if f.Title == "" {
		c.problems.Add(file, 0, "JSON Feed has no title")
	}
	if f.Items == nil {
		c.problems.Add(file, 0, "JSON Feed has no items")
	}
	for _, u := range []string{f.HomePageURL, f.FeedURL} {
		if u != "" && c.absolute(file, 0, "JSON Feed URL", u) {
			c.link(file, 0, u)
		}
	}
	for i, it := range f.Items {
		if it.ID == nil || *it.ID == "" {
			c.problems.Add(file, 0, "JSON Feed item %d has no id", i+1)
		}
		if it.ContentHTML == nil && it.ContentText == nil {
			c.problems.Add(file, 0, "JSON Feed item %d has neither content_html nor content_text", i+1)
		}
		if it.URL != "" && c.absolute(file, 0, fmt.Sprintf("JSON Feed item %d url", i+1), it.URL) {
			c.link(file, 0, it.URL)
		}
		for _, d := range []string{it.DatePublished, it.DateModified} {
			if _, err := time.Parse(time.RFC3339, d); d != "" && err != nil {
				c.problems.Add(file, 0, "JSON Feed item %d: date %q is not RFC 3339", i+1, d)
			}
		}
	}
}
