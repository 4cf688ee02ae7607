package markdown

import (
	"regexp"
	"strings"
)

// Escape turns a plain-text paragraph into Markdown that renders as exactly
// that text: "2022. was a year" is not a list, "# 1" not a heading, "<div>"
// not HTML, "*x*" not emphasis. Leading and trailing white space of each
// line is dropped, as Markdown would drop it anyway. It escapes no more than
// it must, so that the Markdown stays pleasant to edit by hand.
func Escape(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = escapeLine(strings.TrimSpace(line))
	}
	return strings.Join(lines, "\n")
}

// inline holds the characters that are markup anywhere in a line.
var inline = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`,
	`[`, `\[`, `]`, `\]`, `<`, `\<`, `|`, `\|`,
)

// entity matches a character reference such as "&amp;" or "&#39;".
var entity = regexp.MustCompile(`&(#?[0-9A-Za-z]+;)`)

// blockStart matches what makes a line start a block: a heading, quote,
// list item, thematic break, setext underline or a fence of tildes ("~~~";
// a fence of backticks is escaped with every backtick).
var blockStart = regexp.MustCompile(`^(?:[#>+=~-]|[0-9]{1,9}[.)])`)

func escapeLine(line string) string {
	line = inline.Replace(line)
	line = entity.ReplaceAllString(line, `\&$1`)
	if m := blockStart.FindString(line); m != "" {
		// Escape the last character of the marker: "#" or "2022\.".
		line = m[:len(m)-1] + `\` + line[len(m)-1:]
	}
	return line
}
