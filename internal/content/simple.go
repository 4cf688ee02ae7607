package content

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Front matter in the shape that Marshal writes is read by decodeSimple,
// line by line, without the YAML library: that library's parse and the
// reflection over its nodes were most of the cost of loading a site. It
// accepts only what it can read exactly as the library would, and gives up
// on anything else, which the library then reads, so every result and every
// error is the library's; FuzzFrontMatter holds the two to that.

// simpleKeys are the keys of Meta, each at its bit in simpleDecoder.seen.
var simpleKeys = [...]string{
	"title", "slug", "description", "summary", "headline", "date", "lastmod",
	"draft", "aliases", "author", "source", "categories", "tags", "takeaways", "highlights", "risk",
	"closing", "related", "seed",
}

// decodeSimple decodes fm, the front matter of a content file, if it has
// the shape that Marshal writes: only lines that are empty, "#" comments at
// the start of a line, "key: text", or "key:" followed by lines of a list
// ("  - text"), of the takeaways ("  - quote: text", "    context: text") or
// of the risk ("  title: text"). Each key is a key of Meta, given once; each
// text is on one line, either single-quoted or a plain YAML scalar that
// means the text itself (see simpleText). It reports whether it did;
// line gives the file line of a top-level key, or 1 without one.
func decodeSimple(fm string) (m Meta, line func(key string) int, ok bool) {
	if !simpleChars(fm) {
		return Meta{}, nil, false
	}
	d := simpleDecoder{}
	for n := 1; fm != ""; n++ {
		line, rest, _ := strings.Cut(fm, "\n")
		if !d.line(line, n) {
			return Meta{}, nil, false
		}
		fm = rest
	}
	if !d.closeBlock() || d.seen == 0 {
		return Meta{}, nil, false
	}
	return d.m, d.keyLine, true
}

// simpleDecoder is the state of decodeSimple between lines.
type simpleDecoder struct {
	m       Meta
	lines   [len(simpleKeys)]int // the file line of each key given
	seen    uint32               // the top-level keys given, by index in simpleKeys
	block   string               // the key whose list or mapping is open, or ""
	entries int                  // how many lines the open block has
}

// line decodes line n of the front matter.
func (d *simpleDecoder) line(s string, n int) bool {
	switch {
	case s == "":
		return true
	case s[0] == '#':
		return d.closeBlock()
	case s[0] == ' ':
		return d.blockLine(s)
	}
	return d.closeBlock() && d.topLevel(s, n)
}

// closeBlock ends the open list or mapping, if any. An empty one would be
// null to YAML, so it is not simple.
func (d *simpleDecoder) closeBlock() bool {
	if d.block != "" && d.entries == 0 {
		return false
	}
	d.block = ""
	return true
}

// topLevel decodes a line "key: text" or "key:" at the start of line n.
func (d *simpleDecoder) topLevel(s string, n int) bool {
	key, value, colon := strings.Cut(s, ":")
	i := 0
	for i < len(simpleKeys) && simpleKeys[i] != key {
		i++
	}
	if !colon || i == len(simpleKeys) || d.seen&(1<<i) != 0 {
		return false
	}
	d.seen |= 1 << i
	d.lines[i] = fmLine(n)
	if value == "" {
		return d.openBlock(key)
	}
	value, ok := strings.CutPrefix(value, " ")
	return ok && d.scalar(key, value, n)
}

// openBlock opens the list or mapping of key.
func (d *simpleDecoder) openBlock(key string) bool {
	switch key {
	case "aliases", "categories", "tags", "highlights", "related", "takeaways":
	case "risk":
		d.m.Risk = &Risk{}
	default:
		return false
	}
	d.block, d.entries = key, 0
	return true
}

// scalar sets the field of a top-level key from its text on line n.
func (d *simpleDecoder) scalar(key, s string, n int) bool {
	switch key {
	case "date":
		return simpleDate(&d.m.Date, s)
	case "lastmod":
		return simpleDate(&d.m.Lastmod, s)
	case "draft":
		d.m.Draft = s == "true"
		return s == "true" || s == "false"
	}
	field := d.textField(key)
	text, ok := simpleText(s)
	if field == nil || !ok {
		return false
	}
	*field = text
	return true
}

// textField returns the text field of a top-level key, or nil.
func (d *simpleDecoder) textField(key string) *string {
	switch key {
	case "title":
		return &d.m.Title
	case "slug":
		return &d.m.Slug
	case "description":
		return &d.m.Description
	case "summary":
		return &d.m.Summary
	case "headline":
		return &d.m.Headline
	case "author":
		return &d.m.Author
	case "source":
		return &d.m.Source
	case "closing":
		return &d.m.Closing
	case "seed":
		return &d.m.Seed
	}
	return nil
}

// keyLine returns the file line of a top-level key, or 1.
func (d *simpleDecoder) keyLine(key string) int {
	for i, k := range simpleKeys {
		if k == key && d.lines[i] > 0 {
			return d.lines[i]
		}
	}
	return 1
}

