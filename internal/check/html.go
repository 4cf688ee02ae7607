package check

import (
	"html"
	"strings"
)

// token is one piece of an HTML document, as far as the checks need it:
// a start tag with its attributes (and, for an element whose content is raw
// text such as <script>, that text), an end tag, or text.
type token struct {
	kind  tokenKind
	name  string // lower-case tag name
	attrs map[string]string
	text  string // text, or the raw content of a script, style or title
	line  int
}

type tokenKind int

const (
	textToken tokenKind = iota
	startTag
	endTag
)

// rawText are the elements whose content is not markup: it runs to the
// element's end tag.
var rawText = map[string]bool{"script": true, "style": true, "title": true, "textarea": true}

// tokenize splits an HTML document into tokens. It follows HTML5 far
// enough for pages that a generator wrote (comments, doctype, quoted and
// unquoted attributes, character references, raw text elements) and never
// fails: what it cannot read it passes over as text.
func tokenize(src string) []token {
	t := &tokenizer{src: src, line: 1}
	for t.pos < len(t.src) {
		t.next()
	}
	return t.out
}

type tokenizer struct {
	src  string
	pos  int
	line int
	out  []token
}

// advance moves to byte offset end, counting lines.
func (t *tokenizer) advance(end int) {
	t.line += strings.Count(t.src[t.pos:end], "\n")
	t.pos = end
}

func (t *tokenizer) next() {
	rest := t.src[t.pos:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		t.skipPast("-->", 4)
	case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"):
		t.skipPast(">", 2)
	case strings.HasPrefix(rest, "</") && len(rest) > 2 && isLetter(rest[2]):
		t.endTag()
	case strings.HasPrefix(rest, "<") && len(rest) > 1 && isLetter(rest[1]):
		t.startTag()
	default:
		end := strings.IndexByte(rest[1:], '<')
		if end < 0 {
			end = len(rest) - 1
		}
		t.out = append(t.out, token{kind: textToken, text: html.UnescapeString(rest[:end+1]), line: t.line})
		t.advance(t.pos + end + 1)
	}
}

// skipPast moves past the next marker after skipping from bytes.
func (t *tokenizer) skipPast(marker string, from int) {
	end := strings.Index(t.src[t.pos+from:], marker)
	if end < 0 {
		t.advance(len(t.src))
		return
	}
	t.advance(t.pos + from + end + len(marker))
}

func (t *tokenizer) endTag() {
	line := t.line
	name, _ := t.name(t.pos + 2)
	t.skipPast(">", 2)
	t.out = append(t.out, token{kind: endTag, name: name, line: line})
}

// name reads a tag name at offset i, and returns it in lower case and the
// offset of its end.
func (t *tokenizer) name(i int) (string, int) {
	j := i
	for j < len(t.src) && !isSpace(t.src[j]) && t.src[j] != '>' && t.src[j] != '/' {
		j++
	}
	return strings.ToLower(t.src[i:j]), j
}

func (t *tokenizer) startTag() {
	name, end := t.name(t.pos + 1)
	tok := token{kind: startTag, name: name, attrs: make(map[string]string), line: t.line}
	t.advance(end)
	for t.pos < len(t.src) && t.src[t.pos] != '>' {
		if isSpace(t.src[t.pos]) || t.src[t.pos] == '/' {
			t.advance(t.pos + 1)
			continue
		}
		name, value := t.attr()
		if _, dup := tok.attrs[name]; !dup {
			tok.attrs[name] = value // the first of two wins, as in browsers
		}
	}
	t.advance(min(t.pos+1, len(t.src)))
	if rawText[tok.name] {
		tok.text = t.rawText(tok.name)
	}
	t.out = append(t.out, tok)
}

// attr reads one attribute and its value, unescaped.
func (t *tokenizer) attr() (name, value string) {
	i := t.pos
	for i < len(t.src) && !isSpace(t.src[i]) && !strings.ContainsRune("=>/", rune(t.src[i])) {
		i++
	}
	name = strings.ToLower(t.src[t.pos:i])
	if i == t.pos { // a stray "=": skip it
		i++
	}
	t.advance(i)
	if t.pos >= len(t.src) || t.src[t.pos] != '=' {
		return name, ""
	}
	i = t.pos + 1
	if i < len(t.src) && (t.src[i] == '"' || t.src[i] == '\'') {
		end := strings.IndexByte(t.src[i+1:], t.src[i])
		if end < 0 {
			end = len(t.src) - i - 1
		}
		value = t.src[i+1 : i+1+end]
		t.advance(min(i+2+end, len(t.src)))
		return name, html.UnescapeString(value)
	}
	j := i
	for j < len(t.src) && !isSpace(t.src[j]) && t.src[j] != '>' {
		j++
	}
	t.advance(j)
	return name, html.UnescapeString(t.src[i:j])
}

// rawText reads the content of a raw text element up to its end tag, which
// it leaves to be read next.
func (t *tokenizer) rawText(name string) string {
	rest := t.src[t.pos:]
	end := 0
	for {
		i := strings.Index(rest[end:], "</")
		if i < 0 {
			end = len(rest)
			break
		}
		end += i
		if tag := rest[end+2:]; len(tag) >= len(name) && strings.EqualFold(tag[:len(name)], name) {
			break
		}
		end += 2
	}
	text := rest[:end]
	t.advance(t.pos + end)
	if name == "title" || name == "textarea" {
		return html.UnescapeString(text)
	}
	return text
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
