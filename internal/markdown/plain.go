package markdown

import (
	"bytes"
	"html/template"
	"unicode"
	"unicode/utf8"
)

// A body as convert writes it is paragraphs of ordinary text and perhaps an
// "## Analysis" heading, and goldmark spends most of its time on such a body
// finding that nothing in it is markup. renderPlain renders the bodies that
// are plain beyond doubt itself, and leaves every other body to goldmark,
// which stays the reference: FuzzPlain checks that the two agree.

// renderPlain is Render for a plain body (see isPlain); ok is false for any
// other body.
func renderPlain(body []byte) (sections []Section, ok bool) {
	if !isPlain(body) {
		return nil, false
	}
	type mark struct {
		title string
		start int // of the section's HTML in out
	}
	out := make([]byte, 0, len(body)+len(body)/8)
	marks := []mark{{}}
	inPara := false
	for line := range bytes.Lines(body) {
		line = bytes.TrimSuffix(line, []byte("\n"))
		title, heading := bytes.CutPrefix(line, []byte("## "))
		switch {
		case len(line) > 0 && !heading: // a paragraph's line
			if inPara {
				out = append(out, '\n') // a soft line break
			} else {
				out = append(out, "<p>"...)
				inPara = true
			}
			out = appendEscaped(out, line)
			continue
		case inPara: // a blank line or heading ends the paragraph
			out = append(out, "</p>\n"...)
			inPara = false
		}
		if heading {
			marks = append(marks, mark{string(title), len(out)})
		}
	}
	if inPara {
		out = append(out, "</p>\n"...)
	}
	html := string(out) // one string, which the sections share
	for i, m := range marks {
		end := len(html)
		if i+1 < len(marks) {
			end = marks[i+1].start
		}
		// As Render's flush: a section with neither title nor HTML is none.
		if m.title != "" || end > m.start {
			sections = append(sections, Section{Title: m.title, HTML: template.HTML(html[m.start:end])})
		}
	}
	return sections, true
}

// isPlain reports whether body is lines that are each
//   - empty, which ends a paragraph;
//   - "## " and a plain line, a level-2 heading that starts a section;
//   - a plain line that cannot start a block (see plainStart): a
//     paragraph's line, joined to the next by a soft line break.
//
// It is what goldmark renders as renderPlain does.
func isPlain(body []byte) bool {
	for line := range bytes.Lines(body) {
		line = bytes.TrimSuffix(line, []byte("\n"))
		switch title, heading := bytes.CutPrefix(line, []byte("## ")); {
		case heading:
			line = title
		case len(line) == 0:
			continue
		case !plainStart(line[0]) || startsListItem(line):
			return false
		}
		if !plainLine(line) {
			return false
		}
	}
	return true
}

// textByte marks the bytes that are text wherever they stand in a line.
// Left out are controls and tab; \ ` * _ [ ] < > | ~ # { } ^, each of
// which can take part in an escape, code span, emphasis, link, raw HTML,
// table, fence, heading or attribute; whatever else was not needed; and
// '&' and bytes beyond ASCII, which plainLine looks at more closely.
// appendEscaped writes '"' as goldmark does.
var textByte = func() (t [256]bool) {
	for _, c := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + ` .,;:?!'"()%$/+-=@` {
		t[c] = true
	}
	return t
}()

// plainLine reports whether line is non-empty plain text with no space at
// its ends (no hard break, nothing for goldmark to trim): valid UTF-8 of
// textByte, '&' that does not start an entity, and printable runes beyond
// ASCII.
func plainLine(line []byte) bool {
	if len(line) == 0 || line[0] == ' ' || line[len(line)-1] == ' ' {
		return false
	}
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case textByte[c]:
			i++
		case c == '&' && !entityAt(line[i:]):
			i++
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError || unicode.IsControl(r) {
				return false
			}
			i += n
		default:
			return false
		}
	}
	return true
}

// entityAt reports whether s, which starts with '&', might start a
// character reference such as "&amp;" or "&#39;", which goldmark would
// decode: an '&', then letters, digits and '#', then ';'.
func entityAt(s []byte) bool {
	i := 1
	for i < len(s) && (s[i] == '#' || isAlnum(s[i])) {
		i++
	}
	return i < len(s) && s[i] == ';'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c)
}

// plainStart reports whether a paragraph's line may start with c: a letter
// or digit, a rune beyond ASCII, a quote or '('. Any other can start a
// block, or turn the line before into a setext heading or a table.
func plainStart(c byte) bool {
	return isAlnum(c) || c >= utf8.RuneSelf || c == '"' || c == '\'' || c == '('
}

// startsListItem reports whether line starts with digits and then '.' or
// ')', as an ordered list item such as "1. " or "2022)" does.
func startsListItem(line []byte) bool {
	i := 0
	for i < len(line) && isDigit(line[i]) {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')')
}

// appendEscaped appends plain text as goldmark's renderer writes it. Of the
// characters it escapes, a plain line can hold only '"' and '&'.
func appendEscaped(out, text []byte) []byte {
	if bytes.IndexByte(text, '"') < 0 && bytes.IndexByte(text, '&') < 0 {
		return append(out, text...) // the common case, found fast
	}
	for _, c := range text {
		switch c {
		case '"':
			out = append(out, "&quot;"...)
		case '&':
			out = append(out, "&amp;"...)
		default:
			out = append(out, c)
		}
	}
	return out
}
