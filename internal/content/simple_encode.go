package content

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Marshal writes front matter without the YAML library when every text in
// it is a plain scalar that the library would write as it is (encodeSimple);
// otherwise the library writes it. The library's encoder was a fifth of the
// cost of converting a seed. FuzzEncodeSimple holds the two to the same
// bytes.

// encodeSimple writes m as the YAML library's encoder, indenting by 2, does,
// if every text in m is one that it writes plain (see plainText) and the
// title, slug and date are set. It reports whether it did.
func encodeSimple(b *bytes.Buffer, m *Meta) bool {
	if m.Title == "" || m.Slug == "" || m.Date.IsZero() || m.deskKeys() || !m.simpleTexts() {
		return false
	}
	field := func(key, text string) {
		if text != "" {
			b.WriteString(key + ": " + text + "\n")
		}
	}
	list := func(key string, items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString(key + ":\n")
		for _, it := range items {
			b.WriteString("  - " + it + "\n")
		}
	}
	field("title", m.Title)
	field("slug", m.Slug)
	field("description", m.Description)
	field("summary", m.Summary)
	field("headline", m.Headline)
	field("date", m.Date.Format(time.RFC3339Nano))
	if !m.Lastmod.IsZero() {
		field("lastmod", m.Lastmod.Format(time.RFC3339Nano))
	}
	if m.Draft {
		field("draft", "true")
	}
	list("aliases", m.Aliases)
	field("author", m.Author)
	field("source", m.Source)
	list("categories", m.Categories)
	list("tags", m.Tags)
	if len(m.Takeaways) > 0 {
		b.WriteString("takeaways:\n")
		for _, t := range m.Takeaways {
			b.WriteString("  - quote: " + t.Quote + "\n")
			field("    context", t.Context)
		}
	}
	list("highlights", m.Highlights)
	if m.Risk != nil {
		b.WriteString("risk:\n")
		field("  title", m.Risk.Title)
		field("  text", m.Risk.Text)
	}
	field("closing", m.Closing)
	list("related", m.Related)
	field("seed", m.Seed)
	return true
}

// deskKeys reports whether m has any of the keys an editor sets by hand
// and convert never writes but for aliases; the library writes those.
func (m *Meta) deskKeys() bool {
	return !m.PublishDate.IsZero() || !m.ExpiryDate.IsZero() || m.Weight != 0 || m.Pinned ||
		m.Withdrawn != "" || len(m.Corrections) > 0 || len(m.Authors) > 0 ||
		m.Image != "" || len(m.Images) > 0 || m.ImageAlt != ""
}

// simpleTexts reports whether every text of m that is written is one that
// the library writes plain, and every takeaway and risk has its first key.
func (m *Meta) simpleTexts() bool {
	texts := []string{m.Title, m.Slug, m.Description, m.Summary, m.Headline, m.Author, m.Source, m.Closing, m.Seed}
	for _, list := range [][]string{m.Aliases, m.Categories, m.Tags, m.Highlights, m.Related} {
		for _, s := range list {
			if s == "" { // a list item is written even when empty
				return false
			}
		}
		texts = append(texts, list...)
	}
	for _, t := range m.Takeaways {
		if t.Quote == "" {
			return false
		}
		texts = append(texts, t.Quote, t.Context)
	}
	if m.Risk != nil {
		if m.Risk.Title == "" {
			return false
		}
		texts = append(texts, m.Risk.Title, m.Risk.Text)
	}
	for _, s := range texts {
		if s != "" && !plainText(s) {
			return false
		}
	}
	return true
}

// plainText reports whether the library writes s as a plain scalar, s
// itself. It is stricter than it need be: on top of what decodeSimple
// reads as plain (simplePlain), s has only letters, digits, single spaces
// and common punctuation, is not a word that YAML reads as something other
// than text (true, no, ...) and, if it starts with a digit, is not anything
// like a number or a date.
func plainText(s string) bool {
	if !simplePlain(s) || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(` .,;:'"-()/&%!?$+_’‘“”–—…`, r) {
			return false
		}
		if r >= 0x80 && !(r >= 0xA0 && r < 0xD800 || r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF) {
			return false // the library escapes what YAML 1.1 does not call printable
		}
	}
	switch strings.ToLower(s) {
	case "y", "yes", "n", "no", "on", "off", "true", "false", "null":
		return false
	}
	return s[0] < '0' || s[0] > '9' || !numberLike(s)
}

// numberLike reports whether s, which starts with a digit, might be read
// by YAML as an integer, a float, a sexagesimal number or a date, as the
// library's resolver tries them.
func numberLike(s string) bool {
	if len(s) > 4 && s[4] == '-' || strings.ContainsRune(s, ':') {
		return true
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseFloat(plain, 64); err == nil {
		return true
	}
	return strings.HasPrefix(plain, "0b") || strings.HasPrefix(plain, "0o") || strings.HasPrefix(plain, "0x") || strings.HasPrefix(plain, "0X")
}
