package seed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the section of a seed that a run of lines belongs to.
type kind int

const (
	kindStart      kind = iota // header and body
	kindTakeaways              // quote/context pairs, then analysis
	kindHighlights             // bullets, then risk and closing
	kindRelated                // related titles
)

// segment is a run of lines after a marker (or before the first marker).
type segment struct {
	kind  kind
	lines []line
}

// segments cuts lines at the markers. The share line and the byline are
// recorded in a directly, wherever they stand.
func segments(a *Article, lines []line) []segment {
	segs := []segment{{kind: kindStart}}
	for _, l := range lines {
		key := markerKey(l.text)
		switch {
		case key == "key takeaways" || key == "takeaways":
			segs = append(segs, segment{kind: kindTakeaways})
		case key == "highlights":
			segs = append(segs, segment{kind: kindHighlights})
		case key == "related news" || key == "related":
			segs = append(segs, segment{kind: kindRelated})
		case strings.HasPrefix(key, "enjoyed this?"):
			a.Share, a.Lines.Share = l.text, l.num
			segs = append(segs, segment{kind: kindRelated})
		case isByline(l.text):
			a.Byline = strings.TrimSpace(l.text[len("written by"):])
			a.Lines.Byline = l.num
		default:
			segs[len(segs)-1].lines = append(segs[len(segs)-1].lines, l)
		}
	}
	return segs
}

// markerKey is s in lower case without a trailing colon, for comparing
// with the markers, or "" if s cannot be a marker: every marker starts
// with one of the letters of "kthre".
func markerKey(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("kthre", unicode.ToLower(r)) {
		return ""
	}
	return strings.TrimRight(strings.ToLower(s), ": ")
}

// isByline reports whether s is a "Written By <name>" line: a short line, so
// that a paragraph starting "Written by hand, ..." stays a paragraph.
func isByline(s string) bool {
	const prefix = "written by "
	if len(s) <= len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return false
	}
	name := s[len(prefix):]
	return len(strings.Fields(name)) <= 6 && !strings.ContainsAny(name, ".!?")
}

// nonBlank returns the lines that hold text.
func nonBlank(lines []line) []line {
	var out []line
	for _, l := range lines {
		if l.text != "" {
			out = append(out, l)
		}
	}
	return out
}

// isSiteLine reports whether s looks like a source name such as "T4K3.news":
// a few words, short, and not a sentence.
func isSiteLine(s string) bool {
	return len(s) <= 40 && len(strings.Fields(s)) <= 3 && !endsSentence(s)
}

// isHeadline reports whether s reads as a headline rather than a paragraph:
// short and without a closing full stop.
func isHeadline(s string) bool {
	return len([]rune(s)) <= 140 && len(strings.Fields(s)) <= 20 && !endsSentence(s)
}

// isContext reports whether s can be a takeaway's context line: at most one
// short sentence, unlike an analysis paragraph.
func isContext(s string) bool {
	if len([]rune(s)) > 200 {
		return false
	}
	for _, sep := range []string{". ", "? ", "! "} {
		if strings.Contains(s, sep) {
			return false
		}
	}
	return true
}

// endsSentence reports whether s ends with sentence punctuation.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"”’')")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// unquote returns s without its wrapping quotation marks, and whether it
// was wrapped in them.
func unquote(s string) (string, bool) {
	r := []rune(s)
	if len(r) < 3 || !strings.ContainsRune("\"“", r[0]) || !strings.ContainsRune("\"”", r[len(r)-1]) {
		return s, false
	}
	inner := strings.TrimSpace(string(r[1 : len(r)-1]))
	return inner, inner != ""
}

// bullet returns s without its list marker, and whether it had one.
func bullet(s string) (string, bool) {
	for _, m := range []string{"- ", "• ", "* ", "– ", "— "} {
		if rest, ok := strings.CutPrefix(s, m); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }
