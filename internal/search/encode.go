package search

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/site"
)

// Bytes of context a snippet keeps before and after its word.
const (
	snippetBefore = 40
	snippetAfter  = 70
	maxDek        = 120
)

// encoder writes shards as JSON:
//
//	{"d":[[path,date,headline,dek],...],
//	 "t":{word:[[story,tier,[positions],snippet],...],...},
//	 "p":[[story,tier,[],snippet],...]}
//
// story is an index into "d" of the same shard, so a shard changes only
// when the stories of its words do; "p" is on a split prefix's shard only.
type encoder struct {
	s    *site.Site
	buf  []byte
	docs map[int32]int
	ds   []int32
}

func (e *encoder) shard(p *plan, sh shard) []byte {
	e.buf, e.ds = nil, e.ds[:0] // emit may keep what it is given
	e.docs = make(map[int32]int)
	var body []byte
	body = append(body, `,"t":{`...)
	for i, ti := range sh.terms {
		if i > 0 {
			body = append(body, ',')
		}
		body = appendString(body, p.terms[ti])
		body = append(body, ':')
		body = e.postings(body, p.lists[ti], true)
	}
	body = append(body, '}')
	if sh.split {
		body = append(body, `,"p":`...)
		body = e.postings(body, p.prefixBest(sh.lo, sh.hi), false)
	}
	out := append(e.buf, `{"d":[`...)
	for i, d := range e.ds {
		if i > 0 {
			out = append(out, ',')
		}
		out = appendDoc(out, e.s.Articles[d])
	}
	out = append(out, ']')
	out = append(out, body...)
	out = append(out, "}\n"...)
	e.buf = out
	return out
}

func (e *encoder) postings(b []byte, ps []posting, positions bool) []byte {
	b = append(b, '[')
	for i := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		b = e.posting(b, &ps[i], positions)
	}
	return append(b, ']')
}

func (e *encoder) posting(b []byte, ps *posting, positions bool) []byte {
	d, ok := e.docs[ps.doc]
	if !ok {
		d = len(e.ds)
		e.docs[ps.doc] = d
		e.ds = append(e.ds, ps.doc)
	}
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(d), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(ps.tier), 10)
	b = append(b, ",["...)
	for i := 0; positions && i < int(ps.npos); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(ps.pos[i]), 10)
	}
	b = append(b, "],"...)
	b = appendString(b, snippet(e.s.Articles[ps.doc], ps))
	return append(b, ']')
}

func appendDoc(b []byte, a *site.Article) []byte {
	b = append(b, '[')
	b = appendString(b, a.Path)
	b = append(b, ',')
	date := ""
	if !a.Meta.Date.IsZero() {
		date = a.Date().Format("2006-01-02") // the day the site shows, in its time zone
	}
	b = appendString(b, date)
	b = append(b, ',')
	b = appendString(b, a.Meta.Title)
	b = append(b, ',')
	b = appendString(b, dek(a))
	return append(b, ']')
}

// dek is what a result shows under its headline: the dek, or the lede if
// there is none (as the front page does), cut short at a space.
func dek(a *site.Article) string {
	d := a.Dek()
	if len(d) <= maxDek {
		return d
	}
	return cutAfter(d, maxDek) + "…"
}

// snippet is the text around a posting's word in its best field, or ""
// when the result shows that text anyway: the headline, or the dek as far
// as it is shown.
func snippet(a *site.Article, ps *posting) string {
	text := fieldText(a, int(ps.field))
	if text == a.Meta.Title || text == a.Dek() && int(ps.end) <= maxDek {
		return ""
	}
	start, end := int(ps.start)-snippetBefore, int(ps.end)+snippetAfter
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
		start = cutBefore(text, start)
	} else {
		start = 0
	}
	cut := end < len(text)
	if cut {
		end = len(cutAfter(text[:end], end))
	} else {
		end = len(text)
	}
	b.WriteString(plain(text[start:end]))
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// cutBefore moves i forward to the start of a word.
func cutBefore(text string, i int) int {
	if j := strings.IndexAny(text[i:], " \n"); j >= 0 && j < 20 {
		return i + j + 1
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// cutAfter cuts s to at most n bytes, at the last space if there is one
// near the end.
func cutAfter(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if j := strings.LastIndexAny(s, " \n"); j > n-20 {
		return s[:j]
	}
	return strings.ToValidUTF8(s, "")
}

// plain makes a stretch of a Markdown body readable as text: line breaks
// and runs of spaces become one space, a heading's or an escape's marks go.
func plain(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if !strings.ContainsAny(s, `\#`) {
		return s
	}
	r := strings.NewReplacer(`\`, "", "## ", "", "# ", "")
	return r.Replace(s)
}

// appendString appends s as a JSON string.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
