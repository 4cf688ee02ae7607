package seed

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/diag"
)

// line is one normalised line of a seed; text is "" for a blank line.
type line struct {
	text string
	num  int
}

// Parse parses the seed data read from the file name. Errors are
// *diag.Error values naming name and, where it helps, the line.
func Parse(name string, data []byte) (*Article, error) {
	lines, err := split(name, data)
	if err != nil {
		return nil, err
	}
	a := &Article{Name: name}
	p := &parser{a: a}
	for _, seg := range segments(a, lines) {
		p.segment(seg)
	}
	p.finish()
	if !hasText(a.Body) && !hasText(a.Analysis) {
		return nil, diag.Errorf(name, 0, "no article text: no paragraph found")
	}
	return a, nil
}

// split checks that data is text and returns its normalised lines.
func split(name string, data []byte) ([]line, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, diag.Errorf(name, 0, "empty seed")
	}
	raw := strings.Split(string(data), "\n")
	lines := make([]line, len(raw))
	for i, s := range raw {
		if strings.IndexByte(s, 0) >= 0 {
			return nil, diag.Errorf(name, i+1, "binary data (NUL byte), not a text seed")
		}
		if !utf8.ValidString(s) {
			return nil, diag.Errorf(name, i+1, "not valid UTF-8")
		}
		lines[i] = line{text: normalize(s), num: i + 1}
	}
	return lines, nil
}

// normalize trims s and makes each run of white space in it one space.
// Most lines need nothing done, and get no copy.
func normalize(s string) string {
	space := true // s starts after a space, for what it must not start with
	for _, r := range s {
		switch {
		case r == ' ' && !space:
			space = true
		case r == ' ' || unicode.IsSpace(r):
			return strings.Join(strings.Fields(s), " ")
		default:
			space = false
		}
	}
	if space && s != "" {
		return strings.TrimRight(s, " ")
	}
	return s
}

// hasText reports whether any paragraph holds a letter.
func hasText(ps []Para) bool {
	for _, p := range ps {
		if strings.IndexFunc(p.Text, isLetter) >= 0 {
			return true
		}
	}
	return false
}

func (l line) para() Para { return Para{Text: l.text, Line: l.num} }
