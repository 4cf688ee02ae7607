package markdown

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain words, nothing else.", "Plain words, nothing else."},
		{"2022. was a year", `2022\. was a year`},
		{"1) first", `1\) first`},
		{"# not a heading", `\# not a heading`},
		{"- not a bullet", `\- not a bullet`},
		{"+ not a bullet", `\+ not a bullet`},
		{"> not a quote", `\> not a quote`},
		{"---", `\---`},
		{"<div>x</div>", `\<div>x\</div>`},
		{"*x* and _y_", `\*x\* and \_y\_`},
		{"[a](b) `c`", "\\[a\\](b) \\`c\\`"},
		{`back\slash`, `back\\slash`},
		{"AT&T &amp; &#39;", `AT&T \&amp; \&#39;`},
		{"  padded  ", "padded"},
		{"Kyiv’s “quote”", "Kyiv’s “quote”"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// renderText renders Markdown and returns the text of its one paragraph.
func renderText(t *testing.T, md string) string {
	t.Helper()
	secs, err := Render([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if len(secs) != 1 || secs[0].Title != "" {
		t.Fatalf("Render(%q) = %d sections, want one untitled", md, len(secs))
	}
	got := string(secs[0].HTML)
	inner, ok := strings.CutPrefix(got, "<p>")
	inner, ok2 := strings.CutSuffix(inner, "</p>\n")
	if !ok || !ok2 {
		t.Fatalf("Render(%q) = %q, want one paragraph", md, got)
	}
	return html.UnescapeString(inner)
}

func TestEscapeRendersLiterally(t *testing.T) {
	for _, s := range []string{
		"2022. Istanbul draft", "# hash", "<script>alert(1)</script>", "*x*",
		"a | b | c", "&copy; &#169;", "=== x", "10) ten", `trailing \`,
		"![img](x.png)", "<https://example.com>", "line with `code`", "~~~", "~~~ go", "a ~~b~~ c",
	} {
		if got := renderText(t, Escape(s)); got != s {
			t.Errorf("Escape(%q) renders as %q", s, got)
		}
	}
}

func FuzzEscape(f *testing.F) {
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			f.Add(line)
		}
	}
	f.Add("1. <b>*x*</b> &amp; [y](z)")
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if !isText(s) {
			t.Skip()
		}
		if got := renderText(t, Escape(s)); got != s {
			t.Errorf("Escape(%q) = %q renders as %q", s, Escape(s), got)
		}
	})
}

// isText reports whether s is one non-empty line of valid UTF-8 text: no
// control characters (goldmark replaces NUL), no U+FFFD, no white space at
// the ends, which Markdown drops.
func isText(s string) bool {
	return s != "" && utf8.ValidString(s) && strings.TrimSpace(s) == s &&
		!strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == utf8.RuneError })
}

func TestRenderSections(t *testing.T) {
	body := "First para.\n\nSecond *para*.\n\n## Analysis\n\nWhy it matters.\n\n## More\n"
	secs, err := Render([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(secs) != 3 {
		t.Fatalf("got %d sections, want 3: %+v", len(secs), secs)
	}
	if secs[0].Title != "" || secs[0].HTML != "<p>First para.</p>\n<p>Second <em>para</em>.</p>\n" {
		t.Errorf("section 0 = %+v", secs[0])
	}
	if secs[1].Title != "Analysis" || secs[1].HTML != "<p>Why it matters.</p>\n" {
		t.Errorf("section 1 = %+v", secs[1])
	}
	if secs[2].Title != "More" || secs[2].HTML != "" {
		t.Errorf("section 2 = %+v", secs[2])
	}
}

func TestRenderDropsRawHTML(t *testing.T) {
	secs, err := Render([]byte("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(secs[0].HTML)
	if strings.Contains(got, "<script") || strings.Contains(got, "<b ") {
		t.Errorf("raw HTML passed through: %q", got)
	}
}

// TestRenderLazyImages checks that a body's images load lazily: they are
// below the story's headline.
func TestRenderLazyImages(t *testing.T) {
	secs, err := Render([]byte("Text.\n\n![A chart of rates](/images/chart.png \"Rates\")\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := `<p><img src="/images/chart.png" alt="A chart of rates" title="Rates" loading="lazy" decoding="async"></p>`
	if got := string(secs[0].HTML); !strings.Contains(got, want) {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
