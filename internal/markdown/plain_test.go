package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// convertedBody is a body as convert writes one: Escape'd paragraphs, then
// an Analysis section.
func convertedBody(paras, analysis []string) string {
	var b []string
	for _, p := range paras {
		b = append(b, Escape(p))
	}
	if len(analysis) > 0 {
		b = append(b, "## Analysis")
		for _, p := range analysis {
			b = append(b, Escape(p))
		}
	}
	return strings.Join(b, "\n\n") + "\n"
}

func TestPlainTaken(t *testing.T) {
	bodies := []string{
		convertedBody([]string{
			"Officials said the deal would be settled within 22 weeks.",
			"Costs rose 5% to $3.2bn in 2022, “officials” said; AT&T (and others) agreed.",
			`"We will not sign," Lavrov's aide said: the plan is a road to nowhere!`,
			"2022 was a year of talks.\nA second line, as a paragraph may have.",
		}, []string{"Why it matters: Kyiv’s allies want guarantees, not promises."}),
		"\n\nLeading blank lines, and no newline at the end.",
		"## Analysis\n\nOnly a titled section.\n",
		benchBody(),
	}
	for _, body := range contentBodies(t) {
		bodies = append(bodies, string(body))
	}
	for _, body := range bodies {
		if _, ok := renderPlain([]byte(body)); !ok {
			t.Errorf("renderPlain(%q) fell back to goldmark", body)
		}
	}
	// And Render takes it: goldmark makes some 75 allocations for this body.
	body := []byte(benchBody())
	if n := testing.AllocsPerRun(10, func() { _, _ = Render(body) }); n > 8 {
		t.Errorf("Render made %v allocations: did it call goldmark?", n)
	}
}

func TestPlainNotTaken(t *testing.T) {
	for _, body := range []string{
		"Some *emphasis*.", "- a list\n- of two", "1. a list", "2022\\. escaped",
		"A [link](https://example.com).", "Raw <b>HTML</b>.", "An &amp; entity.",
		"An &#39; entity.", "# Level one", "### Level three", "Hard  \nbreak",
		"Hard\\\nbreak", "CRLF\r\n", "\tTab", "    Indented", "`code`",
		"a | b\n--|--", "Setext\n===", "Table\n:-", "## Closed ##", "##",
		"Trailing space \n", "NUL\x00", "Bad UTF-8 \xff",
	} {
		if _, ok := renderPlain([]byte(body)); ok {
			t.Errorf("renderPlain(%q) did not fall back to goldmark", body)
		}
	}
}

// FuzzPlain checks that whenever renderPlain takes a body, it renders it
// exactly as goldmark does.
func FuzzPlain(f *testing.F) {
	for _, body := range contentBodies(f) {
		f.Add(string(body))
	}
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		f.Add(convertedBody(lines[:len(lines)/2], lines[len(lines)/2:]))
	}
	for _, s := range []string{
		"", "\n", "\n\n\nA.\n", "A.", "A.\nB.", "A.\n\n\n\nB.\n\n", `"Q" & A's`,
		"AT&T", "&amp;", "&#39;", "&#x22;", "&;", "& ;", "1. x", "1) x",
		"2022 was", "2022", "12345678901. x", "(1) x", "'q'", "Kyiv’s “quote”",
		"日本語のテキスト\n続き", "## Analysis", "## Analysis\n", "## A\n## B\n",
		"## \"Q\" & A\n\nx", "## ", "##  A", "## A ##", "# A", "### A",
		"A\n## B\nC", "A\n===", "A\n---", "A\n:-", "A  \nB", "A\\\nB",
		"A\r\nB\r\n", " A", "A ", "\tA", "    A", "\ufeffA", "A\u00a0",
		"\u00a0A", "A\u2028B", "A\x85B", "x=1 + 2 - 3", "a@b.c/d?e%f$g!",
		"Hi!", "![x](y)", "A\n\n## B\n\n## C\n\nD\n", "## A\u00a0", "## \u3000A",
		"## 1. A", "## AT&T \"Q\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		got, ok := renderPlain([]byte(body))
		if !ok {
			return
		}
		want, err := renderGoldmark([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("renderPlain(%q)\n = %q\nwant %q", body, got, want)
		}
	})
}
