package check

import (
	"encoding/json"
	"strings"
)

// page checks an HTML page: its links, metadata, ids and JSON-LD.
func (c *checker) page(file string, data []byte) {
	toks := tokenize(string(data))
	c.metadata(file, toks)
	c.image(file, toks)
	ids := make(map[string]int)
	for _, t := range toks {
		if t.kind != startTag {
			continue
		}
		if id, ok := t.attrs["id"]; ok {
			c.id(file, t.line, id, ids)
		}
		for _, attr := range []string{"href", "src"} {
			if ref, ok := t.attrs[attr]; ok {
				c.link(file, t.line, ref)
			}
		}
		if t.name == "script" && strings.EqualFold(strings.TrimSpace(t.attrs["type"]), "application/ld+json") {
			c.jsonLD(file, t.line, t.text)
		}
	}
	c.fragments(file, toks, ids)
}

func (c *checker) id(file string, line int, id string, ids map[string]int) {
	if first, dup := ids[id]; dup {
		c.problems.Add(file, line, "duplicate id %q (first on line %d)", id, first)
		return
	}
	ids[id] = line
}

// fragments checks that every link to "#x" on the page finds id x.
func (c *checker) fragments(file string, toks []token, ids map[string]int) {
	for _, t := range toks {
		if ref, ok := t.attrs["href"]; ok && strings.HasPrefix(ref, "#") && len(ref) > 1 {
			if _, found := ids[ref[1:]]; !found {
				c.problems.Add(file, t.line, "link %s: no element with id %q", ref, ref[1:])
			}
		}
	}
}

// metadata checks what every page must have in its head.
func (c *checker) metadata(file string, toks []token) {
	var title, desc bool
	for _, t := range toks {
		switch {
		case t.kind != startTag:
		case t.name == "title":
			title = strings.TrimSpace(t.text) != ""
		case t.name == "meta" && strings.EqualFold(t.attrs["name"], "description"):
			desc = strings.TrimSpace(t.attrs["content"]) != ""
		}
	}
	if !title {
		c.problems.Add(file, 0, "no <title>")
	}
	if !desc {
		c.problems.Add(file, 0, "no meta description")
	}
	if canon := canonical(toks); canon == "" {
		c.problems.Add(file, 0, "no canonical link")
	} else {
		c.absolute(file, 0, "canonical link", canon)
	}
	for _, t := range toks {
		if t.kind == startTag && t.name == "meta" && t.attrs["property"] == "og:url" {
			c.absolute(file, t.line, "og:url", strings.TrimSpace(t.attrs["content"]))
		}
	}
}

// canonical is the href of the page's <link rel="canonical">, or "".
func canonical(toks []token) string {
	for _, t := range toks {
		if t.kind == startTag && t.name == "link" && hasWord(t.attrs["rel"], "canonical") {
			return strings.TrimSpace(t.attrs["href"])
		}
	}
	return ""
}

// hasWord reports whether the space-separated list holds word.
func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

func (c *checker) jsonLD(file string, line int, text string) {
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		c.problems.Add(file, line, "JSON-LD does not parse: %v", err)
		return
	}
	if m, ok := v.(map[string]any); !ok || m["@context"] == nil {
		c.problems.Add(file, line, "JSON-LD has no @context")
	}
}