// blockLine decodes an indented line, an entry of the open block.
func (d *simpleDecoder) blockLine(s string) bool {
	d.entries++
	switch d.block {
	case "aliases", "categories", "tags", "highlights", "related":
		s, ok := strings.CutPrefix(s, "  - ")
		if !ok {
			return false
		}
		text, ok := simpleText(s)
		if !ok {
			return false
		}
		list := d.list()
		*list = append(*list, text)
		return true
	case "takeaways":
		if s, ok := strings.CutPrefix(s, "  - "); ok {
			d.m.Takeaways = append(d.m.Takeaways, Takeaway{})
			return d.takeawayLine(s)
		}
		s, ok := strings.CutPrefix(s, "    ")
		return ok && len(d.m.Takeaways) > 0 && d.takeawayLine(s)
	case "risk":
		s, ok := strings.CutPrefix(s, "  ")
		return ok && d.riskLine(s)
	}
	return false
}

// list returns the field of the open list.
func (d *simpleDecoder) list() *[]string {
	switch d.block {
	case "categories":
		return &d.m.Categories
	case "tags":
		return &d.m.Tags
	case "highlights":
		return &d.m.Highlights
	case "aliases":
		return &d.m.Aliases
	}
	return &d.m.Related
}

// takeawayLine decodes "quote: text" or "context: text" of the last
// takeaway. A field that is set already (never to "") was given twice.
func (d *simpleDecoder) takeawayLine(s string) bool {
	t := &d.m.Takeaways[len(d.m.Takeaways)-1]
	key, text, ok := simpleEntry(s)
	switch {
	case !ok:
		return false
	case key == "quote" && t.Quote == "":
		t.Quote = text
	case key == "context" && t.Context == "":
		t.Context = text
	default:
		return false
	}
	return true
}

// riskLine decodes "title: text" or "text: text" of the risk.
func (d *simpleDecoder) riskLine(s string) bool {
	r := d.m.Risk
	key, text, ok := simpleEntry(s)
	switch {
	case !ok:
		return false
	case key == "title" && r.Title == "":
		r.Title = text
	case key == "text" && r.Text == "":
		r.Text = text
	default:
		return false
	}
	return true
}

// simpleEntry splits "key: text" in a takeaway or the risk.
func simpleEntry(s string) (key, text string, ok bool) {
	key, value, ok := strings.Cut(s, ": ")
	if !ok {
		return "", "", false
	}
	text, ok = simpleText(value)
	return key, text, ok
}

// simpleText returns the text of s, the rest of a line after "key: " or
// "- ", if s is a plain scalar that means its own text or a single-quoted
// scalar. The text is a part of the file's text, which the document keeps
// anyway (its Body is another part). It is never "", so a field that is
// set was given.
func simpleText(s string) (string, bool) {
	if s != "" && s[0] == '\'' {
		return singleQuoted(s)
	}
	if !simplePlain(s) {
		return "", false
	}
	return s, true
}

// simplePlain reports whether s is a plain YAML scalar that means the text
// s. It starts with a letter, a digit or a character beyond ASCII, not with
// an indicator such as a quote, "&", "*", "!", "[", "{", "|", ">", "-" or "#".
// ": " would start a mapping and " #" a comment; trailing spaces would be
// dropped and a trailing ":" would make a key. The null words would decode
// to "". Any other word or number decodes, into a text field, to its own
// text: the YAML library sets a string to the scalar as written, whatever
// the scalar resolves to.
func simplePlain(s string) bool {
	if s == "" || !simpleStart(s[0]) || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	switch s {
	case "null", "Null", "NULL":
		return false
	}
	return !strings.Contains(s, ": ") && !strings.Contains(s, " #")
}

// singleQuoted returns the text of s, a single-quoted scalar that is all
// of the line's value: "'" at both ends, and every "'" between them
// doubled.
func singleQuoted(s string) (string, bool) {
	if len(s) < 3 || s[len(s)-1] != '\'' {
		return "", false
	}
	inner := s[1 : len(s)-1]
	if !strings.Contains(inner, "'") {
		return inner, true
	}
	text := strings.ReplaceAll(inner, "''", "'")
	if strings.Count(inner, "'") != 2*strings.Count(text, "'") {
		return "", false // a lone "'" ends the scalar before the end
	}
	return text, true
}

func simpleStart(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= utf8.RuneSelf
}

// simpleChars reports whether fm holds only characters that YAML reads as
// themselves: printable ASCII, "\n", and the printable characters beyond
// ASCII other than the Unicode line breaks and the byte order mark. No tabs,
// no "\r".
func simpleChars(fm string) bool {
	for i := 0; i < len(fm); {
		if b := fm[i]; b < utf8.RuneSelf {
			if (b < ' ' || b > '~') && b != '\n' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(fm[i:])
		switch {
		case r < 0xA0, r == utf8.RuneError && size == 1,
			r == '\u2028', r == '\u2029', r == '\uFEFF', r == '\uFFFE', r == '\uFFFF':
			return false
		}
		i += size
	}
	return true
}

// simpleDate sets t to the plain scalar s, a timestamp, as the YAML library
// resolves one: s must start with four digits and "-" and parse in one of
// the library's layouts, tried in its order (go.yaml.in/yaml/v3,
// resolve.go, parseTimestamp), so that the time, location included, is
// the same.
func simpleDate(t *time.Time, s string) bool {
	if !simplePlain(s) || len(s) < 5 || s[4] != '-' {
		return false
	}
	for _, b := range []byte(s[:4]) {
		if b < '0' || b > '9' {
			return false
		}
	}
	for _, layout := range yamlTimestampLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			*t = v
			return true
		}
	}
	return false
}

// yamlTimestampLayouts are the YAML library's timestamp layouts.
var yamlTimestampLayouts = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}
