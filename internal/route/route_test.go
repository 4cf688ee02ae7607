package route

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct{ in, want string }{
		{"Russia seeks veto in Ukraine security guarantees", "russia-seeks-veto-in-ukraine-security-guarantees"},
		{"Kyiv’s “defence”: 2022 & beyond!", "kyivs-defence-2022-and-beyond"},
		{"Зеленський у Вашингтоні", "zelens-kii-u-vashingtoni"},
		{"北京", "bei-jing"},
		{"", "fallback"},
		{"!!! ???", "fallback"},
		{long, strings.TrimSuffix(strings.Repeat("word-", 16), "-")},
	}
	for _, tt := range tests {
		got := Slug(tt.in, "fallback")
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) > MaxSlug {
			t.Errorf("Slug(%q) is %d bytes, more than %d", tt.in, len(got), MaxSlug)
		}
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		base, rel, abs string
	}{
		{"", "/news/x/", "/news/x/"},
		{"/", "/news/x/", "/news/x/"},
		{"/digest", "/digest/news/x/", "/digest/news/x/"},
		{"https://example.github.io/digest/", "/digest/news/x/", "https://example.github.io/digest/news/x/"},
		{"https://t4k3.news", "/news/x/", "https://t4k3.news/news/x/"},
	}
	for _, tt := range tests {
		s, err := New(tt.base)
		if err != nil {
			t.Fatalf("New(%q): %v", tt.base, err)
		}
		if got := s.Rel(ArticlePath("x")); got != tt.rel {
			t.Errorf("base %q: Rel = %q, want %q", tt.base, got, tt.rel)
		}
		if got := s.Abs(ArticlePath("x")); got != tt.abs {
			t.Errorf("base %q: Abs = %q, want %q", tt.base, got, tt.abs)
		}
	}
}

func TestRelEscapes(t *testing.T) {
	s, _ := New("https://example.com/a b/")
	if got, want := s.Rel("style.css"), "/a%20b/style.css"; got != want {
		t.Errorf("Rel = %q, want %q", got, want)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct{ base, want string }{
		{"ftp://example.com/", `base URL "ftp://example.com/": want http(s)://host/path/ or /path/`},
		{"example.com/digest", `base URL "example.com/digest": want http(s)://host/path/ or /path/`},
		{"https:///digest/", `base URL "https:///digest/": want http(s)://host/path/ or /path/`},
		{"https://example.com/?q=1", `base URL "https://example.com/?q=1": must not have a query, fragment or user`},
		{"//", `base URL "//": a scheme-relative URL (//host) is not allowed; want http(s)://host/path/ or /path/`},
		{"//example.com", `base URL "//example.com": a scheme-relative URL (//host) is not allowed; want http(s)://host/path/ or /path/`},
		{"//example.com/digest/", `base URL "//example.com/digest/": a scheme-relative URL (//host) is not allowed; want http(s)://host/path/ or /path/`},
		{"///digest/", `base URL "///digest/": a scheme-relative URL (//host) is not allowed; want http(s)://host/path/ or /path/`},
		{"https://example.com//digest/", `base URL "https://example.com//digest/": a scheme-relative URL (//host) is not allowed; want http(s)://host/path/ or /path/`},
	}
	for _, tt := range tests {
		if _, err := New(tt.base); err == nil || err.Error() != tt.want {
			t.Errorf("New(%q) error = %v, want %s", tt.base, err, tt.want)
		}
	}
}

func TestFile(t *testing.T) {
	for in, want := range map[string]string{
		"":             "index.html",
		"news/x/":      "news/x/index.html",
		"/topics/y/":   "topics/y/index.html",
		"404.html":     "404.html",
		"feed.xml":     "feed.xml",
		"topics/nato/": "topics/nato/index.html",
	} {
		if got := File(in); got != want {
			t.Errorf("File(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSlug checks the one slug rule from both sides: whatever the text,
// Slug makes a slug that IsSlug, and so a build, accepts.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Russia seeks veto", "!!! ??? …", "Ünïcödé — ça va?", "ꙮꙮ", "a--b", strings.Repeat("word ", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := Slug(text, "")
		if s != "" && (!IsSlug(s) || len(s) > MaxSlug) {
			t.Fatalf("Slug(%q) = %q, which is not a slug", text, s)
		}
	})
}
