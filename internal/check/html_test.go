package check

import (
	"fmt"
	"strings"
	"testing"
)

// show prints tokens compactly: start tags with sorted attributes, end
// tags, and raw text.
func show(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.kind {
		case startTag:
			fmt.Fprintf(&b, "%d<%s", t.line, t.name)
			for _, k := range sortedKeys(t.attrs) {
				fmt.Fprintf(&b, " %s=%q", k, t.attrs[k])
			}
			b.WriteString(">")
			if t.text != "" {
				fmt.Fprintf(&b, "%q", t.text)
			}
		case endTag:
			fmt.Fprintf(&b, "%d</%s>", t.line, t.name)
		default:
			fmt.Fprintf(&b, "%d%q", t.line, t.text)
		}
		b.WriteString(" ")
	}
	return strings.TrimSpace(b.String())
}

func sortedKeys(m map[string]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<!doctype html><P ID=x Class='a b'>t&amp;u</p>`, `1<p class="a b" id="x"> 1"t&u" 1</p>`},
		{"<!-- <a href=x> -->\n<a\nhref=\"/a?b=1&amp;c=2\" download>", `1"\n" 2<a download="" href="/a?b=1&c=2">`},
		{`<script type="application/ld+json">{"a":"<b>"}</script><b>`, `1<script type="application/ld+json">"{\"a\":\"<b>\"}" 1</script> 1<b>`},
		{`<title>A &amp; B</TITLE>`, `1<title>"A & B" 1</title>`},
		{`<br/><img src=a.png alt="">`, `1<br> 1<img alt="" src="a.png">`},
		{`a < b <3 </ x`, `1"a " 1"< b " 1"<3 " 1"</ x"`},
		{`<a href="x" href="y">`, `1<a href="x">`},
		{`<a href="unclosed`, `1<a href="unclosed">`},
		{`<script>never closed`, `1<script>"never closed"`},
	}
	for _, tt := range tests {
		if got := show(tokenize(tt.in)); got != tt.want {
			t.Errorf("tokenize(%q):\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{page("", "<a href=x>"), "<a =b>", "<!--", "<a b='", "</", "<x\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks := tokenize(src)
		last := 1
		for _, tok := range toks {
			if tok.line < last || tok.line > strings.Count(src, "\n")+1 {
				t.Fatalf("line %d out of order or range", tok.line)
			}
			last = tok.line
		}
	})
}
