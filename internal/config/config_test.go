package config

import (
	"os"
	"testing"
	"testing/fstest"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, data, err string
	}{
		{"empty", "", ""},
		{"full", "title: T\ndescription: D\nbaseURL: https://example.github.io/digest\nlanguage: en-GB\nauthor: A\npublisher:\n  name: P\n  url: https://p.example/\ndomain: news.example.com\nfeedLength: 5\ncards: 10\ncolors:\n  accent: \"#112233\"\n", ""},
		{"full", "title: T\ndescription: D\nbaseURL: https://example.github.io/digest\nlanguage: en-GB\nauthor: A\npublisher:\n  name: P\n  url: https://p.example/\ndomain: news.example.com\nfeedLength: 5\npagination:\n  pagerSize: 12\n", ""},
		{"unknown key", "title: T\ntitel: T\n", `digest.yaml:2: unknown key "titel"`},
		{"unknown nested key", "publisher:\n  name: P\n  logo: x.png\n", `digest.yaml:3: unknown key "publisher.logo"`},
		{"wrong type", "feedLength: all\n", `digest.yaml:1: feedLength: want a whole number, got "all"`},
		{"syntax", "title: [\n", `digest.yaml:2: did not find expected node content`},
		{"empty title", "title: \"\"\n", `digest.yaml:1: title: must not be empty`},
		{"bad base", "\nbaseURL: ftp://x/\n", `digest.yaml:2: baseURL: base URL "ftp://x/": want http(s)://host/path/ or /path/`},
		{"bad language", "language: English\n", `digest.yaml:1: language: "English" is not a language tag such as "en"`},
		{"bad domain", "domain: https://t4k3.news/\n", `digest.yaml:1: domain: "https://t4k3.news/" is not a host name such as "news.example.com"`},
		{"bad publisher", "publisher:\n  url: t4k3.news\n", `digest.yaml:1: publisher: url "t4k3.news" is not an http(s) URL`},
		{"feed length", "feedLength: 0\n", `digest.yaml:1: feedLength: want 1 or more, got 0`},
		{"NUL", "title: T\nauthor: A\x00\n", `digest.yaml:2: NUL byte at column 10; only text is allowed`},
		{"latin-1", "title: T\nauthor: Caf\xe9\n", `digest.yaml:2: not valid UTF-8`},
		{"limits", "limits:\n  contentFile: 1000\n  tagsPerArticle: 5\n", ""},
		{"bad limit", "limits:\n  staticFile: 0\n", `digest.yaml:1: limits: every limit must be 1 or more, got 0`},
		{"unknown limit", "limits:\n  tags: 5\n", `digest.yaml:2: unknown key "limits.tags"`},
		{"cards", "cards: -1\n", `digest.yaml:1: cards: want 0 or more, got -1`},
		{"no cards", "cards: 0\n", ""},
		{"colour", "title: T\ncolors:\n  accent: red\n", `digest.yaml:2: colors: accent "red" is not a colour such as "#a8221b"`},
		{"unknown colour", "colors:\n  link: \"#0b4f9c\"\n", `digest.yaml:2: unknown key "colors.link"`},
		{"pager size", "pagination:\n  pagerSize: 0\n", `digest.yaml:1: pagination: pagerSize: want 1 to 1000, got 0`},
		{"pager key", "pagination:\n  paginate: 5\n", `digest.yaml:2: unknown key "pagination.paginate"`},
		{"topics", "topics:\n  - name: Bank of England\n    title: The Bank\n    description: Rates.\n    aliases: [BoE, Bank Of England]\n  - name: NATO\n", ""},
		{"topic without name", "title: T\ntopics:\n  - name: NATO\n  - title: X\n", `digest.yaml:4: topics: topic 2 has no name`},
		{"topic spelled twice", "topics:\n  - name: NATO\n  - name: EU\n    aliases: [nato]\n", `digest.yaml:3: topics: "EU": "nato" is also a spelling of topic "NATO"`},
		{"topic key", "topics:\n  - name: NATO\n    alias: [x]\n", `digest.yaml:3: unknown key "topics[1].alias"`},
		{"menu", "menu:\n  - label: Archive\n    url: archive/\n  - label: NATO\n    topic: NATO\n  - label: About\n    url: https://t4k3.news/about\n", ""},
		{"menu both", "menu:\n  - label: A\n    url: archive/\n  - label: B\n    url: x/\n    topic: NATO\n", `digest.yaml:4: menu: "B": give a url or a topic, not both or neither`},
		{"menu neither", "menu:\n  - label: A\n", `digest.yaml:2: menu: "A": give a url or a topic, not both or neither`},
		{"menu label", "menu:\n  - url: archive/\n", `digest.yaml:2: menu: item 1 has no label`},
		{"menu url", "menu:\n  - label: A\n    url: javascript:alert(1)\n", `digest.yaml:2: menu: "A": url "javascript:alert(1)" is neither an http(s) URL nor a path of the site such as "archive/"`},
		{"menu up", "menu:\n  - label: A\n    url: ../x/\n", `digest.yaml:2: menu: "A": url "../x/" is neither an http(s) URL nor a path of the site such as "archive/"`},
		{"two", "language: x\nfeedLength: -1\n", `digest.yaml:1: language: "x" is not a language tag such as "en" (and 1 more)`},
	}
	for _, tt := range tests {
		_, err := Parse("digest.yaml", []byte(tt.data))
		if got := errText(err); got != tt.err {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.err)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestValues(t *testing.T) {
	c, err := Parse("digest.yaml", []byte("baseURL: https://example.github.io/digest\nlanguage: en-GB\npublisher:\n  url: https://www.p.example/\nfeedLength: 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "https://example.github.io/digest/" || c.Title != "T4K3.news" || c.FeedLength != 5 || c.Path != "digest.yaml" {
		t.Errorf("config: %+v", c)
	}
	if c.LanguageCode() != "en" || c.IDAuthority() != "p.example" {
		t.Errorf("language code %q, id authority %q", c.LanguageCode(), c.IDAuthority())
	}
	if err := c.SetBaseURL("/sub"); err != nil || c.BaseURL != "/sub/" {
		t.Errorf("SetBaseURL: %v, %q", err, c.BaseURL)
	}
	if d := Default(); d.IDAuthority() != "" || d.BaseURL != "/" {
		t.Errorf("default: %+v", d)
	}
}

func TestLoad(t *testing.T) {
	c, err := Load(fstest.MapFS{}, File)
	if err != nil || c.Title != "T4K3.news" || c.Path != "" {
		t.Errorf("no file: %+v, %v", c, err)
	}
	_, err = Load(fstest.MapFS{File: {Data: []byte("x: 1\n")}}, File)
	if errText(err) != `digest.yaml:1: unknown key "x"` {
		t.Errorf("bad file: %v", err)
	}
}

// TestCommitted reads the site's own digest.yaml.
func TestCommitted(t *testing.T) {
	c, err := Load(os.DirFS("../.."), File)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != File || c.Title != "T4K3.news" || c.IDAuthority() != "t4k3.news" {
		t.Errorf("digest.yaml: %+v", c)
	}
}

func TestLimits(t *testing.T) {
	c, err := Parse("digest.yaml", []byte("limits:\n  contentFile: 1000\n  tagsPerArticle: 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	l := c.Limits.Files()
	if l.Content != 1000 || l.Seed != Default().Limits.SeedFile || c.Limits.TagsPerArticle != 5 {
		t.Errorf("limits: %+v", c.Limits)
	}
}

func TestSubjects(t *testing.T) {
	c, err := Parse("digest.yaml", []byte("subjects:\n  - name: Farming\n    cues: [tractor*, harvest]\n  - name: Other\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Subjects) != 2 || c.Subjects[0].Name != "Farming" || c.Subjects[0].Cues[0] != "tractor*" {
		t.Errorf("Subjects = %+v", c.Subjects)
	}
	if d := Default(); len(d.Subjects) < 10 {
		t.Errorf("default vocabulary of %d subjects", len(d.Subjects))
	}
	_, err = Parse("digest.yaml", []byte("title: x\nsubjects:\n  - name: A\n  - name: a\n    cues: [x]\n  - cues: [y]\n  - name: B\n"))
	want := `digest.yaml:2: subjects: 2 subjects have no cues; only the fallback may have none (and 2 more)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestTopics(t *testing.T) {
	c, err := Parse("digest.yaml", []byte("topics:\n  - name: Bank of England\n    title: The Bank\n    aliases: [BoE, Bank Of England]\n  - name: NATO\n"))
	if err != nil {
		t.Fatal(err)
	}
	for tag, want := range map[string]string{"BoE": "bank-of-england", "Bank of England": "bank-of-england", "NATO": "nato", "EU": "eu"} {
		if got := c.TopicSlug(tag); got != want {
			t.Errorf("TopicSlug(%q) = %q, want %q", tag, got, want)
		}
	}
	if to := c.TopicOf("bank-of-england"); to == nil || to.Label() != "The Bank" {
		t.Errorf("TopicOf(bank-of-england) = %+v, want the Bank", to)
	}
	if to := c.TopicOf("nato"); to == nil || to.Label() != "NATO" {
		t.Errorf("TopicOf(nato) = %+v, want NATO by its name", to)
	}
	if got := c.TopicAliases(); len(got) != 1 || got["boe"] != "bank-of-england" {
		t.Errorf("TopicAliases() = %v, want boe → bank-of-england", got)
	}
	if Default().TopicSlug("BoE") != "boe" || Default().TopicOf("boe") != nil {
		t.Error("the default config merges topics")
	}
}
